import {
  getIdentifierRawId,
  type MicrosoftTeamsUserIdentifier,
  type PhoneNumberIdentifier,
} from '@azure/communication-common';
import type { TeamsCloud } from './identifiers';

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

/** The identifier the SDK takes for the target (`startCall`, `addParticipant`, `removeParticipant`). */
export function toSdkIdentifier(target: DialTarget): MicrosoftTeamsUserIdentifier | PhoneNumberIdentifier {
  return target.kind === 'phoneNumber'
    ? { phoneNumber: target.phoneNumber }
    : { microsoftTeamsUserId: target.microsoftTeamsUserId, cloud: target.cloud };
}

/**
 * The target's raw id, as the roster knows participants: `8:orgid:<id>` (or `8:gcch:`, `8:dod:`,
 * as their cloud says), `4:+14255550100`.
 */
export function targetRawId(target: DialTarget): string {
  return getIdentifierRawId(toSdkIdentifier(target));
}

/** The target on screen: a Teams user's name, a number grouped as its country writes it. */
export function targetName(target: DialTarget): string {
  return target.displayName;
}

/** "Blake Chen", "Blake Chen and +1 425 555 0100", "Blake Chen, Casey Novak and +1 425 555 0100". */
export function describeTargets(targets: readonly DialTarget[]): string {
  const names = targets.map(targetName);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
