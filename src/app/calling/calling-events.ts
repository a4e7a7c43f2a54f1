import type {
  CallState,
  ConnectionState,
  ConnectionStateChangedReason,
  ParticipantRole,
  RemoteParticipantState,
} from '@azure/communication-calling';
import type { Failure } from '../model/failure';
import type {
  CallCapabilities,
  CallSnapshot,
  ConversationKind,
  EndReason,
  IncomingCallSnapshot,
  ParticipantSnapshot,
  CaptionSnapshot,
  RecordingSnapshot,
  VideoStreamSnapshot,
} from '../model/snapshots';

/** A row of the table: the type of an event's payload. It holds nothing at run time. */
export interface Carries<Payload extends object> {
  readonly payload?: Payload;
}
const carries = <Payload extends object>(): Carries<Payload> => ({});

/**
 * What the bridges report, as plain data: one row per kind of event, named as the bridges name it,
 * with its payload. `state/` makes the "Calling SDK" actions from this table (`Call State Changed`
 * for `callStateChanged`), so a new event is a row here and its reducer's `on`.
 */
export const callingEvents = {
  agentReady: carries<{ readonly connectionState: ConnectionState }>(),
  /** `reason` as the SDK gives it, when it does: `invalidToken` (it stops trying) or `connectionIssue`. */
  connectionStateChanged: carries<{
    readonly connectionState: ConnectionState;
    readonly reason?: ConnectionStateChangedReason;
  }>(),
  /**
   * The session has no agent (the first connection failed, or the SDK gave up and the session
   * disposed its agent): it creates one again `retryInMs` after `at`. `failure`: why the last
   * attempt failed.
   */
  agentRetryScheduled: carries<{
    readonly attempt: number;
    readonly at: number;
    readonly retryInMs: number;
    readonly failure: Failure | null;
  }>(),
  incomingCallReceived: carries<{ readonly incomingCall: IncomingCallSnapshot }>(),
  incomingCallEnded: carries<{ readonly id: string; readonly callEndReason: EndReason | null }>(),
  /**
   * The SDK gave a ringing or live call its server id (`info.getServerCallId()` resolves later
   * than the call is announced); `id` is the console's id of the call.
   */
  serverCallIdKnown: carries<{ readonly id: string; readonly serverCallId: string }>(),
  callAdded: carries<{ readonly call: CallSnapshot }>(),
  callStateChanged: carries<{ readonly id: string; readonly state: CallState; readonly at: number }>(),
  callIdChanged: carries<{ readonly previousId: string; readonly id: string }>(),
  callMutedChanged: carries<{ readonly id: string; readonly isMuted: boolean }>(),
  /** Another participant muted this leg (its `isMuted` has already turned true). */
  callMutedByOthers: carries<{ readonly id: string; readonly at: number }>(),
  callConversationChanged: carries<{
    readonly id: string;
    readonly kind: ConversationKind;
    readonly threadId: string | null;
  }>(),
  callRoleChanged: carries<{ readonly id: string; readonly role: ParticipantRole }>(),
  /** A transfer into this call completed (consult first): who transferred it here. */
  callTransferorChanged: carries<{ readonly id: string; readonly transferredBy: string | null }>(),
  callLocalVideoChanged: carries<{ readonly id: string; readonly isLocalVideoStarted: boolean }>(),
  /** The capabilities that changed (the others stay as they were). */
  callCapabilitiesChanged: carries<{ readonly id: string; readonly capabilities: CallCapabilities }>(),
  callDominantSpeakersChanged: carries<{
    readonly id: string;
    readonly dominantSpeakers: readonly string[];
  }>(),
  /** The call's recording started or stopped, or this leg's consent was asked for or given. */
  callRecordingChanged: carries<{ readonly id: string; readonly recording: RecordingSnapshot }>(),
  /** Captions started (`CaptionsActiveChanged`, after `startCaptions`) or stopped on the call. */
  callCaptionsActiveChanged: carries<{ readonly id: string; readonly active: boolean }>(),
  /** A caption on the call: partial results of a turn, then its final one. */
  captionReceived: carries<{ readonly callId: string; readonly caption: CaptionSnapshot }>(),
  callEnded: carries<{
    readonly id: string;
    readonly callEndReason: EndReason | null;
    readonly at: number;
  }>(),
  participantsAdded: carries<{
    readonly callId: string;
    readonly participants: ParticipantSnapshot[];
  }>(),
  /** One participant's changes; `state/` coalesces them per frame into one action. */
  participantChanged: carries<{
    readonly callId: string;
    readonly participantId: string;
    readonly changes: ParticipantChanges;
  }>(),
  participantRemoved: carries<{
    readonly callId: string;
    readonly participantId: string;
    readonly callEndReason: EndReason | null;
  }>(),
} as const;

/** Each kind of event and its payload, from the table. */
export type CallingEventPayloads = {
  readonly [K in keyof typeof callingEvents]: (typeof callingEvents)[K] extends Carries<infer Payload>
    ? Payload
    : never;
};

export type CallingEventType = keyof CallingEventPayloads;

/** An event the bridges emit: its kind as `type`, with that kind's payload. */
export type CallingEvent<K extends CallingEventType = CallingEventType> = {
  [T in K]: { readonly type: T } & CallingEventPayloads[T];
}[K];

export interface ParticipantChanges {
  readonly state?: RemoteParticipantState;
  readonly role?: ParticipantRole;
  readonly isMuted?: boolean;
  readonly isSpeaking?: boolean;
  readonly displayName?: string | null;
  /** Every video stream of the participant, as it is now. */
  readonly videoStreams?: readonly VideoStreamSnapshot[];
}
