import { CallingFailure } from './calling-codes';
import type { MeetingLocator } from './meeting-locator';

/**
 * Meeting locators on their way from the join form to `join()`. A locator is enough for anyone to
 * join the meeting, so it never enters an action or the store (where devtools and logs would show
 * it): the form seals it here and dispatches the ticket; the join unseals it once. Held in memory
 * only, and dropped at sign-out.
 */
const sealed = new Map<string, MeetingLocator>();

function newTicket(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function sealMeetingLocator(locator: MeetingLocator): string {
  const ticket = newTicket();
  sealed.set(ticket, locator);
  return ticket;
}

/** The sealed locator, taken out: a ticket opens once. */
export function unsealMeetingLocator(ticket: string): MeetingLocator {
  const locator = sealed.get(ticket);
  sealed.delete(ticket);
  if (!locator) throw new CallingFailure('The meeting details are no longer here: fill in the form again.');
  return locator;
}

export function discardSealedMeetingLocators(): void {
  sealed.clear();
}

/** How many locators wait to be used (tests check none is left behind). */
export function sealedMeetingLocatorCount(): number {
  return sealed.size;
}
