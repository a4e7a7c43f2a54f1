import type {
  CallEndReason,
  CallerInfo,
  CustomContext,
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
import { QUEUE_HEADER, WAITING_SINCE_HEADER } from './transfer';

/** Maps live SDK objects to the model's plain snapshots (`model/snapshots.ts`). */

export function toEndReason(reason: CallEndReason | undefined): EndReason | null {
  if (!reason) return null;
  return reason.subCode === undefined
    ? { code: reason.code }
    : { code: reason.code, subCode: reason.subCode };
}

export function toParty(info: CallerInfo | undefined): Party {
  return { identity: toIdentity(info?.identifier), displayName: info?.displayName || null };
}

/** Who routed or handed on a call, and the queue and wait it carries (`model/snapshots.ts`, `Routing`). */
export type Routing = Pick<CallSnapshot, 'queue' | 'queueAccount' | 'transferredBy' | 'waitingSince'>;

function header(context: CustomContext | undefined, key: string): string | null {
  const found = context?.voipHeaders?.find((h) => h.key.toLowerCase() === key.toLowerCase());
  return found?.value || null;
}

/**
 * A call queue routes a call with its resource account (an app identity, `28:orgid:`) as the
 * transferor; an agent who transfers one is a Teams user (`8:orgid:`), and the queue and the
 * caller's first ring come beside the call, in its custom context (`calling/transfer.ts`).
 */
export function toRouting(transferor: CallerInfo | undefined, context: CustomContext | undefined): Routing {
  if (!transferor) return { queue: null, queueAccount: null, transferredBy: null, waitingSince: null };
  const since = Date.parse(header(context, WAITING_SINCE_HEADER) ?? '');
  const waitingSince = Number.isNaN(since) ? null : since;
  // A call sent back to its queue comes from the queue again, the wait it had beside it.
  if (transferor.identifier?.kind === 'microsoftTeamsApp')
    return {
      queue: transferor.displayName || null,
      queueAccount: toIdentity(transferor.identifier)?.rawId ?? null,
      transferredBy: null,
      waitingSince,
    };
  return {
    queue: header(context, QUEUE_HEADER),
    queueAccount: null,
    transferredBy: transferor.displayName || 'A colleague',
    waitingSince,
  };
}

export function toIncomingCallSnapshot(
  incoming: TeamsIncomingCall,
  receivedAt: number,
): IncomingCallSnapshot {
  return {
    id: incoming.id,
    caller: toParty(incoming.callerInfo),
    ...toRouting(incoming.transferorInfo, incoming.customContext),
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
    ...toRouting(call.transferorInfo, undefined),
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
