import { CallingApiActions } from '../calling-api.actions';
import { CallingSdkEvents } from '../calling-sdk.actions';
import { call } from '../testing/snapshots';
import { ActiveCallPanelActions } from './call-panels.actions';
import { callsFeature, initialCallsState, type CallsState } from './calls.feature';

const reduce = callsFeature.reducer;
const root = (state: CallsState) => ({ calls: state });

describe('calls feature', () => {
  it('starts the duration when the call first connects', () => {
    let state = reduce(
      initialCallsState,
      CallingSdkEvents.callAdded({ call: call('c1', { state: 'Connecting' }) }),
    );
    expect(state.entities['c1']?.connectedAt).toBeNull();
    state = reduce(state, CallingSdkEvents.callStateChanged({ id: 'c1', state: 'Connected', at: 5_000 }));
    state = reduce(state, CallingSdkEvents.callStateChanged({ id: 'c1', state: 'LocalHold', at: 9_000 }));
    state = reduce(state, CallingSdkEvents.callStateChanged({ id: 'c1', state: 'Connected', at: 12_000 }));
    expect(state.entities['c1']?.connectedAt).toBe(5_000);
  });

  it('has one active call: the latest not on hold; held calls are listed apart', () => {
    let state = reduce(
      initialCallsState,
      CallingSdkEvents.callAdded({ call: call('c1', { startedAt: 1_000 }) }),
    );
    state = reduce(state, CallingSdkEvents.callStateChanged({ id: 'c1', state: 'LocalHold', at: 2_000 }));
    state = reduce(state, CallingSdkEvents.callAdded({ call: call('c2', { startedAt: 3_000 }) }));
    expect(callsFeature.selectActiveCall(root(state))?.id).toBe('c2');
    expect(callsFeature.selectHeldCalls(root(state)).map((c) => c.id)).toEqual(['c1']);
  });

  it('keeps a call held by the other side as the active one (the agent cannot resume it)', () => {
    const state = reduce(
      initialCallsState,
      CallingSdkEvents.callAdded({ call: call('c1', { state: 'RemoteHold' }) }),
    );
    expect(callsFeature.selectActiveCall(root(state))?.id).toBe('c1');
    expect(callsFeature.selectHeldCalls(root(state))).toEqual([]);
  });

  it('tracks the pending operation and its failure', () => {
    let state = reduce(initialCallsState, CallingSdkEvents.callAdded({ call: call('c1') }));
    state = reduce(state, ActiveCallPanelActions.muteClicked({ callId: 'c1' }));
    expect(state.entities['c1']?.pending).toBe('mute');
    const failure = { message: 'Muting the microphone failed. Try again.', code: 500, subCode: 41015 };
    state = reduce(
      state,
      CallingApiActions.callOperationFailed({ callId: 'c1', operation: 'mute', failure }),
    );
    expect(state.entities['c1']).toEqual(
      jasmine.objectContaining({ pending: null, failure: { ...failure, operation: 'mute' } }),
    );
  });

  it('removes an ended call and says how it ended', () => {
    let state = reduce(initialCallsState, CallingSdkEvents.callAdded({ call: call('c1') }));
    state = reduce(
      state,
      CallingSdkEvents.callEnded({ id: 'c1', callEndReason: { code: 0, subCode: 560000 }, at: 9 }),
    );
    expect(state.ids).toEqual([]);
    expect(state.lastEnded?.message).toBe('The caller hung up.');
  });

  it('follows a call whose id the SDK changed', () => {
    let state = reduce(initialCallsState, CallingSdkEvents.callAdded({ call: call('old') }));
    state = reduce(state, CallingSdkEvents.callIdChanged({ previousId: 'old', id: 'new' }));
    expect(state.ids).toEqual(['new']);
    expect(state.entities['new']?.id).toBe('new');
  });

  it('keeps Hang up pending when an earlier Hold finishes during it', () => {
    let state = reduce(initialCallsState, CallingSdkEvents.callAdded({ call: call('c1') }));
    state = reduce(state, ActiveCallPanelActions.holdClicked({ callId: 'c1' }));
    state = reduce(state, ActiveCallPanelActions.hangUpClicked({ callId: 'c1' }));
    state = reduce(state, CallingApiActions.callOperationSucceeded({ callId: 'c1', operation: 'hold' }));
    expect(state.entities['c1']?.pending).toBe('hangUp');
    state = reduce(
      state,
      CallingApiActions.callOperationFailed({
        callId: 'c1',
        operation: 'hangUp',
        failure: { message: 'No' },
      }),
    );
    expect(state.entities['c1']?.pending).toBeNull();
  });

  it('clears the last call’s ending once a new call arrives', () => {
    let state = reduce(initialCallsState, CallingSdkEvents.callAdded({ call: call('c1') }));
    state = reduce(
      state,
      CallingSdkEvents.callEnded({ id: 'c1', callEndReason: { code: 0, subCode: 0 }, at: 9 }),
    );
    expect(state.lastEnded?.message).toBe('You hung up.');
    state = reduce(state, CallingSdkEvents.callAdded({ call: call('c2') }));
    expect(state.lastEnded).toBeNull();
  });
});
