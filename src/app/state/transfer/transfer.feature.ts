import { createEntityAdapter, type EntityState } from '@ngrx/entity';
import { createFeature, createReducer, on } from '@ngrx/store';
import { destinationName } from '../../calling/transfer';
import type { TransferDestination } from '../../model/transfer-destination';
import type { Failure } from '../../model/failure';
import { ShellActions } from '../agent/shell.actions';
import { SoftphoneActions } from '../agent/softphone.actions';
import { CallingSdkEvents } from '../calling-sdk.actions';
import { TransferApiActions } from './transfer-api.actions';
import { TransferDialogActions } from './transfer-dialog.actions';
import { TransferPanelActions } from './transfer-panel.actions';

/**
 * How far handing a caller on got. `consulting`: the caller on hold, the agent on a call with the
 * target; `transferring`: the `Transfer` is under way; then `transferred` or `failed`.
 */
export type TransferStatus = 'consulting' | 'transferring' | 'transferred' | 'failed' | 'ending';

/** One caller being handed on, by the caller's call id, until the agent dismisses what became of it. */
export interface CallTransfer {
  /** The caller's call. */
  readonly callId: string;
  readonly callerName: string;
  readonly destination: TransferDestination;
  readonly status: TransferStatus;
  /** The call to the target while consulting; null for a cold transfer. */
  readonly consultCallId: string | null;
  /** Whether the consult call connected (one that never did is resumed from by the switch itself). */
  readonly consultConnected: boolean;
  readonly failure: Failure | null;
  /** Resuming the caller after a failure failed too: they are still on hold. */
  readonly stillHeld: Failure | null;
}

export interface FirstRing {
  readonly at: number;
  readonly queue: string | null;
}

export interface TransferState extends EntityState<CallTransfer> {
  /** The last call the agent handed on, kept after it ended, for the words that announce its end. */
  readonly done: CallTransfer | null;
  /**
   * Each call that rang here, by call id: when its caller first rang (a transfer's own word for
   * it, else when it rang here) and the queue it came through (a colleague's transfer names it only
   * on the ringing call). Handed on, both go with the caller. Kept while the call lasts.
   */
  readonly firstRings: Readonly<Record<string, FirstRing>>;
}

/** "Call ended by service because transfer completed successfully" (0/7015, docs/acs-codes.md). */
const TRANSFERRED_END = 7015;

const adapter = createEntityAdapter<CallTransfer>({ selectId: (t) => t.callId });

export const initialTransferState: TransferState = adapter.getInitialState({ done: null, firstRings: {} });

function start(
  state: TransferState,
  callId: string,
  callerName: string,
  destination: TransferDestination,
  status: TransferStatus,
): TransferState {
  return adapter.upsertOne(
    {
      callId,
      callerName,
      destination,
      status,
      consultCallId: null,
      consultConnected: false,
      failure: null,
      stillHeld: null,
    },
    state,
  );
}

function forget(state: TransferState, id: string): TransferState {
  if (!(id in state.firstRings)) return state;
  const { [id]: _gone, ...firstRings } = state.firstRings;
  return { ...state, firstRings };
}

const change = (state: TransferState, callId: string, changes: Partial<CallTransfer>) =>
  adapter.updateOne({ id: callId, changes }, state);

const byConsult = (state: TransferState, consultCallId: string) =>
  Object.values(state.entities).find((t) => t?.consultCallId === consultCallId);

export const transferFeature = createFeature({
  name: 'transfer',
  reducer: createReducer(
    initialTransferState,
    on(TransferDialogActions.transferNowClicked, (state, { callId, callerName, destination }) =>
      start(state, callId, callerName, destination, 'transferring'),
    ),
    on(TransferDialogActions.consultFirstClicked, (state, { callId, callerName, target }) =>
      start(state, callId, callerName, { kind: 'participant', target }, 'consulting'),
    ),
    on(TransferApiActions.consultStarted, (state, { callId, consultCallId }) =>
      change(state, callId, { consultCallId }),
    ),
    on(TransferApiActions.consultFailed, (state, { callId, failure }) =>
      change(state, callId, { status: 'failed', failure }),
    ),
    on(TransferApiActions.consultEnded, (state, { callId, failure, stillHeld }) =>
      change(state, callId, { status: 'failed', failure, stillHeld, consultCallId: null }),
    ),
    on(TransferPanelActions.completeTransferClicked, (state, { callId }) =>
      change(state, callId, { status: 'transferring' }),
    ),
    on(
      TransferPanelActions.conferenceClicked,
      TransferPanelActions.cancelTransferClicked,
      (state, { callId }) => change(state, callId, { status: 'ending' }),
    ),
    on(TransferApiActions.transferred, (state, { callId }) =>
      change(state, callId, { status: 'transferred' }),
    ),
    on(TransferApiActions.transferFailed, (state, { callId, failure, stillHeld }) =>
      change(state, callId, { status: 'failed', failure, stillHeld, consultCallId: null }),
    ),
    on(TransferApiActions.conferenceReady, (state, { callId }) => adapter.removeOne(callId, state)),
    on(TransferApiActions.consultCancelled, (state, { callId, stillHeld }) =>
      stillHeld
        ? change(state, callId, { status: 'failed', failure: null, stillHeld, consultCallId: null })
        : adapter.removeOne(callId, state),
    ),
    on(TransferPanelActions.transferNoticeDismissed, (state, { callId }) => adapter.removeOne(callId, state)),
    on(CallingSdkEvents.callStateChanged, (state, { id, state: callState }) => {
      const consult = byConsult(state, id);
      return consult && callState === 'Connected'
        ? change(state, consult.callId, { consultConnected: true })
        : state;
    }),
    on(CallingSdkEvents.callIdChanged, (state, { previousId, id }) => {
      const consult = byConsult(state, previousId);
      if (consult) return change(state, consult.callId, { consultCallId: id });
      const own = state.entities[previousId];
      return own ? adapter.addOne({ ...own, callId: id }, adapter.removeOne(previousId, state)) : state;
    }),
    on(CallingSdkEvents.incomingCallsReceived, (state, { incomingCalls }) => ({
      ...state,
      firstRings: {
        ...state.firstRings,
        ...Object.fromEntries(
          incomingCalls.map(({ id, waitingSince, receivedAt, queue }) => [
            id,
            { at: waitingSince ?? receivedAt, queue },
          ]),
        ),
      },
    })),
    // An accepted call goes on under the same id; one rejected, taken or given up does not (code ≠ 0).
    on(CallingSdkEvents.incomingCallEnded, (state, { id, callEndReason }) =>
      callEndReason && callEndReason.code !== 0 ? forget(state, id) : state,
    ),
    on(CallingSdkEvents.callEnded, (unforgotten, { id, callEndReason }) => {
      const state = forget(unforgotten, id);
      const own = state.entities[id];
      if (!own) return state;
      // A handed-on call ends with 0/7015, maybe before its Transfer says Transferred: what became
      // of it is said where its end is announced.
      const handedOn =
        own.status === 'transferred' ||
        (callEndReason?.code === 0 && callEndReason.subCode === TRANSFERRED_END);
      return adapter.removeOne(id, { ...state, done: handedOn ? own : state.done });
    }),
    on(ShellActions.signOutClicked, SoftphoneActions.released, () => initialTransferState),
  ),
  extraSelectors: ({ selectTransferState }) => ({
    selectAllTransfers: adapter.getSelectors(selectTransferState).selectAll,
  }),
});

/** "Blake Chen", "Billing": who or where a transfer goes, as the agent picked it. */
export const transferTargetName = (transfer: CallTransfer) => destinationName(transfer.destination);
