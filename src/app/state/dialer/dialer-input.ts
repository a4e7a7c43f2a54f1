import { looksLikePhoneNumber } from '../../calling/phone-number-shape';
import { looksLikeTeamsUserId } from '../../calling/teams-user-id';

/** The fewest characters of a name worth looking up (one letter matches half the directory). */
export const MIN_SEARCH_LENGTH = 2;

/** Whether the dialer's text is a name to look up in the directory (not a number, not an id). */
export function isNameSearch(text: string): boolean {
  const trimmed = text.trim();
  return (
    trimmed.length >= MIN_SEARCH_LENGTH && !looksLikePhoneNumber(trimmed) && !looksLikeTeamsUserId(trimmed)
  );
}
