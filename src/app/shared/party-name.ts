import type { Party } from '../calling/snapshots';
import { formatPhoneNumber } from './phone-number.pipe';

/** What to call someone on screen: their display name, else their number, else "Unknown caller". */
export function partyName(party: Party): string {
  if (party.displayName) return party.displayName;
  if (party.identity?.phoneNumber) return formatPhoneNumber(party.identity.phoneNumber);
  return 'Unknown caller';
}
