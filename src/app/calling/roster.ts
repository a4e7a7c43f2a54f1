import type { TeamsCall } from '@azure/communication-calling';
import type { CallRegistry } from './call-registry';

/**
 * Removes a participant from a call by its identifier. Resolves once the SDK has taken it out of
 * `remoteParticipants` (its `remoteParticipantsUpdated` reports it gone).
 */
export async function removeParticipant(
  registry: CallRegistry,
  callId: string,
  participantId: string,
): Promise<void> {
  const call = registry.call(callId);
  const { identifier } = registry.participant(callId, participantId);
  await call.removeParticipant(identifier as Parameters<TeamsCall['removeParticipant']>[0]);
}
