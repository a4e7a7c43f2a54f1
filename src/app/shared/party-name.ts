import type { Party } from '../model/snapshots';
import { formatPhoneNumber } from './phone-number.pipe';

/**
 * What to call someone on screen: their display name, else their number; a Teams user the SDK gave
 * no name ("the SDK doesn't set this value for Teams users") is "Teams user"; else "Unknown caller".
 */
export function partyName(party: Party): string {
  if (party.displayName) return party.displayName;
  if (party.identity?.phoneNumber) return formatPhoneNumber(party.identity.phoneNumber);
  if (party.identity?.kind === 'microsoftTeamsUser') return 'Teams user';
  return 'Unknown caller';
}
