import type {
  CallEndReason,
  CallerInfo,
  RemoteParticipant,
  RemoteVideoStream,
  TeamsCall,
  TeamsIncomingCall,
} from '@azure/communication-calling';
import type {
  CallSnapshot,
  ConversationKind,
  EndReason,
  IncomingCallSnapshot,
  ParticipantSnapshot,
  Party,
  VideoStreamSnapshot,
} from '../model/snapshots';
import { toIdentity } from './identifiers';

/** Maps live SDK objects to the model's plain snapshots (`model/snapshots.ts`). */

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
    serverCallId: null,
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
    serverCallId: null,
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
