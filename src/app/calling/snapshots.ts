import type {
  CallDirection,
  CallEndReason,
  CallerInfo,
  CallState,
  CapabilityResolutionReason,
  MediaStreamType,
  ParticipantCapabilityName,
  ParticipantRole,
  RemoteParticipant,
  RemoteParticipantState,
  RemoteVideoStream,
  TeamsCall,
  TeamsIncomingCall,
} from '@azure/communication-calling';
import { toIdentity, type Identity } from './identifiers';

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
  /** The call queue that routed the call (the queue's resource account is the transferor). */
  readonly queue: string | null;
  /** When this console first saw it ring: the start of the waiting time it shows. */
  readonly receivedAt: number;
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
  readonly startedAt: number;
  readonly callEndReason: EndReason | null;
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

export function toEndReason(reason: CallEndReason | undefined): EndReason | null {
  if (!reason) return null;
  return reason.subCode === undefined
    ? { code: reason.code }
    : { code: reason.code, subCode: reason.subCode };
}

function toParty(info: CallerInfo | undefined): Party {
  return { identity: toIdentity(info?.identifier), displayName: info?.displayName || null };
}

export function toIncomingCallSnapshot(
  incoming: TeamsIncomingCall,
  receivedAt: number,
): IncomingCallSnapshot {
  return {
    id: incoming.id,
    caller: toParty(incoming.callerInfo),
    queue: incoming.transferorInfo?.displayName || null,
    receivedAt,
  };
}

const MEETING_THREAD = /^19:meeting_/;

/** The kind of conversation and the thread to keep, from the call's thread id. */
export function toConversation(call: TeamsCall): { kind: ConversationKind; threadId: string | null } {
  const threadId = call.info.threadId || null;
  if (!threadId) return { kind: 'oneToOne', threadId: null };
  return MEETING_THREAD.test(threadId) ? { kind: 'meeting', threadId: null } : { kind: 'group', threadId };
}

/** A call as it is now; its features' state (capabilities, dominant speakers) is read by their bridges. */
export function toCallSnapshot(
  call: TeamsCall,
  startedAt: number,
  features: Pick<CallSnapshot, 'capabilities' | 'dominantSpeakers'> = {
    capabilities: null,
    dominantSpeakers: [],
  },
): CallSnapshot {
  return {
    id: call.id,
    direction: call.direction,
    ...toConversation(call),
    state: call.state,
    role: call.role,
    isMuted: call.isMuted,
    isLocalVideoStarted: call.isLocalVideoStarted,
    caller: toParty(call.callerInfo),
    queue: call.transferorInfo?.displayName || null,
    startedAt,
    callEndReason: toEndReason(call.callEndReason),
    ...features,
  };
}

export function toVideoStreamSnapshots(streams: readonly RemoteVideoStream[]): VideoStreamSnapshot[] {
  return streams.map(({ id, mediaStreamType, isAvailable }) => ({ id, mediaStreamType, isAvailable }));
}

export function participantId(participant: RemoteParticipant): string {
  return toIdentity(participant.identifier)?.rawId ?? 'unknown';
}

export function toParticipantSnapshot(callId: string, participant: RemoteParticipant): ParticipantSnapshot {
  return {
    callId,
    participantId: participantId(participant),
    identity: toIdentity(participant.identifier) ?? { kind: 'unknown', rawId: 'unknown' },
    displayName: participant.displayName || null,
    state: participant.state,
    role: participant.role,
    isMuted: participant.isMuted,
    isSpeaking: participant.isSpeaking,
    videoStreams: toVideoStreamSnapshots(participant.videoStreams),
  };
}
