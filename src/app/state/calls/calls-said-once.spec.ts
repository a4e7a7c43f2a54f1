import { teamsUserTarget } from '../../model/dial-target';
import { CallingApiActions } from '../calling-api.actions';
import { CallingSdkEvents } from '../calling-sdk.actions';
import { DialerActions } from '../dialer/dialer.actions';
import { call, participant } from '../testing/snapshots';
import { callsFeature, initialCallsState } from './calls.feature';

const reduce = callsFeature.reducer;
const AVERY = '00000000-0000-4000-8000-00000000b004';

describe('calls feature: how a call is named and how it ended, once and from the agent’s side', () => {
  it('names the callee as the agent picked them, and says how the call ended from the agent’s side', () => {
    const avery = teamsUserTarget(AVERY, 'Avery Stone', 'public');
    let state = reduce(initialCallsState, DialerActions.callClicked({ target: avery }));
    state = reduce(
      state,
      CallingSdkEvents.callAdded({
        call: call('out', { direction: 'Outgoing', queue: null, state: 'Connecting' }),
      }),
    );
    // The SDK gives a Teams user no name.
    state = reduce(
      state,
      CallingSdkEvents.participantsAdded({
        callId: 'out',
        participants: [
          participant('out', `8:orgid:${AVERY}`, {
            identity: { kind: 'microsoftTeamsUser', rawId: `8:orgid:${AVERY}` },
            displayName: null,
          }),
        ],
      }),
    );
    expect(state.entities['out']?.counterpart?.displayName).toBe('Avery Stone');
    state = reduce(state, CallingSdkEvents.callStateChanged({ id: 'out', state: 'Connected', at: 5 }));
    state = reduce(
      state,
      CallingSdkEvents.callEnded({ id: 'out', callEndReason: { code: 603, subCode: 0 }, at: 9 }),
    );
    expect(state.lastEnded?.message).toBe('Avery Stone declined the call.');
  });

  it('leaves a placed call that never connected to the dialer, unless the agent hung up on it', () => {
    const outgoing = call('out', { direction: 'Outgoing', queue: null, state: 'Ringing' });
    let state = reduce(initialCallsState, CallingSdkEvents.callAdded({ call: outgoing }));
    state = reduce(
      state,
      CallingSdkEvents.callEnded({ id: 'out', callEndReason: { code: 480, subCode: 10076 }, at: 9 }),
    );
    expect(state.lastEnded).toBeNull();
    state = reduce(state, CallingSdkEvents.callAdded({ call: outgoing }));
    state = reduce(
      state,
      CallingSdkEvents.callEnded({ id: 'out', callEndReason: { code: 487, subCode: 0 }, at: 9 }),
    );
    expect(state.lastEnded?.message).toBe('You hung up before they answered.');
  });

  it('drops the failure of a control given up on once the SDK shows it succeeded after all', () => {
    const abandoned = { message: 'The calling service did not answer in time.' };
    let state = reduce(initialCallsState, CallingSdkEvents.callAdded({ call: call('c1') }));
    for (const [operation, event] of [
      ['hold', CallingSdkEvents.callStateChanged({ id: 'c1', state: 'LocalHold', at: 2 })],
      ['resume', CallingSdkEvents.callStateChanged({ id: 'c1', state: 'Connected', at: 3 })],
      ['mute', CallingSdkEvents.callMutedChanged({ id: 'c1', isMuted: true })],
      ['unmute', CallingSdkEvents.callMutedChanged({ id: 'c1', isMuted: false })],
    ] as const) {
      state = reduce(
        state,
        CallingApiActions.callOperationFailed({ callId: 'c1', operation, failure: abandoned }),
      );
      expect(state.entities['c1']?.failure?.operation).toBe(operation);
      state = reduce(state, event);
      expect(state.entities['c1']?.failure).withContext(operation).toBeNull();
    }
  });
});
