import type { TeamsCloud } from './identity';

/**
 * Someone the agent calls or adds to a call, as the store keeps it (plain data): a Teams user
 * from the directory, or a phone number in E.164.
 */
export type DialTarget =
  | {
      readonly kind: 'microsoftTeamsUser';
      readonly microsoftTeamsUserId: string;
      /** Their tenant's cloud, the signed-in agent's (a colleague is in the agent's tenant). */
      readonly cloud: TeamsCloud;
      readonly displayName: string;
    }
  | {
      readonly kind: 'phoneNumber';
      readonly phoneNumber: string;
      /** The number as the agent reads it, grouped as its country writes it. */
      readonly displayName: string;
    };

export function teamsUserTarget(
  microsoftTeamsUserId: string,
  displayName: string,
  cloud: TeamsCloud,
): DialTarget {
  return { kind: 'microsoftTeamsUser', microsoftTeamsUserId, cloud, displayName };
}

export function phoneNumberTarget(phoneNumber: string, displayName = phoneNumber): DialTarget {
  return { kind: 'phoneNumber', phoneNumber, displayName };
}
