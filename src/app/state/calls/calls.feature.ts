import { createEntityAdapter, type EntityState } from '@ngrx/entity';
import { createFeature, createReducer, createSelector, on } from '@ngrx/store';
import { describeEndReason, type CallOperation, type Failure } from '../../calling/calling-codes';
import type { CallSnapshot, Party } from '../../calling/snapshots';
import { ShellActions } from '../agent/agent.actions';
import { CallingApiActions } from '../calling-api.actions';
import { CallingSdkEvents } from '../calling-sdk.actions';
import { ActiveCallPanelActions, HeldCallsPanelActions } from './call-panels.actions';

export interface CallEntry extends CallSnapshot {
  /** When the call first reached Connected: the start of the duration shown. */
  readonly connectedAt: number | null;
  /** When the call last became the one the agent talks on (or was put on hold). */
  readonly changedAt: number;
  readonly pending: CallOperation | null;
  readonly failure: (Failure & { readonly operation: CallOperation }) | null;
}

export interface EndedCall {
  readonly id: string;
  readonly caller: Party;
  readonly message: string;
  readonly at: number;
}

export interface CallsState extends EntityState<CallEntry> {
  readonly lastEnded: EndedCall | null;
}

export const callsAdapter = createEntityAdapter<CallEntry>();
export const initialCallsState: CallsState = callsAdapter.getInitialState({ lastEnded: null });

/** States in which the agent is not talking on the call but can take it back. */
export const HELD_STATES: ReadonlySet<string> = new Set(['LocalHold']);

function startOperation(state: CallsState, callId: string, operation: CallOperation): CallsState {
  return callsAdapter.updateOne({ id: callId, changes: { pending: operation, failure: null } }, state);
}

/** An operation that ends clears `pending` only if it is still the one pending (Hold, then Hang up). */
function endOperation(state: CallsState, callId: string, operation: CallOperation): Partial<CallEntry> {
  return state.entities[callId]?.pending === operation ? { pending: null } : {};
}

export const callsFeature = createFeature({
  name: 'calls',
  reducer: createReducer(
    initialCallsState,
    on(CallingSdkEvents.callAdded, (state, { call }) =>
      callsAdapter.upsertOne(
        {
          ...call,
          connectedAt: call.state === 'Connected' ? call.startedAt : null,
          changedAt: call.startedAt,
          pending: null,
          failure: null,
        },
        // A new call makes the last one's ending old news.
        { ...state, lastEnded: null },
      ),
    ),
    on(CallingSdkEvents.callStateChanged, (state, { id, state: callState, at }) => {
      const call = state.entities[id];
      if (!call) return state;
      const changes: Partial<CallEntry> = {
        state: callState,
        ...(callState === 'Connected' && call.connectedAt === null && { connectedAt: at }),
        ...(HELD_STATES.has(callState) !== HELD_STATES.has(call.state) && { changedAt: at }),
      };
      return callsAdapter.updateOne({ id, changes }, state);
    }),
    on(CallingSdkEvents.callMutedChanged, (state, { id, isMuted }) =>
      callsAdapter.updateOne({ id, changes: { isMuted } }, state),
    ),
    on(CallingSdkEvents.callIdChanged, (state, { previousId, id }) =>
      callsAdapter.updateOne({ id: previousId, changes: { id } }, state),
    ),
    on(CallingSdkEvents.callEnded, (state, { id, callEndReason, at }) => {
      const call = state.entities[id];
      if (!call) return state;
      return callsAdapter.removeOne(id, {
        ...state,
        lastEnded: { id, caller: call.caller, message: describeEndReason(callEndReason), at },
      });
    }),
    on(ActiveCallPanelActions.muteClicked, (state, { callId }) => startOperation(state, callId, 'mute')),
    on(ActiveCallPanelActions.unmuteClicked, (state, { callId }) => startOperation(state, callId, 'unmute')),
    on(ActiveCallPanelActions.holdClicked, (state, { callId }) => startOperation(state, callId, 'hold')),
    on(ActiveCallPanelActions.hangUpClicked, (state, { callId }) => startOperation(state, callId, 'hangUp')),
    on(HeldCallsPanelActions.resumeClicked, (state, { callId }) => startOperation(state, callId, 'resume')),
    on(CallingApiActions.callOperationSucceeded, (state, { callId, operation }) =>
      callsAdapter.updateOne({ id: callId, changes: endOperation(state, callId, operation) }, state),
    ),
    on(CallingApiActions.callOperationFailed, (state, { callId, operation, failure }) =>
      callsAdapter.updateOne(
        {
          id: callId,
          changes: { ...endOperation(state, callId, operation), failure: { ...failure, operation } },
        },
        state,
      ),
    ),
    on(ShellActions.signOutClicked, () => initialCallsState),
  ),
  extraSelectors: ({ selectCallsState }) => {
    const { selectAll } = callsAdapter.getSelectors(selectCallsState);
    const byChange = (a: CallEntry, b: CallEntry) => b.changedAt - a.changedAt || a.id.localeCompare(b.id);
    return {
      selectAllCalls: selectAll,
      /** The call the agent is on: the latest one not on hold (one active call at a time). */
      selectActiveCall: createSelector(
        selectAll,
        (calls) => calls.filter((call) => !HELD_STATES.has(call.state)).sort(byChange)[0] ?? null,
      ),
      /** Calls the agent put on hold, most recent first. */
      selectHeldCalls: createSelector(selectAll, (calls) =>
        calls.filter((call) => HELD_STATES.has(call.state)).sort(byChange),
      ),
    };
  },
});
