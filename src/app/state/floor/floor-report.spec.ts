import type { Action } from '@ngrx/store';
import { MAX_PARTICIPANTS } from '../../../../server/floor/floor-protocol';
import { CallingSdkEvents } from '../calling-sdk.actions';
import { callsFeature } from '../calls/calls.feature';
import { participantsFeature } from '../participants/participants.feature';
import { AgentPresenceActions } from '../presence/agent-presence.actions';
import { AgentStatusMenuActions } from '../presence/agent-status-menu.actions';
import { presenceFeature } from '../presence/presence.feature';
import { queueFeature } from '../queue/queue.feature';
import { call, participant } from '../testing/snapshots';
import { selectFloorReport, selectFloorReportBody } from './floor-report';

const ACW = { callId: 'c1', startedAt: 5_000 };

function stateAfter(actions: Action[], afterCallWork: typeof ACW | null = null) {
  const reduce = <S>(reducer: (state: S | undefined, action: Action) => S) =>
    actions.reduce(reducer, reducer(undefined, { type: 'init' }));
  return {
    calls: reduce(callsFeature.reducer),
    participants: reduce(participantsFeature.reducer),
    queue: reduce(queueFeature.reducer),
    presence: reduce(presenceFeature.reducer),
    afterCallWork: { current: afterCallWork },
  };
}

describe('the report to the floor', () => {
  it('names at most as many participants of a large meeting as the floor takes', () => {
    const attendees = Array.from({ length: MAX_PARTICIPANTS + 36 }, (_, i) =>
      participant('m', `8:orgid:attendee-${i}`, { displayName: `Attendee ${i}` }),
    );
    const body = selectFloorReportBody(
      stateAfter([
        CallingSdkEvents.callAdded({ call: call('m', { kind: 'meeting', serverCallId: 'server-m' }) }),
        CallingSdkEvents.participantsAdded({ callId: 'm', participants: attendees }),
      ]),
    );
    expect(body.state).toBe('onCall');
    expect(body.calls.length).toBe(1);
    expect(body.calls[0].participants.length).toBe(MAX_PARTICIPANTS);
    expect(body.calls[0].participants[0]).toBe('Attendee 0');
  });

  it('says After-call work while it lasts and Away once chosen, each with when it was entered', () => {
    const entered = (state: 'afterCallWork' | 'away', at: number) =>
      AgentPresenceActions.stateEntered({ state, at });
    expect(selectFloorReport(stateAfter([entered('afterCallWork', 5_000)], ACW))).toEqual({
      state: 'afterCallWork',
      since: 5_000,
      calls: [],
    });
    const away = [AgentStatusMenuActions.statusChosen({ status: 'away' }), entered('away', 9_000)];
    expect(selectFloorReport(stateAfter(away))).toEqual({ state: 'away', since: 9_000, calls: [] });
  });

  it('has no time in state until the new state has been counted', () => {
    const state = stateAfter([
      AgentPresenceActions.stateEntered({ state: 'available', at: 1_000 }),
      AgentStatusMenuActions.statusChosen({ status: 'away' }),
    ]);
    expect(selectFloorReport(state)).toEqual({ state: 'away', since: null, calls: [] });
  });
});
