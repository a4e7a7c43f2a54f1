import { createEntityAdapter, type EntityState } from '@ngrx/entity';
import { createFeature, createReducer, createSelector, on } from '@ngrx/store';
import { describeEndReason } from '../../calling/calling-codes';
import { type Failure } from '../../model/failure';
import type { IncomingCallSnapshot } from '../../model/snapshots';
import { ShellActions } from '../agent/shell.actions';
import { SoftphoneActions } from '../agent/softphone.actions';
import { CallingApiActions } from '../calling-api.actions';
import { CallingSdkEvents } from '../calling-sdk.actions';
import { QueuePanelActions } from './queue-panel.actions';
import { QueueNoticeActions } from './queue-notice.actions';
import { ActiveCallPanelActions } from '../calls/active-call-panel.actions';
import { HeldCallsPanelActions } from '../calls/held-calls-panel.actions';
import { DialerActions } from '../dialer/dialer.actions';
import { MeetingJoinFormActions } from '../meeting-join/meeting-join-form.actions';

/** A call ringing for this agent, waiting in the queue panel. */
export interface QueuedCall extends IncomingCallSnapshot {
  readonly status: 'ringing' | 'accepting' | 'rejecting';
  readonly failure: Failure | null;
  /** The order the SDK announced it in: calls announced in one burst (at sign-in) share a time. */
  readonly arrival: number;
}

/** Why a ringing call left the queue without this agent taking it, or why taking it failed. */
export interface QueueNotice extends Failure {
  /** The incoming call it is about. */
  readonly id: string;
}

export interface QueueState extends EntityState<QueuedCall> {
  readonly notice: QueueNotice | null;
  /** Calls announced so far: the next one's `arrival`. */
  readonly arrivals: number;
}

// Oldest first: the caller who has waited longest is answered first.
export const queueAdapter = createEntityAdapter<QueuedCall>({
  sortComparer: (a, b) => a.receivedAt - b.receivedAt || a.arrival - b.arrival,
});

/** How long the note at the queue's top stays when the agent does nothing else. */
export const QUEUE_NOTICE_MS = 8_000;

export const initialQueueState: QueueState = queueAdapter.getInitialState({ notice: null, arrivals: 0 });

function setStatus(
  state: QueueState,
  id: string,
  status: QueuedCall['status'],
  failure: Failure | null = null,
): QueueState {
  return queueAdapter.updateOne({ id, changes: { status, failure } }, state);
}

export const queueFeature = createFeature({
  name: 'queue',
  reducer: createReducer(
    initialQueueState,
    on(CallingSdkEvents.incomingCallsReceived, (state, { incomingCalls }) =>
      queueAdapter.upsertMany(
        incomingCalls.map((incomingCall, i) => ({
          ...incomingCall,
          status: 'ringing' as const,
          failure: null,
          arrival: state.arrivals + i,
        })),
        { ...state, arrivals: state.arrivals + incomingCalls.length },
      ),
    ),
    // Known already when it came with the call's batch: nothing changes, nothing re-renders.
    on(CallingSdkEvents.serverCallIdKnown, (state, { id, serverCallId }) =>
      state.entities[id] && state.entities[id].serverCallId !== serverCallId
        ? queueAdapter.updateOne({ id, changes: { serverCallId } }, state)
        : state,
    ),
    on(QueuePanelActions.acceptClicked, (state, { id }) =>
      setStatus({ ...state, notice: null }, id, 'accepting'),
    ),
    on(QueuePanelActions.rejectClicked, (state, { id }) =>
      setStatus({ ...state, notice: null }, id, 'rejecting'),
    ),
    on(CallingApiActions.acceptSucceeded, CallingApiActions.rejectSucceeded, (state, { id }) =>
      queueAdapter.removeOne(id, state),
    ),
    on(CallingApiActions.acceptFailed, CallingApiActions.rejectFailed, (state, { id, failure }) => {
      const call = state.entities[id];
      if (call) return setStatus(state, id, 'ringing', failure);
      // The call already left the queue. If its ending was explained ("Another agent answered this
      // call"), that says more than the failed accept; otherwise say why at the queue's top.
      return state.notice?.id === id
        ? state
        : {
            ...state,
            notice: { id, ...failure },
          };
    }),
    on(CallingSdkEvents.incomingCallEnded, (state, { id, callEndReason }) => {
      const call = state.entities[id];
      if (!call) return state;
      const removed = queueAdapter.removeOne(id, state);
      // Only a call this agent was trying to take, and lost (487: taken elsewhere, abandoned, timed
      // out), needs explaining; the others simply stop ringing.
      return call.status === 'accepting' && callEndReason?.code === 487
        ? { ...removed, notice: { id, message: describeEndReason(callEndReason), ...callEndReason } }
        : removed;
    }),
    // A call the console gave up accepting (its time limit) that connected after all: the SDK
    // added it as a call, so its ringing entry and the timeout it shows are stale.
    on(CallingSdkEvents.callAdded, (state, { call }) =>
      state.entities[call.id] || state.notice?.id === call.id
        ? queueAdapter.removeOne(call.id, state.notice?.id === call.id ? { ...state, notice: null } : state)
        : state,
    ),
    on(QueueNoticeActions.expired, (state, { id }) =>
      state.notice?.id === id ? { ...state, notice: null } : state,
    ),
    // The next thing the agent does makes the note old news.
    on(
      DialerActions.callClicked,
      DialerActions.groupCallClicked,
      MeetingJoinFormActions.joinClicked,
      HeldCallsPanelActions.resumeClicked,
      ActiveCallPanelActions.muteClicked,
      ActiveCallPanelActions.unmuteClicked,
      ActiveCallPanelActions.holdClicked,
      ActiveCallPanelActions.hangUpClicked,
      ActiveCallPanelActions.startVideoClicked,
      ActiveCallPanelActions.stopVideoClicked,
      (state) => (state.notice ? { ...state, notice: null } : state),
    ),
    on(ShellActions.signOutClicked, SoftphoneActions.released, () => initialQueueState),
  ),
});

export const { selectAll: selectQueuedCalls } = queueAdapter.getSelectors(queueFeature.selectQueueState);

/** The calls ringing here that the agent has not acted on yet (accepting one silences it). */
export const selectRingingCalls = createSelector(selectQueuedCalls, (calls) =>
  calls.filter((call) => call.status === 'ringing'),
);
