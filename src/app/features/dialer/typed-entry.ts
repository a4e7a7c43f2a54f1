import { type DialTarget, phoneNumberTarget, teamsUserTarget } from '../../model/dial-target';
import type { TeamsCloud } from '../../model/identity';
import { formatPhoneNumberAsTyped, parsePhoneNumber } from '../../calling/phone-number';
import { looksLikePhoneNumber } from '../../calling/phone-number-shape';
import { looksLikeTeamsUserId, parseTeamsUserId } from '../../calling/teams-user-id';
import type { DirectoryPerson } from '../../model/directory-person';

/** What the agent's typed text amounts to when they press Enter (or Call). */
export type TypedEntry =
  | { readonly kind: 'empty' }
  | { readonly kind: 'target'; readonly target: DialTarget }
  /** A Teams user id: whose it is comes from the directory. */
  | { readonly kind: 'teamsUserId'; readonly id: string }
  | { readonly kind: 'problem'; readonly message: string };

/**
 * Reads the dialer's one input: a phone number (checked as E.164), a Teams user id, or a name,
 * which must match exactly one of the directory's suggestions.
 */
export function readTypedEntry(
  text: string,
  suggestions: readonly DirectoryPerson[],
  me: string | null,
  /** The agent's cloud, which a colleague picked by name shares. */
  cloud: TeamsCloud,
): TypedEntry {
  const typed = text.trim();
  if (!typed) return { kind: 'empty' };
  if (looksLikeTeamsUserId(typed)) {
    const id = parseTeamsUserId(typed);
    if (!id.ok) return { kind: 'problem', message: id.message };
    if (id.value === me)
      return { kind: 'problem', message: 'That is your own id: you cannot call yourself.' };
    return { kind: 'teamsUserId', id: id.value };
  }
  if (looksLikePhoneNumber(typed)) {
    const number = parsePhoneNumber(typed);
    return number.ok
      ? { kind: 'target', target: phoneNumberTarget(number.value, formatPhoneNumberAsTyped(number.value)) }
      : { kind: 'problem', message: number.message };
  }
  const matches = suggestions.filter((p) => p.displayName.toLowerCase() === typed.toLowerCase());
  const only = matches.length === 1 ? matches[0] : suggestions.length === 1 ? suggestions[0] : undefined;
  if (only) return { kind: 'target', target: teamsUserTarget(only.id, only.displayName, cloud) };
  return {
    kind: 'problem',
    message:
      suggestions.length === 0
        ? `Nobody in the directory is called “${typed}”. Type a name, a phone number starting with +, or a Teams user id.`
        : 'Several people match: pick one from the suggestions.',
  };
}
