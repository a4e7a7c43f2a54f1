import { createFeature, createReducer, createSelector, on } from '@ngrx/store';
import type { ConversationKind } from '../../model/snapshots';
import { ShellActions } from '../agent/shell.actions';
import { SoftphoneActions } from '../agent/softphone.actions';
import { CallingApiActions } from '../calling-api.actions';
import { CallingSdkEvents } from '../calling-sdk.actions';
import { callsFeature } from '../calls/calls.feature';
import { DialerActions } from '../dialer/dialer.actions';
import { DirectoryApiActions } from '../dialer/directory-api.actions';
import { targetRawId } from '../../calling/dial-target';
import { CallHistoryStorageActions } from '../history/call-history-storage.actions';
import {
  callName,
  endCall,
  endRinging,
  ringing,
  trackCall,
  withCallState,
  withCaption,
  type EndedCall,
  type RingingCall,
  type TrackedCall,
} from '../history/tracked-call';
import { QueuePanelActions } from '../queue/queue-panel.actions';
import { AfterCallWorkPanelActions } from './after-call-work-panel.actions';
import { AfterCallWorkTimerActions } from './after-call-work-timer.actions';

/** The wrap-up of the call that just ended: what the agent records before taking the next. */
export interface AfterCallWork {
  readonly callId: string;
  /** "Robin Park", a number, "Group call", "Teams meeting". */
  readonly callerName: string;
  readonly kind: ConversationKind;
  /** When the call ended: the start of after-call work (epoch ms). */
  readonly startedAt: number;
  readonly wrapUp: string | null;
  readonly notes: string;
}

export interface AfterCallWorkState {
  /** Every live call as its history entry needs it. */
  readonly calls: Readonly<Record<string, TrackedCall>>;
  /** Calls ringing here: one missed or declined has an entry too. */
  readonly ringing: Readonly<Record<string, RingingCall>>;
  /** Ended calls whose entry is not written yet. */
  readonly ended: Readonly<Record<string, EndedCall>>;
  /** The names the agent picked for whom they called, by raw id (the SDK names no Teams user). */
  readonly dialled: Readonly<Record<string, string>>;
  readonly current: AfterCallWork | null;
}

export const initialAfterCallWorkState: AfterCallWorkState = {
  calls: {},
  ringing: {},
  ended: {},
  dialled: {},
  current: null,
};

function without<T>(record: Readonly<Record<string, T>>, id: string): Record<string, T> {
  const { [id]: _gone, ...rest } = record;
  return rest;
}

function updateCall(
  state: AfterCallWorkState,
  id: string,
  change: (call: TrackedCall) => TrackedCall,
): AfterCallWorkState {
  const call = state.calls[id];
  return call ? { ...state, calls: { ...state.calls, [id]: change(call) } } : state;
}

function endRingingCall(state: AfterCallWorkState, id: string, ended: EndedCall | null): AfterCallWorkState {
  return {
    ...state,
    ringing: without(state.ringing, id),
    ended: ended ? { ...state.ended, [id]: ended } : state.ended,
  };
}

const setStatus = (state: AfterCallWorkState, id: string, status: RingingCall['status']) =>
  state.ringing[id]
    ? { ...state, ringing: { ...state.ringing, [id]: { ...state.ringing[id], status } } }
    : state;

/** Declined here: the SDK's words for it ("You declined the call.", 603). */
const DECLINED = { code: 603, subCode: 0 };
/** Another agent took it: not this agent's to keep. */
const isAnsweredElsewhere = (code?: number, subCode?: number) => code === 487 && subCode === 10003;

export const afterCallWorkFeature = createFeature({
  name: 'afterCallWork',
  reducer: createReducer(
    initialAfterCallWorkState,
    on(CallingSdkEvents.callAdded, (state, { call }): AfterCallWorkState => ({
      ...state,
      calls: { ...state.calls, [call.id]: trackCall(call) },
      ringing: without(state.ringing, call.id),
    })),
    on(CallingSdkEvents.callStateChanged, (state, { id, state: callState, at }) =>
      updateCall(state, id, (call) => withCallState(call, callState, at)),
    ),
    on(CallingSdkEvents.participantsAdded, (state, { callId, participants: [first] }) =>
      updateCall(state, callId, (call) =>
        call.counterpart || call.kind !== 'oneToOne' || !first
          ? call
          : { ...call, counterpart: { identity: first.identity, displayName: first.displayName } },
      ),
    ),
    on(DirectoryApiActions.participantNamed, (state, { participantId, displayName }) => ({
      ...state,
      calls: Object.fromEntries(
        Object.entries(state.calls).map(([id, call]) => [
          id,
          call.counterpart?.identity?.rawId === participantId && !call.counterpart.displayName
            ? { ...call, counterpart: { ...call.counterpart, displayName } }
            : call,
        ]),
      ),
    })),
    on(DialerActions.callClicked, (state, { target }): AfterCallWorkState => ({
      ...state,
      dialled: { [targetRawId(target)]: target.displayName },
    })),
    // The SDK tells a meeting or group call apart after it announced the call.
    on(CallingSdkEvents.callConversationChanged, (state, { id, kind }) =>
      updateCall(state, id, (call) => ({ ...call, kind })),
    ),
    on(CallingSdkEvents.captionReceived, (state, { callId, caption }) =>
      updateCall(state, callId, (call) => withCaption(call, caption)),
    ),
    on(CallingSdkEvents.callIdChanged, (state, { previousId, id }): AfterCallWorkState => {
      const call = state.calls[previousId];
      return call
        ? { ...state, calls: { ...without(state.calls, previousId), [id]: { ...call, id } } }
        : state;
    }),
    on(CallingSdkEvents.callEnded, (state, { id, callEndReason, at }): AfterCallWorkState => {
      const call = state.calls[id];
      if (!call) return state;
      const calls = without(state.calls, id);
      // After-call work follows a conversation that happened, once no other call is live.
      const wrapUp = call.answeredAt !== null && Object.keys(calls).length === 0;
      return {
        ...state,
        calls,
        ended: { ...state.ended, [id]: endCall(call, callEndReason, at) },
        current: wrapUp
          ? {
              callId: id,
              callerName: callName(call, state.dialled),
              kind: call.kind,
              startedAt: at,
              wrapUp: null,
              notes: '',
            }
          : state.current,
      };
    }),
    on(CallingSdkEvents.incomingCallsReceived, (state, { incomingCalls }): AfterCallWorkState => ({
      ...state,
      ringing: {
        ...state.ringing,
        ...Object.fromEntries(incomingCalls.map((incomingCall) => [incomingCall.id, ringing(incomingCall)])),
      },
    })),
    on(QueuePanelActions.acceptClicked, (state, { id }) => setStatus(state, id, 'accepting')),
    on(QueuePanelActions.rejectClicked, (state, { id }) => setStatus(state, id, 'rejecting')),
    on(CallingApiActions.acceptFailed, (state, { id }) => setStatus(state, id, 'ringing')),
    on(CallingApiActions.rejectSucceeded, (state, { id }) => {
      const call = state.ringing[id];
      return call ? endRingingCall(state, id, endRinging(call, 'Declined', DECLINED)) : state;
    }),
    on(CallingSdkEvents.incomingCallEnded, (state, { id, callEndReason }) => {
      const call = state.ringing[id];
      if (!call) return state;
      if (call.status === 'rejecting')
        return endRingingCall(state, id, endRinging(call, 'Declined', DECLINED));
      // A queue call that rang out here or whose caller gave up: missed here. One this agent was
      // taking is theirs (it is added as a call), and one another agent took was never theirs.
      const missed =
        call.status === 'ringing' &&
        call.queue !== null &&
        !isAnsweredElsewhere(callEndReason?.code, callEndReason?.subCode);
      return endRingingCall(state, id, missed ? endRinging(call, 'Missed', callEndReason) : null);
    }),
    on(CallHistoryStorageActions.entrySaved, CallHistoryStorageActions.entryNotSaved, (state, { id }) => ({
      ...state,
      ended: without(state.ended, id),
    })),
    on(AfterCallWorkPanelActions.wrapUpChosen, (state, { code }): AfterCallWorkState =>
      state.current ? { ...state, current: { ...state.current, wrapUp: code } } : state,
    ),
    on(AfterCallWorkPanelActions.notesChanged, (state, { notes }): AfterCallWorkState =>
      state.current ? { ...state, current: { ...state.current, notes } } : state,
    ),
    on(
      AfterCallWorkPanelActions.doneClicked,
      AfterCallWorkTimerActions.timeUp,
      (state): AfterCallWorkState => ({ ...state, current: null }),
    ),
    on(ShellActions.signOutClicked, SoftphoneActions.released, () => initialAfterCallWorkState),
  ),
  extraSelectors: ({ selectCurrent }) => ({
    /** The panel takes the active call's place only while no call is live. */
    selectPanelShown: createSelector(
      selectCurrent,
      callsFeature.selectIds,
      (current, ids) => current !== null && ids.length === 0,
    ),
  }),
});
