/** E.164: a + and at most 15 digits, the first not 0 (the ITU's rule, and what the calling service takes). */
export const E164_MAX_DIGITS = 15;

/**
 * Whether the text is meant as a phone number (rather than a name to look up): a +, 00 or digits
 * first. Cheap and free of numbering plans, so the store and effects can ask it.
 */
export function looksLikePhoneNumber(typed: string): boolean {
  return /^\s*(\+|\(?\d)/.test(typed);
}
