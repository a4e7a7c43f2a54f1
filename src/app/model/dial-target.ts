/**
 * Someone the agent calls or adds to a call, as the store keeps it (plain data): a Teams user
 * from the directory, or a phone number in E.164.
 */
export type DialTarget =
  | {
      readonly kind: 'microsoftTeamsUser';
      readonly microsoftTeamsUserId: string;
      readonly displayName: string;
    }
  | {
      readonly kind: 'phoneNumber';
      readonly phoneNumber: string;
      /** The number as the agent reads it, grouped as its country writes it. */
      readonly displayName: string;
    };

export function teamsUserTarget(microsoftTeamsUserId: string, displayName: string): DialTarget {
  return { kind: 'microsoftTeamsUser', microsoftTeamsUserId, displayName };
}

export function phoneNumberTarget(phoneNumber: string, displayName = phoneNumber): DialTarget {
  return { kind: 'phoneNumber', phoneNumber, displayName };
}
