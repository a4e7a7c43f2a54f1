import type {
  CallDirection,
  CallEndReason,
  CallerInfo,
  CallState,
  RemoteParticipant,
  RemoteParticipantState,
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

export interface CallSnapshot {
  readonly id: string;
  readonly direction: CallDirection;
  readonly state: CallState;
  readonly isMuted: boolean;
  readonly caller: Party;
  readonly queue: string | null;
  readonly startedAt: number;
  readonly callEndReason: EndReason | null;
}

export interface ParticipantSnapshot {
  readonly callId: string;
  readonly participantId: string;
  readonly identity: Identity;
  readonly displayName: string | null;
  readonly state: RemoteParticipantState;
  readonly isMuted: boolean;
  readonly isSpeaking: boolean;
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

export function toCallSnapshot(call: TeamsCall, startedAt: number): CallSnapshot {
  return {
    id: call.id,
    direction: call.direction,
    state: call.state,
    isMuted: call.isMuted,
    caller: toParty(call.callerInfo),
    queue: call.transferorInfo?.displayName || null,
    startedAt,
    callEndReason: toEndReason(call.callEndReason),
  };
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
    isMuted: participant.isMuted,
    isSpeaking: participant.isSpeaking,
  };
}
