import { CallingApiActions } from '../calling-api.actions';
import { CallingSdkEvents } from '../calling-sdk.actions';
import { incomingCall } from '../testing/snapshots';
import { QueuePanelActions } from './queue-panel.actions';
import { initialQueueState, queueFeature, selectQueuedCalls } from './queue.feature';

const reduce = queueFeature.reducer;
const select = (state = initialQueueState) => selectQueuedCalls({ queue: state });

describe('queue feature', () => {
  it('lists ringing calls oldest first, whatever order they arrived in', () => {
    let state = reduce(
      initialQueueState,
      CallingSdkEvents.incomingCallsReceived({ incomingCalls: [incomingCall('b', 2_000)] }),
    );
    state = reduce(
      state,
      CallingSdkEvents.incomingCallsReceived({ incomingCalls: [incomingCall('a', 1_000)] }),
    );
    expect(select(state).map((c) => c.id)).toEqual(['a', 'b']);
  });

  it('keeps the order the SDK announced calls in when they share a time (replayed at sign-in)', () => {
    let state = initialQueueState;
    for (const id of ['zeta', 'alpha', 'mid'])
      state = reduce(
        state,
        CallingSdkEvents.incomingCallsReceived({ incomingCalls: [incomingCall(id, 5_000)] }),
      );
    expect(select(state).map((c) => c.id)).toEqual(['zeta', 'alpha', 'mid']);
  });

  it('takes a burst in one action, in the order the SDK announced it, after the calls already there', () => {
    let state = reduce(
      initialQueueState,
      CallingSdkEvents.incomingCallsReceived({ incomingCalls: [incomingCall('first', 5_000)] }),
    );
    state = reduce(
      state,
      CallingSdkEvents.incomingCallsReceived({
        incomingCalls: ['zeta', 'alpha', 'mid'].map((id) => incomingCall(id, 5_000)),
      }),
    );
    expect(select(state).map((c) => c.id)).toEqual(['first', 'zeta', 'alpha', 'mid']);
    expect(select(state).every((c) => c.status === 'ringing')).toBeTrue();
  });

  it('changes nothing when a call’s server id is said again', () => {
    const state = reduce(
      initialQueueState,
      CallingSdkEvents.incomingCallsReceived({
        incomingCalls: [{ ...incomingCall('a', 1), serverCallId: 'server-a' }],
      }),
    );
    expect(reduce(state, CallingSdkEvents.serverCallIdKnown({ id: 'a', serverCallId: 'server-a' }))).toBe(
      state,
    );
  });

  it('shows the call as being accepted, then removes it once accepted', () => {
    let state = reduce(
      initialQueueState,
      CallingSdkEvents.incomingCallsReceived({ incomingCalls: [incomingCall('a', 1)] }),
    );
    state = reduce(state, QueuePanelActions.acceptClicked({ id: 'a' }));
    expect(select(state)[0].status).toBe('accepting');
    state = reduce(state, CallingApiActions.acceptSucceeded({ id: 'a' }));
    expect(select(state)).toEqual([]);
  });

  it('puts a failed accept back to ringing with the reason on the call', () => {
    let state = reduce(
      initialQueueState,
      CallingSdkEvents.incomingCallsReceived({ incomingCalls: [incomingCall('a', 1)] }),
    );
    state = reduce(state, QueuePanelActions.acceptClicked({ id: 'a' }));
    state = reduce(
      state,
      CallingApiActions.acceptFailed({ id: 'a', failure: { message: 'Muted mic', code: 500 } }),
    );
    expect(select(state)[0]).toEqual(
      jasmine.objectContaining({ status: 'ringing', failure: { message: 'Muted mic', code: 500 } }),
    );
  });

  it('explains why a call the agent was accepting went away', () => {
    let state = reduce(
      initialQueueState,
      CallingSdkEvents.incomingCallsReceived({ incomingCalls: [incomingCall('a', 1)] }),
    );
    state = reduce(state, QueuePanelActions.acceptClicked({ id: 'a' }));
    state = reduce(
      state,
      CallingSdkEvents.incomingCallEnded({ id: 'a', callEndReason: { code: 487, subCode: 10003 } }),
    );
    expect(select(state)).toEqual([]);
    expect(state.notice?.message).toBe('Another agent answered this call.');

    // The accept then fails too; the reason the call went away says more, so it stays.
    state = reduce(
      state,
      CallingApiActions.acceptFailed({ id: 'a', failure: { message: 'This call is no longer ringing.' } }),
    );
    expect(state.notice).toEqual({
      id: 'a',
      message: 'Another agent answered this call.',
      code: 487,
      subCode: 10003,
    });

    // A failed accept of another call that already went is not hidden behind it.
    state = reduce(
      state,
      CallingApiActions.acceptFailed({ id: 'b', failure: { message: 'This call is no longer ringing.' } }),
    );
    expect(state.notice?.message).toBe('This call is no longer ringing.');
  });

  it('drops a call that stops ringing without a notice when the agent was not taking it', () => {
    let state = reduce(
      initialQueueState,
      CallingSdkEvents.incomingCallsReceived({ incomingCalls: [incomingCall('a', 1)] }),
    );
    state = reduce(
      state,
      CallingSdkEvents.incomingCallEnded({ id: 'a', callEndReason: { code: 487, subCode: 0 } }),
    );
    expect(select(state)).toEqual([]);
    expect(state.notice).toBeNull();
  });
});
