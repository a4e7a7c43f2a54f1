import { invalid, valid, type Parsed } from '../model/parsed';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The raw-id prefixes of Teams users: `8:orgid:` in the public cloud, `8:gcch:`/`8:dod:` in government ones. */
const RAW_PREFIX = /^8:(orgid|gcch|dod):/i;

export function isGuid(text: string): boolean {
  return GUID.test(text.trim());
}

/** Whether the text is meant as a Teams user id (an object id, or a raw id) rather than a name. */
export function looksLikeTeamsUserId(typed: string): boolean {
  const text = typed.trim();
  return /^8:/.test(text) || /^[0-9a-f]{8}-/i.test(text);
}

/**
 * A Teams user's Entra object id, from the id itself or from a raw id (`8:orgid:<id>`), in lower
 * case. Anonymous meeting guests (`8:teamsvisitor:`) cannot be called.
 */
export function parseTeamsUserId(typed: string): Parsed<string> {
  const text = typed.trim();
  if (!text) return invalid('Type a name, a phone number or a Teams user id.');
  if (/^8:teamsvisitor:/i.test(text))
    return invalid('This is an anonymous meeting guest: guests cannot be called directly.');
  const id = text.replace(RAW_PREFIX, '');
  if (/^8:/.test(id))
    return invalid('A Teams user raw id starts with 8:orgid: followed by the user’s object id.');
  if (!GUID.test(id))
    return invalid(
      'A Teams user id is a GUID of 32 hexadecimal digits in groups of 8-4-4-4-12, like 8c0a7a44-1b2c-4d5e-9f00-123456789abc.',
    );
  return valid(id.toLowerCase());
}
