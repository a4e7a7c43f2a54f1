import type {
  CallDirection,
  CallState,
  CapabilityResolutionReason,
  MediaStreamType,
  ParticipantCapabilityName,
  ParticipantRole,
  RemoteParticipantState,
} from '@azure/communication-calling';
import type { Identity } from './identity';

/**
 * Plain, serializable copies of SDK objects: what bridges emit and the store keeps. Live objects
 * stay in `CallRegistry`.
 */
export interface EndReason {
  readonly code: number;
  readonly subCode?: number;
}

export interface Party {
  readonly identity: Identity | null;
  readonly displayName: string | null;
}

export interface IncomingCallSnapshot {
  readonly id: string;
  readonly caller: Party;
  /**
   * The call queue that routed the call (the queue's resource account is the transferor), or the
   * one a colleague's transfer says it came from.
   */
  readonly queue: string | null;
  /** The queue's resource account (raw id, `28:orgid:…`) when the queue itself routed the call. */
  readonly queueAccount: string | null;
  /** The colleague who transferred the call here, by name; null when a queue routed it, or nobody. */
  readonly transferredBy: string | null;
  /** When the caller first rang, as the transfer says (epoch ms); null when it does not. */
  readonly waitingSince: number | null;
  /** When this console first saw it ring: the start of the waiting time it shows. */
  readonly receivedAt: number;
  /**
   * The call's server id (`info.getServerCallId()`), the same on every leg of the call: the
   * supervisor's floor names calls by it. Null until the SDK has given it.
   */
  readonly serverCallId: string | null;
}

/**
 * What kind of conversation a call is. The SDK has one `TeamsCall` for all three; a call's chat
 * thread tells them apart: none for a 1:1, a chat thread for a group call, a meeting's thread
 * (`19:meeting_...`) for a Teams meeting.
 */
export type ConversationKind = 'oneToOne' | 'group' | 'meeting';

/** Whether this leg may do something (`Features.Capabilities`), and if not, why. */
export interface CapabilitySnapshot {
  readonly isPresent: boolean;
  readonly reason: CapabilityResolutionReason;
}

/** The capabilities the SDK has reported so far; a name it has not reported is unknown. */
export type CallCapabilities = Partial<Record<ParticipantCapabilityName, CapabilitySnapshot>>;

export interface CallSnapshot {
  readonly id: string;
  readonly direction: CallDirection;
  readonly kind: ConversationKind;
  /**
   * The chat thread of a group call. Null for a 1:1, and for a meeting: its thread is one of the
   * coordinates that join it, which stay out of the store.
   */
  readonly threadId: string | null;
  readonly state: CallState;
  /** This leg's role: Organizer, Presenter or Attendee in a meeting. */
  readonly role: ParticipantRole;
  readonly isMuted: boolean;
  readonly isLocalVideoStarted: boolean;
  readonly caller: Party;
  readonly queue: string | null;
  /** The queue's resource account (raw id) when the queue routed the call: a transfer back goes there. */
  readonly queueAccount: string | null;
  readonly transferredBy: string | null;
  /** When the caller first rang, as a transfer said (epoch ms). */
  readonly waitingSince: number | null;
  readonly startedAt: number;
  readonly callEndReason: EndReason | null;
  /** The call's server id, the same on every leg (the floor's key for the call); null until known. */
  readonly serverCallId: string | null;
  /** Null until the call's Capabilities feature reports (or when the backend has none). */
  readonly capabilities: CallCapabilities | null;
  /** Raw ids of the dominant speakers, most dominant first. */
  readonly dominantSpeakers: readonly string[];
}

/** A remote participant's video (or screen sharing) stream: which one, and whether it can be shown. */
export interface VideoStreamSnapshot {
  readonly id: number;
  readonly mediaStreamType: MediaStreamType;
  readonly isAvailable: boolean;
}

export interface ParticipantSnapshot {
  readonly callId: string;
  readonly participantId: string;
  readonly identity: Identity;
  readonly displayName: string | null;
  readonly state: RemoteParticipantState;
  readonly role: ParticipantRole;
  readonly isMuted: boolean;
  readonly isSpeaking: boolean;
  readonly videoStreams: readonly VideoStreamSnapshot[];
}

/**
 * A call's recording as this leg sees it (`Features.Recording`). While Teams asks for consent
 * (`isTeamsConsentRequired`), this leg's microphone and camera stay off until the user grants it.
 */
export interface RecordingSnapshot {
  readonly isRecordingActive: boolean;
  readonly isTeamsConsentRequired: boolean;
}

/**
 * One caption (`TeamsCaptions`' `CaptionsReceived`): a `Partial` result is replaced by the next
 * result of the same speaker until a `Final` one closes the turn.
 */
export interface CaptionSnapshot {
  /** The speaker's raw id, and their name where the SDK gives one (a Teams user's comes from Graph). */
  readonly speaker: Party;
  readonly text: string;
  readonly resultType: 'Partial' | 'Final';
  /** When the words were first spoken (epoch ms). */
  readonly spokenAt: number;
  readonly language: string;
}
