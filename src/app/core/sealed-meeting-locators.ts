import { Injectable } from '@angular/core';
import type { MeetingLocator } from '../model/meeting-locator';

/** Why a ticket opened nothing: the form is to be filled in again. */
export class MeetingLocatorGone extends Error {
  constructor() {
    super('The meeting details are no longer here: fill in the form again.');
    this.name = 'MeetingLocatorGone';
  }
}

/**
 * Meeting locators on their way from the join form to `join()`. A locator is enough for anyone to
 * join the meeting, so it never enters an action or the store (where devtools and logs would show
 * it): the form seals it here and dispatches the ticket; the join unseals it once. Held in memory
 * only, by this service of the signed-in session, and dropped at sign-out.
 */
@Injectable({ providedIn: 'root' })
export class SealedMeetingLocators {
  private readonly sealed = new Map<string, MeetingLocator>();

  seal(locator: MeetingLocator): string {
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    const ticket = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
    this.sealed.set(ticket, locator);
    return ticket;
  }

  /** The sealed locator, taken out: a ticket opens once. */
  unseal(ticket: string): MeetingLocator {
    const locator = this.sealed.get(ticket);
    this.sealed.delete(ticket);
    if (!locator) throw new MeetingLocatorGone();
    return locator;
  }

  discardAll(): void {
    this.sealed.clear();
  }

  /** How many locators wait to be used (tests check none is left behind). */
  get count(): number {
    return this.sealed.size;
  }
}
