import type { CallRegistry } from './call-registry';

/** Who is on a call now, as far as its chat thread is concerned. */
export interface CallParties {
  /** The call's chat thread, if it has one (group calls and meetings; a 1:1 has none). */
  readonly threadId: string | undefined;
  /** Teams users on the call, the signed-in user first. */
  readonly teamsUserIds: readonly string[];
  readonly hasPhoneParty: boolean;
}

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
