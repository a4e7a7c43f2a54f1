import type { CallDirection, ParticipantRole } from '@azure/communication-calling';
import type { ConversationKind, Party } from '../model/snapshots';
import { partyName } from './party-name';

/** What the panels need to name a call (a call entry and its roster's summary). */
export interface NameableCall {
  readonly kind: ConversationKind;
  readonly direction: CallDirection;
  readonly counterpart: Party | null;
  readonly queue: string | null;
  readonly role: ParticipantRole;
}

/** The call's name: who a 1:1 is with, "Group call of 3", "Teams meeting". */
export function callTitle(call: NameableCall, peopleCount: number): string {
  switch (call.kind) {
    case 'meeting':
      return 'Teams meeting';
    case 'group':
      return `Group call of ${peopleCount}`;
    case 'oneToOne':
      return call.counterpart ? partyName(call.counterpart) : 'Call';
  }
}

const ROLES: Partial<Record<ParticipantRole, string>> = {
  Organizer: 'you are the organizer',
  'Co-organizer': 'you are a co-organizer',
  Presenter: 'you are a presenter',
  Attendee: 'you are an attendee',
};

/** One line under the name: direction and who is on the other end, or who else is in the call. */
export function callDetail(call: NameableCall, others: readonly Party[], peopleCount: number): string {
  switch (call.kind) {
    case 'meeting': {
      const role = ROLES[call.role];
      return [people(peopleCount), role].filter(Boolean).join(', ');
    }
    case 'group':
      return others.length === 0
        ? 'Nobody else has joined yet'
        : `With ${listNames(others, peopleCount - 1)}`;
    case 'oneToOne': {
      const kind = call.counterpart?.identity?.kind;
      const what =
        kind === 'phoneNumber' ? 'a phone number' : kind === 'microsoftTeamsUser' ? 'a Teams user' : null;
      if (call.direction === 'Outgoing') return what ? `Outgoing call to ${what}` : 'Outgoing call';
      if (call.queue) return `Incoming call via ${call.queue}`;
      return what ? `Incoming call from ${what}` : 'Incoming call';
    }
  }
}

/** How an ended call is announced: "Call with Dana Smith ended: The caller hung up." */
export function endedCallText(ended: {
  kind: ConversationKind;
  counterpart: Party | null;
  message: string;
}): string {
  switch (ended.kind) {
    case 'meeting':
      return `Meeting ended: ${ended.message}`;
    case 'group':
      return `Group call ended: ${ended.message}`;
    case 'oneToOne':
      return ended.counterpart
        ? `Call with ${partyName(ended.counterpart)} ended: ${ended.message}`
        : `Call ended: ${ended.message}`;
  }
}

/**
 * How leaving a group call that goes on is announced: "You left; the call goes on with Pat Caller
 * and Sam Okafor." Hanging up ends only the agent's own leg of a group call (it is not "ended").
 */
export function leftCallText(others: readonly Party[]): string {
  return `You left; the call goes on with ${listNames(others, others.length)}.`;
}

function people(count: number): string {
  return count === 1 ? '1 person' : `${count} people`;
}

/** "Drew Lee", "Drew Lee and Dana Smith", "Drew Lee, Dana Smith and 3 others". */
function listNames(named: readonly Party[], total: number): string {
  const names = named.map(partyName);
  const rest = total - names.length;
  if (rest > 0) return `${names.join(', ')} and ${rest === 1 ? '1 other' : `${rest} others`}`;
  if (names.length === 1) return names[0];
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
