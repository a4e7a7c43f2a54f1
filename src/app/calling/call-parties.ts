import type { CallParties } from '../model/call-parties';
import type { CallRegistry } from './call-registry';

/**
 * Reads a call's parties from the live call (the store may lag, and keeps no meeting thread): its
 * thread, and the remote participants still on it.
 */
export function callParties(registry: CallRegistry, callId: string, me: string): CallParties {
  const call = registry.call(callId);
  const present = call.remoteParticipants.filter((p) => p.state !== 'Disconnected');
  const teamsUserIds = present.flatMap(({ identifier }) =>
    identifier.kind === 'microsoftTeamsUser' ? [identifier.microsoftTeamsUserId.toLowerCase()] : [],
  );
  return {
    threadId: call.info.threadId || undefined,
    teamsUserIds: [me, ...teamsUserIds],
    hasPhoneParty: present.some(({ identifier }) => identifier.kind === 'phoneNumber'),
  };
}
