import {
  getIdentifierRawId,
  type MicrosoftTeamsUserIdentifier,
  type PhoneNumberIdentifier,
} from '@azure/communication-common/identifiers';
import type { DialTarget } from '../model/dial-target';

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
