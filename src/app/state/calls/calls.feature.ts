import type { DtmfTone } from '@azure/communication-calling';
import { createEntityAdapter, type EntityState } from '@ngrx/entity';
import { createFeature, createReducer, createSelector, on } from '@ngrx/store';
import { type CallOperation } from '../../calling/calling-codes';
import { describeCallEnd, isOwnEnd } from '../../calling/outbound-codes';
import { targetRawId } from '../../calling/dial-target';
import type { DialTarget } from '../../model/dial-target';
import { type Failure } from '../../model/failure';
import { NOT_RECORDING } from '../../calling/recording.bridge';
import type {
  CallSnapshot,
  ConversationKind,
  EndReason,
  Party,
  RecordingSnapshot,
} from '../../model/snapshots';
import { ShellActions } from '../agent/shell.actions';
import { SoftphoneActions } from '../agent/softphone.actions';
import { CallingApiActions } from '../calling-api.actions';
import { ActiveCallPanelActions } from './active-call-panel.actions';
import { DtmfKeypadActions } from './dtmf-keypad.actions';
import { HeldCallsPanelActions } from './held-calls-panel.actions';
import { MuteLimitActions } from './mute-limit.actions';
import { DirectoryApiActions } from '../dialer/directory-api.actions';
import { ChatThreadsApiActions } from '../dialer/chat-threads-api.actions';
import { DialerActions } from '../dialer/dialer.actions';
import { RosterActions } from '../participants/roster.actions';
import { CallingSdkEvents } from '../calling-sdk.actions';
import { TransferDialogActions } from '../transfer/transfer-dialog.actions';
import { RecordingApiActions } from '../captions/recording-api.actions';

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
  /** Whether the call is recorded, and whether this leg must consent to it to unmute. */
  readonly recording: RecordingSnapshot;
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
  /**
   * The names the agent picked for the people of the call being placed, by raw id: the SDK gives a
   * Teams user no name, and a call that ends at once (offline, declined) ends before the directory
   * could be asked.
   */
  readonly dialled: Readonly<Record<string, string>>;
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
  dialled: {},
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

function dialled(state: CallsState, targets: readonly DialTarget[]): CallsState {
  return { ...state, dialled: Object.fromEntries(targets.map((t) => [targetRawId(t), t.displayName])) };
}

/**
 * A control the console gave up on (its time limit) may still succeed: once the SDK's state shows
 * it did, its failure is stale and goes (the store follows the SDK, not the abandoned wait).
 */
function clearDone(call: CallEntry, done: (operation: CallOperation) => boolean): Partial<CallEntry> {
  return call.failure && done(call.failure.operation) ? { failure: null } : {};
}

/** Who a placed call is with, for how it ended: their name, else their number. */
function calleeName(call: CallEntry): string | null {
  return call.counterpart?.displayName || call.counterpart?.identity?.phoneNumber || null;
}

/**
 * How the call's end is announced in the active call panel. A call the agent placed (or a meeting
 * they joined) that ended before it connected is reported where they placed it (the dialer, the
 * join form) unless they ended it themselves here: said once, where the agent acted.
 */
function announcedEnd(call: CallEntry, reason: EndReason | null, at: number): EndedCall | null {
  if (call.direction === 'Outgoing' && call.connectedAt === null && !isOwnEnd(reason)) return null;
  const message = describeCallEnd(call.direction, reason, calleeName(call));
  return { id: call.id, kind: call.kind, counterpart: call.counterpart, message, at };
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
          recording: NOT_RECORDING,
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
      const displayName = first.displayName || state.dialled[first.identity.rawId] || null;
      return update(state, callId, { counterpart: { identity: first.identity, displayName } });
    }),
    on(DialerActions.callClicked, TransferDialogActions.consultFirstClicked, (state, { target }) =>
      dialled(state, [target]),
    ),
    on(ChatThreadsApiActions.groupCallThreadReady, (state, { targets }) => dialled(state, targets)),
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
        ...clearDone(call, (operation) =>
          operation === 'hold'
            ? HELD_STATES.has(callState)
            : operation === 'resume' && callState === 'Connected',
        ),
      });
    }),
    on(CallingSdkEvents.callMutedChanged, (state, { id, isMuted }) => {
      const call = state.entities[id];
      if (!call) return state;
      const done = clearDone(call, (operation) => operation === (isMuted ? 'mute' : 'unmute'));
      // Unmuted: the notice that someone muted the agent has done its job.
      return update(state, id, isMuted ? { isMuted, ...done } : { isMuted, mutedByOthersAt: null, ...done });
    }),
    on(CallingSdkEvents.callMutedByOthers, (state, { id, at }) => update(state, id, { mutedByOthersAt: at })),
    on(ActiveCallPanelActions.mutedNoticeDismissed, (state, { callId }) =>
      update(state, callId, { mutedByOthersAt: null }),
    ),
    on(CallingSdkEvents.callConversationChanged, (state, { id, kind, threadId }) =>
      update(state, id, { kind, threadId }),
    ),
    on(CallingSdkEvents.callRoleChanged, (state, { id, role }) => update(state, id, { role })),
    on(CallingSdkEvents.callTransferorChanged, (state, { id, transferredBy }) =>
      update(state, id, { transferredBy }),
    ),
    on(CallingSdkEvents.callLocalVideoChanged, (state, { id, isLocalVideoStarted }) => {
      const call = state.entities[id];
      if (!call) return state;
      return update(state, id, {
        isLocalVideoStarted,
        ...clearDone(call, (operation) => operation === (isLocalVideoStarted ? 'startVideo' : 'stopVideo')),
      });
    }),
    on(CallingSdkEvents.callCapabilitiesChanged, (state, { id, capabilities }) => {
      const call = state.entities[id];
      if (!call) return state;
      return update(state, id, { capabilities: { ...call.capabilities, ...capabilities } });
    }),
    on(CallingSdkEvents.callDominantSpeakersChanged, (state, { id, dominantSpeakers }) =>
      update(state, id, { dominantSpeakers }),
    ),
    on(CallingSdkEvents.participantsChanged, (state, { dominantSpeakers = [] }) =>
      dominantSpeakers.reduce(
        (next, { id, dominantSpeakers }) => update(next, id, { dominantSpeakers }),
        state,
      ),
    ),
    on(CallingSdkEvents.callRecordingChanged, (state, { id, recording }) => update(state, id, { recording })),
    // The SDK raises no event when consent is given: what the call said after it is kept.
    on(RecordingApiActions.consentGiven, (state, { callId, recording }) =>
      update(state, callId, { recording }),
    ),
    on(CallingSdkEvents.callIdChanged, (state, { previousId, id }) => update(state, previousId, { id })),
    on(CallingSdkEvents.serverCallIdKnown, (state, { id, serverCallId }) =>
      update(state, id, { serverCallId }),
    ),
    on(CallingSdkEvents.callEnded, (state, { id, callEndReason, at }) => {
      const call = state.entities[id];
      if (!call) return state;
      return callsAdapter.removeOne(id, { ...state, lastEnded: announcedEnd(call, callEndReason, at) });
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
    on(ShellActions.signOutClicked, SoftphoneActions.released, () => initialCallsState),
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
