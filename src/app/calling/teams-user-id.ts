import {
  createIdentifierFromRawId,
  isMicrosoftTeamsUserIdentifier,
} from '@azure/communication-common/identifiers';
import { invalid, valid, type Parsed } from '../model/parsed';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Where a Teams user's raw id starts (ACS's own kind prefix for users, in every cloud). */
const TEAMS_RAW_ID_START = '8:';

export function isGuid(text: string): boolean {
  return GUID.test(text.trim());
}

/** Whether the text is meant as a Teams user id (an object id, or a raw id) rather than a name. */
export function looksLikeTeamsUserId(typed: string): boolean {
  const text = typed.trim();
  return text.startsWith(TEAMS_RAW_ID_START) || /^[0-9a-f]{8}-/i.test(text);
}

/**
 * A Teams user's Entra object id, from the id itself or from a raw id in any cloud (`8:orgid:`,
 * `8:gcch:`, `8:dod:`, read by @azure/communication-common), in lower case. Anonymous meeting
 * guests (`8:teamsvisitor:`) cannot be called.
 */
export function parseTeamsUserId(typed: string): Parsed<string> {
  const text = typed.trim();
  if (!text) return invalid('Type a name, a phone number or a Teams user id.');
  let id = text;
  if (text.startsWith(TEAMS_RAW_ID_START)) {
    const identifier = createIdentifierFromRawId(text);
    if (!isMicrosoftTeamsUserIdentifier(identifier))
      return invalid(
        'A Teams user raw id starts with 8:orgid: (or 8:gcch:, 8:dod:) followed by the user’s object id.',
      );
    if (identifier.isAnonymous)
      return invalid('This is an anonymous meeting guest: guests cannot be called directly.');
    id = identifier.microsoftTeamsUserId;
  }
  if (!GUID.test(id))
    return invalid(
      'A Teams user id is a GUID of 32 hexadecimal digits in groups of 8-4-4-4-12, like 8c0a7a44-1b2c-4d5e-9f00-123456789abc.',
    );
  return valid(id.toLowerCase());
}
