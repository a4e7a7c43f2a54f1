import type { CallState } from '@azure/communication-calling';
import { describeEndReason } from '../../calling/calling-codes';
import { describeCallEnd } from '../../calling/outbound-codes';
import type { CallHistoryEntry, CallOutcome, TranscriptLine } from '../../core/call-history-db';
import type {
  CallSnapshot,
  CaptionSnapshot,
  ConversationKind,
  EndReason,
  IncomingCallSnapshot,
  Party,
} from '../../model/snapshots';

/**
 * A live call as its history entry needs it: who, which queue, when it connected, how long it was
 * on hold, what was said (final captions). The calls slice forgets a call as it ends; this is
 * what is left to write.
 */
export interface TrackedCall {
  readonly id: string;
  readonly direction: 'Incoming' | 'Outgoing';
  readonly kind: ConversationKind;
  readonly queue: string | null;
  /** The caller of an incoming call, the callee of a placed 1:1 (its first participant). */
  readonly counterpart: Party | null;
  readonly startedAt: number;
  readonly answeredAt: number | null;
  /** On hold since (epoch ms), while it is. */
  readonly heldSince: number | null;
  /** Time on hold before `heldSince`. */
  readonly holdMs: number;
  readonly transcript: readonly TranscriptLine[];
}

/** A call that rang here: missed or declined, it has a history entry of its own. */
export interface RingingCall {
  readonly id: string;
  readonly caller: Party;
  readonly queue: string | null;
  readonly receivedAt: number;
  readonly status: 'ringing' | 'accepting' | 'rejecting';
}

/** A call that ended, waiting to be written: its end is known, its clock time may not be. */
export interface EndedCall extends Omit<TrackedCall, 'heldSince'> {
  readonly outcome: CallOutcome;
  readonly reason: EndReason | null;
  /** Null when the SDK's event carried no time (a ringing call's end): the writer stamps it. */
  readonly endedAt: number | null;
}

/** On hold: the agent's (LocalHold) or the other side's (RemoteHold). */
const HOLD_STATES: ReadonlySet<CallState> = new Set(['LocalHold', 'RemoteHold']);
/** How ACS ends this leg of a call the agent transferred (docs/acs-codes.md). */
const TRANSFERRED = { code: 0, subCode: 7015 };

export function trackCall(call: CallSnapshot): TrackedCall {
  return {
    id: call.id,
    direction: call.direction,
    kind: call.kind,
    queue: call.queue,
    counterpart: call.direction === 'Incoming' && call.caller.identity ? call.caller : null,
    startedAt: call.startedAt,
    answeredAt: call.state === 'Connected' ? call.startedAt : null,
    heldSince: null,
    holdMs: 0,
    transcript: [],
  };
}

export function ringing(call: IncomingCallSnapshot): RingingCall {
  return {
    id: call.id,
    caller: call.caller,
    queue: call.queue,
    receivedAt: call.receivedAt,
    status: 'ringing',
  };
}

/** The call's state changed at `at`: it connected, went on hold, came back. */
export function withCallState(call: TrackedCall, state: CallState, at: number): TrackedCall {
  const held = HOLD_STATES.has(state);
  return {
    ...call,
    answeredAt: call.answeredAt ?? (state === 'Connected' ? at : null),
    heldSince: held ? (call.heldSince ?? at) : null,
    holdMs: !held && call.heldSince !== null ? call.holdMs + (at - call.heldSince) : call.holdMs,
  };
}

export function withCaption(call: TrackedCall, caption: CaptionSnapshot): TrackedCall {
  if (caption.resultType !== 'Final') return call;
  const { displayName, identity } = caption.speaker;
  const speaker = displayName || identity?.phoneNumber || 'Unknown speaker';
  return {
    ...call,
    transcript: [...call.transcript, { speaker, text: caption.text, spokenAt: caption.spokenAt }],
  };
}

function outcomeOf(call: TrackedCall, reason: EndReason | null): CallOutcome {
  if (reason?.code === TRANSFERRED.code && reason.subCode === TRANSFERRED.subCode) return 'Transferred';
  if (call.kind === 'meeting') return 'Joined';
  if (call.direction === 'Outgoing') return 'Placed';
  return call.answeredAt === null ? 'Missed' : 'Answered';
}

export function endCall(call: TrackedCall, reason: EndReason | null, at: number): EndedCall {
  const { heldSince, ...rest } = call;
  return {
    ...rest,
    holdMs: heldSince === null ? call.holdMs : call.holdMs + (at - heldSince),
    outcome: outcomeOf(call, reason),
    reason,
    endedAt: at,
  };
}

export function endRinging(
  call: RingingCall,
  outcome: 'Missed' | 'Declined',
  reason: EndReason | null,
): EndedCall {
  return {
    id: call.id,
    direction: 'Incoming',
    kind: 'oneToOne',
    queue: call.queue,
    counterpart: call.caller,
    startedAt: call.receivedAt,
    answeredAt: null,
    holdMs: 0,
    transcript: [],
    outcome,
    reason,
    endedAt: null,
  };
}

/**
 * The history entry of an ended call. `dialled`: the names the agent picked for whom they called
 * (the SDK names no Teams user). The transcript only when the agent keeps transcripts.
 */
export function historyEntry(
  call: EndedCall,
  endedAt: number,
  { keepTranscripts, dialled }: { keepTranscripts: boolean; dialled: Readonly<Record<string, string>> },
): CallHistoryEntry {
  const party = call.counterpart;
  const callerName =
    call.kind === 'meeting'
      ? 'Teams meeting'
      : call.kind === 'group'
        ? 'Group call'
        : party?.displayName || (party?.identity && dialled[party.identity.rawId]) || null;
  const talkMs = call.answeredAt === null ? 0 : Math.max(0, endedAt - call.answeredAt - call.holdMs);
  const calleeName = callerName ?? party?.identity?.phoneNumber ?? null;
  return {
    id: call.id,
    callerName,
    callerNumber: call.kind === 'oneToOne' ? (party?.identity?.phoneNumber ?? null) : null,
    queue: call.queue,
    direction: call.direction,
    kind: call.kind,
    startedAt: call.startedAt,
    answeredAt: call.answeredAt,
    endedAt,
    talkMs,
    holdMs: call.holdMs,
    outcome: call.outcome,
    endReason:
      call.outcome === 'Missed' || call.outcome === 'Declined'
        ? describeEndReason(call.reason)
        : describeCallEnd(call.direction, call.reason, calleeName),
    endCode: call.reason?.code ?? null,
    endSubCode: call.reason ? (call.reason.subCode ?? 0) : null,
    wrapUp: null,
    notes: '',
    transcript: keepTranscripts ? call.transcript : [],
  };
}

/** The words the after-call work panel names the call by: "Robin Park", "+14255550123", "Group call". */
export function callName(call: TrackedCall, dialled: Readonly<Record<string, string>>): string {
  if (call.kind === 'meeting') return 'Teams meeting';
  if (call.kind === 'group') return 'Group call';
  const party = call.counterpart;
  return (
    party?.displayName ||
    (party?.identity && dialled[party.identity.rawId]) ||
    party?.identity?.phoneNumber ||
    (party?.identity?.kind === 'microsoftTeamsUser' ? 'Teams user' : 'Unknown caller')
  );
}
