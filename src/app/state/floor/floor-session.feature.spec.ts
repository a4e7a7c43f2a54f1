import type { Action } from '@ngrx/store';
import { afterCallWorkFeature } from '../after-call-work/after-call-work.feature';
import { agentFeature } from '../agent/agent.feature';
import { CallingSdkEvents } from '../calling-sdk.actions';
import { ActiveCallPanelActions } from '../calls/active-call-panel.actions';
import { callsFeature } from '../calls/calls.feature';
import { participantsFeature } from '../participants/participants.feature';
import { presenceFeature } from '../presence/presence.feature';
import { queueFeature } from '../queue/queue.feature';
import { call, incomingCall, participant } from '../testing/snapshots';
import { FloorApiActions } from './floor-api.actions';
import { selectFloorReportBody } from './floor-report';
import { floorSessionFeature, selectAskSupervisorBlocked, selectMutedBy } from './floor-session.feature';
import { SAM } from './testing/floor-fixtures';

/** The root state after the actions, through the real reducers. */
function after(...actions: Action[]) {
  const features = [
    agentFeature,
    queueFeature,
    callsFeature,
    participantsFeature,
    floorSessionFeature,
    presenceFeature,
    afterCallWorkFeature,
  ];
  return Object.fromEntries(
    features.map((feature) => [
      feature.name,
      actions.reduce((state, action) => feature.reducer(state as never, action), undefined as unknown),
    ]),
  ) as never;
}

describe('the floor session’s state', () => {
  it('says who muted the user until they unmute, dismiss the notice, or the call ends', () => {
    const muted = [
      CallingSdkEvents.callAdded({ call: call('c1') }),
      CallingSdkEvents.callMutedChanged({ id: 'c1', isMuted: true }),
      FloorApiActions.mutedBy({ callId: 'c1', by: SAM }),
    ];
    expect(selectMutedBy('c1')(after(...muted))).toBe('Sam Okafor');
    expect(
      selectMutedBy('c1')(after(...muted, CallingSdkEvents.callMutedChanged({ id: 'c1', isMuted: false }))),
    ).toBeNull();
    expect(
      selectMutedBy('c1')(after(...muted, ActiveCallPanelActions.mutedNoticeDismissed({ callId: 'c1' }))),
    ).toBeNull();
    expect(
      selectMutedBy('c1')(
        after(...muted, CallingSdkEvents.callEnded({ id: 'c1', callEndReason: null, at: 9 })),
      ),
    ).toBeNull();
    expect(
      selectMutedBy('c2')(after(...muted, CallingSdkEvents.callIdChanged({ previousId: 'c1', id: 'c2' }))),
    ).toBe('Sam Okafor');
  });
});

describe('whether Ask supervisor can go out', () => {
  it('needs the floor connected and the call on it', () => {
    const added = CallingSdkEvents.callAdded({ call: call('c1') });
    const open = FloorApiActions.connectionChanged({ status: { state: 'open' } });
    expect(selectAskSupervisorBlocked('c1')(after(added))).toBe('Not connected to the supervisors’ floor.');
    expect(selectAskSupervisorBlocked('c1')(after(added, open))).toBe(
      'This call is not on the supervisors’ floor yet.',
    );
    expect(
      selectAskSupervisorBlocked('c1')(
        after(added, open, CallingSdkEvents.serverCallIdKnown({ id: 'c1', serverCallId: 'k1' })),
      ),
    ).toBeNull();
  });
});

describe('the report to the floor', () => {
  it('leaves out calls whose server id is not known yet', () => {
    const state = after(
      CallingSdkEvents.incomingCallsReceived({ incomingCalls: [incomingCall('in1', 1_000)] }),
    );
    expect(selectFloorReportBody(state)).toEqual({ state: 'available', calls: [] });
  });

  it('names participants by name or number, never by raw id, and says a held call is on hold', () => {
    const state = after(
      CallingSdkEvents.callAdded({ call: call('c1', { state: 'LocalHold', startedAt: 1_000 }) }),
      CallingSdkEvents.serverCallIdKnown({ id: 'c1', serverCallId: 'k1' }),
      CallingSdkEvents.participantsAdded({
        callId: 'c1',
        participants: [
          participant('c1', '4:+14255550123', { displayName: null }),
          participant('c1', '8:orgid:0000', {
            displayName: null,
            identity: { kind: 'microsoftTeamsUser', rawId: '8:orgid:0000' },
          }),
          participant('c1', '8:orgid:0001', { displayName: 'Drew Lee' }),
        ],
      }),
    );
    expect(selectFloorReportBody(state)).toEqual({
      state: 'onCall',
      calls: [
        {
          key: 'k1',
          caller: { displayName: 'Dana Smith', phoneNumber: '+14255550123', rawId: '4:+14255550123' },
          queue: 'Billing',
          state: 'LocalHold',
          since: new Date(1_000).toISOString(),
          onHold: true,
          participants: ['+14255550123', 'Teams user', 'Drew Lee'],
        },
      ],
    });
  });
});
