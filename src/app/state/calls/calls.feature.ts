import type { DtmfTone } from '@azure/communication-calling';
import { createEntityAdapter, type EntityState } from '@ngrx/entity';
import { createFeature, createReducer, createSelector, on } from '@ngrx/store';
import { type CallOperation } from '../../calling/calling-codes';
import { describeCallEnd } from '../../calling/outbound-codes';
import { type Failure } from '../../model/failure';
import type { CallSnapshot, ConversationKind, Party } from '../../model/snapshots';
import { ShellActions } from '../agent/shell.actions';
import { CallingApiActions } from '../calling-api.actions';
import { ActiveCallPanelActions } from './active-call-panel.actions';
import { DtmfKeypadActions } from './dtmf-keypad.actions';
import { HeldCallsPanelActions } from './held-calls-panel.actions';
import { MuteLimitActions } from './mute-limit.actions';
import { DirectoryApiActions } from '../dialer/directory-api.actions';
import { RosterActions } from '../participants/roster.actions';
import { CallingSdkEvents } from '../calling-sdk.actions';

export interface CallEntry extends CallSnapshot {
  /**
   * Who a 1:1 call is with: the caller of an incoming call, the first participant of an outgoing
   * one. Null until known, and for group calls and meetings (their roster says who is in them).
   */
  readonly counterpart: Party | null;
  /** When the call first reached Connected: the start of the duration shown. */
  readonly connectedAt: number | null;
  /** When the call last became the one the agent talks on (or was put on hold). */
  readonly changedAt: number;
  /** When another participant last muted the agent, until the agent unmutes or dismisses it. */
  readonly mutedByOthersAt: number | null;
  /** The DTMF tones sent on this call, oldest first (the latest few). */
  readonly dtmfSent: readonly DtmfTone[];
  readonly pending: CallOperation | null;
  readonly failure: (Failure & { readonly operation: CallOperation }) | null;
}

export interface EndedCall {
  readonly id: string;
  readonly kind: ConversationKind;
  readonly counterpart: Party | null;
  readonly message: string;
  readonly at: number;
}

export interface CallsState extends EntityState<CallEntry> {
  readonly lastEnded: EndedCall | null;
  /**
   * ACS refused a mute of this console's with 429 (more than 15 mute operations in 30 seconds):
   * the roster's Mute buttons wait until the window has passed.
   */
  readonly muteLimited: boolean;
}

/** ACS's window for a console's mute operations: 15 in 30 seconds (docs/acs-codes.md). */
export const MUTE_LIMIT_WINDOW_MS = 30_000;

const MUTE_OPERATIONS: ReadonlySet<CallOperation> = new Set([
  'mute',
  'unmute',
  'muteParticipant',
  'muteAllRemoteParticipants',
]);

/** A failure that says this console reached ACS's mute limit. */
export const isMuteLimit = (operation: CallOperation, failure: Failure) =>
  failure.code === 429 && MUTE_OPERATIONS.has(operation);

export const callsAdapter = createEntityAdapter<CallEntry>();
export const initialCallsState: CallsState = callsAdapter.getInitialState({
  lastEnded: null,
  muteLimited: false,
});

/** States in which the agent is not talking on the call but can take it back. */
export const HELD_STATES: ReadonlySet<string> = new Set(['LocalHold']);

/** How many sent tones a call remembers for the agent to read back. */
export const DTMF_REMEMBERED = 24;

function startOperation(state: CallsState, callId: string, operation: CallOperation): CallsState {
  return callsAdapter.updateOne({ id: callId, changes: { pending: operation, failure: null } }, state);
}

/** An operation that ends clears `pending` only if it is still the one pending (Hold, then Hang up). */
function endOperation(state: CallsState, callId: string, operation: CallOperation): Partial<CallEntry> {
  return state.entities[callId]?.pending === operation ? { pending: null } : {};
}

function update(state: CallsState, id: string, changes: Partial<CallEntry>): CallsState {
  return callsAdapter.updateOne({ id, changes }, state);
}

export const callsFeature = createFeature({
  name: 'calls',
  reducer: createReducer(
    initialCallsState,
    on(CallingSdkEvents.callAdded, (state, { call }) =>
      callsAdapter.upsertOne(
        {
          ...call,
          counterpart: call.direction === 'Incoming' && call.caller.identity ? call.caller : null,
          connectedAt: call.state === 'Connected' ? call.startedAt : null,
          changedAt: call.startedAt,
          mutedByOthersAt: null,
          dtmfSent: [],
          pending: null,
          failure: null,
        },
        // A new call makes the last one's ending old news.
        { ...state, lastEnded: null },
      ),
    ),
    on(CallingSdkEvents.participantsAdded, (state, { callId, participants: [first] }) => {
      const call = state.entities[callId];
      if (!call || call.counterpart || call.kind !== 'oneToOne' || !first) return state;
      return update(state, callId, {
        counterpart: { identity: first.identity, displayName: first.displayName },
      });
    }),
    on(DirectoryApiActions.participantNamed, (state, { participantId, displayName }) =>
      callsAdapter.updateMany(
        Object.values(state.entities)
          .filter(
            (call) => call?.counterpart?.identity?.rawId === participantId && !call.counterpart.displayName,
          )
          .map((call) => ({
            id: call!.id,
            changes: { counterpart: { ...call!.counterpart!, displayName } },
          })),
        state,
      ),
    ),
    on(CallingSdkEvents.callStateChanged, (state, { id, state: callState, at }) => {
      const call = state.entities[id];
      if (!call) return state;
      return update(state, id, {
        state: callState,
        ...(callState === 'Connected' && call.connectedAt === null && { connectedAt: at }),
        ...(HELD_STATES.has(callState) !== HELD_STATES.has(call.state) && { changedAt: at }),
      });
    }),
    on(CallingSdkEvents.callMutedChanged, (state, { id, isMuted }) =>
      // Unmuted: the notice that someone muted the agent has done its job.
      update(state, id, isMuted ? { isMuted } : { isMuted, mutedByOthersAt: null }),
    ),
    on(CallingSdkEvents.callMutedByOthers, (state, { id, at }) => update(state, id, { mutedByOthersAt: at })),
    on(ActiveCallPanelActions.mutedNoticeDismissed, (state, { callId }) =>
      update(state, callId, { mutedByOthersAt: null }),
    ),
    on(CallingSdkEvents.callConversationChanged, (state, { id, kind, threadId }) =>
      update(state, id, { kind, threadId }),
    ),
    on(CallingSdkEvents.callRoleChanged, (state, { id, role }) => update(state, id, { role })),
    on(CallingSdkEvents.callLocalVideoChanged, (state, { id, isLocalVideoStarted }) =>
      update(state, id, { isLocalVideoStarted }),
    ),
    on(CallingSdkEvents.callCapabilitiesChanged, (state, { id, capabilities }) => {
      const call = state.entities[id];
      if (!call) return state;
      return update(state, id, { capabilities: { ...call.capabilities, ...capabilities } });
    }),
    on(CallingSdkEvents.callDominantSpeakersChanged, (state, { id, dominantSpeakers }) =>
      update(state, id, { dominantSpeakers }),
    ),
    on(CallingSdkEvents.callIdChanged, (state, { previousId, id }) => update(state, previousId, { id })),
    on(CallingSdkEvents.serverCallIdKnown, (state, { id, serverCallId }) =>
      update(state, id, { serverCallId }),
    ),
    on(CallingSdkEvents.callEnded, (state, { id, callEndReason, at }) => {
      const call = state.entities[id];
      if (!call) return state;
      return callsAdapter.removeOne(id, {
        ...state,
        lastEnded: {
          id,
          kind: call.kind,
          counterpart: call.counterpart,
          message: describeCallEnd(call.direction, callEndReason),
          at,
        },
      });
    }),
    on(ActiveCallPanelActions.muteClicked, (state, { callId }) => startOperation(state, callId, 'mute')),
    on(ActiveCallPanelActions.unmuteClicked, (state, { callId }) => startOperation(state, callId, 'unmute')),
    on(ActiveCallPanelActions.holdClicked, (state, { callId }) => startOperation(state, callId, 'hold')),
    on(ActiveCallPanelActions.hangUpClicked, (state, { callId }) => startOperation(state, callId, 'hangUp')),
    on(ActiveCallPanelActions.startVideoClicked, (state, { callId }) =>
      startOperation(state, callId, 'startVideo'),
    ),
    on(ActiveCallPanelActions.stopVideoClicked, (state, { callId }) =>
      startOperation(state, callId, 'stopVideo'),
    ),
    on(RosterActions.muteAllOthersClicked, (state, { callId }) =>
      startOperation(state, callId, 'muteAllRemoteParticipants'),
    ),
    on(HeldCallsPanelActions.resumeClicked, (state, { callId }) => startOperation(state, callId, 'resume')),
    // Tones queue up in the line of controls: pressing one blocks nothing, and clears an old failure.
    on(DtmfKeypadActions.tonePressed, (state, { callId }) => {
      const call = state.entities[callId];
      return call?.failure?.operation === 'sendDtmf' ? update(state, callId, { failure: null }) : state;
    }),
    on(CallingApiActions.dtmfToneSent, (state, { callId, tone }) => {
      const call = state.entities[callId];
      if (!call) return state;
      return update(state, callId, { dtmfSent: [...call.dtmfSent, tone].slice(-DTMF_REMEMBERED) });
    }),
    on(CallingApiActions.dtmfToneFailed, (state, { callId, failure }) =>
      update(state, callId, { failure: { ...failure, operation: 'sendDtmf' } }),
    ),
    on(CallingApiActions.callOperationSucceeded, (state, { callId, operation }) =>
      update(state, callId, endOperation(state, callId, operation)),
    ),
    on(CallingApiActions.callOperationFailed, (state, { callId, operation, failure }) =>
      update(isMuteLimit(operation, failure) ? { ...state, muteLimited: true } : state, callId, {
        ...endOperation(state, callId, operation),
        failure: { ...failure, operation },
      }),
    ),
    on(CallingApiActions.participantOperationFailed, (state, { operation, failure }) =>
      isMuteLimit(operation, failure) ? { ...state, muteLimited: true } : state,
    ),
    on(MuteLimitActions.lifted, (state) => ({ ...state, muteLimited: false })),
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
