import { CallingSdkEvents } from '../calling-sdk.actions';
import { call } from '../testing/snapshots';
import { AfterCallWorkPanelActions } from './after-call-work-panel.actions';
import { AfterCallWorkTimerActions } from './after-call-work-timer.actions';
import {
  afterCallWorkFeature,
  initialAfterCallWorkState,
  type AfterCallWorkState,
} from './after-call-work.feature';

const { reducer } = afterCallWorkFeature;
const run = (...actions: Parameters<typeof reducer>[1][]): AfterCallWorkState =>
  actions.reduce(reducer, initialAfterCallWorkState);
const ended = (id: string, at: number) =>
  CallingSdkEvents.callEnded({ id, callEndReason: { code: 0, subCode: 0 }, at });

describe('after-call work', () => {
  it('waits while another call is live, and starts for the call that ends last', () => {
    const state = run(
      CallingSdkEvents.callAdded({ call: call('c1') }),
      CallingSdkEvents.callAdded({ call: call('c2') }),
      CallingSdkEvents.callStateChanged({ id: 'c2', state: 'LocalHold', at: 3_000 }),
      ended('c1', 5_000),
    );
    expect(state.current).toBeNull();
    expect(Object.keys(state.ended)).toEqual(['c1']);
    expect(reducer(state, ended('c2', 7_000)).current).toEqual(
      jasmine.objectContaining({ callId: 'c2', callerName: 'Dana Smith', startedAt: 7_000 }),
    );
  });

  it('keeps the wrap-up and notes as they are entered, until Done or the limit', () => {
    let state = run(
      CallingSdkEvents.callAdded({ call: call('c1') }),
      ended('c1', 5_000),
      AfterCallWorkPanelActions.wrapUpChosen({ code: 'Escalated' }),
      AfterCallWorkPanelActions.notesChanged({ notes: 'Sent to tier 2.' }),
    );
    expect(state.current).toEqual(
      jasmine.objectContaining({ callId: 'c1', wrapUp: 'Escalated', notes: 'Sent to tier 2.' }),
    );
    expect(reducer(state, AfterCallWorkPanelActions.doneClicked()).current).toBeNull();
    expect(reducer(state, AfterCallWorkTimerActions.timeUp()).current).toBeNull();
    // A call that never connected (a placed call declined) leaves after-call work as it was.
    state = run(
      CallingSdkEvents.callAdded({ call: call('c3', { state: 'Connecting', direction: 'Outgoing' }) }),
      ended('c3', 9_000),
    );
    expect(state.current).toBeNull();
  });

  it('follows a call whose id changes', () => {
    const state = run(
      CallingSdkEvents.callAdded({ call: call('c1') }),
      CallingSdkEvents.callIdChanged({ previousId: 'c1', id: 'c1b' }),
      ended('c1b', 5_000),
    );
    expect(state.current?.callId).toBe('c1b');
  });
});
