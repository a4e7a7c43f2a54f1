import type { Party } from './call-model';

/**
 * What the scripted parties say, a line per speaking turn, in order and then again from the top.
 * A caller's script mentions a card number, as callers do, so what keeps a transcript can be
 * checked for keeping one.
 */
export const CALLER_SCRIPT: readonly string[] = [
  "Hi, I'm calling about a charge on my last bill.",
  'Sure, my card number is 4111 1111 1111 1111.',
  'It was on the fourteenth, for forty-two dollars.',
  'Could you send me a confirmation by email?',
  'Great, thank you for your help.',
];

export const COLLEAGUE_SCRIPT: readonly string[] = [
  'Hi, I can take it from here.',
  'Let me pull up the account.',
  'I see the charge, give me a moment.',
  'Done, it is refunded.',
];

export function scriptOf(party: Party): readonly string[] {
  return party.kind === 'phone' ? CALLER_SCRIPT : COLLEAGUE_SCRIPT;
}
