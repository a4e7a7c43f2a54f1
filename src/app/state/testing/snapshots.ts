import type { CallSnapshot, IncomingCallSnapshot, ParticipantSnapshot } from '../../model/snapshots';

/** Plain snapshots for reducer and component tests, as the bridges would emit them. */
export const dana = {
  identity: { kind: 'phoneNumber' as const, rawId: '4:+14255550123', phoneNumber: '+14255550123' },
  displayName: 'Dana Smith',
};

export function incomingCall(id: string, receivedAt: number, queue = 'Billing'): IncomingCallSnapshot {
  return {
    id,
    caller: dana,
    queue,
    queueAccount: null,
    transferredBy: null,
    waitingSince: null,
    receivedAt,
    serverCallId: null,
  };
}

export function call(id: string, overrides: Partial<CallSnapshot> = {}): CallSnapshot {
  return {
    id,
    direction: 'Incoming',
    kind: 'oneToOne',
    threadId: null,
    state: 'Connected',
    role: 'Unknown',
    isMuted: false,
    isLocalVideoStarted: false,
    caller: dana,
    queue: 'Billing',
    queueAccount: null,
    transferredBy: null,
    waitingSince: null,
    startedAt: 1_000,
    callEndReason: null,
    serverCallId: null,
    capabilities: null,
    dominantSpeakers: [],
    ...overrides,
  };
}

export function participant(
  callId: string,
  participantId = '4:+14255550123',
  overrides: Partial<ParticipantSnapshot> = {},
): ParticipantSnapshot {
  return {
    callId,
    participantId,
    identity: { kind: 'phoneNumber', rawId: participantId, phoneNumber: participantId.slice(2) },
    displayName: 'Dana Smith',
    state: 'Connected',
    role: 'Unknown',
    isMuted: false,
    isSpeaking: false,
    videoStreams: [],
    ...overrides,
  };
}
