import type {
  TeamsMeetingCoordinatesLocator,
  TeamsMeetingIdLocator,
  TeamsMeetingLinkLocator,
} from '@azure/communication-calling';
import type { MeetingLocator } from '../model/meeting-locator';
import { invalid, valid, type Parsed } from '../model/parsed';
import { isGuid } from './teams-user-id';

export type MeetingLocatorKind = 'link' | 'coordinates' | 'meetingId';

/** Hosts that serve Teams meeting links: the public cloud and the government clouds. */
const TEAMS_HOSTS = new Set([
  'teams.microsoft.com',
  'teams.microsoft.us',
  'gov.teams.microsoft.us',
  'dod.teams.microsoft.us',
]);

const MEETUP_JOIN = '/l/meetup-join/';

export const MEETING_ID_DIGITS = 12;
export const PASSCODE_LENGTH = 6;

/** Why the text is not a Teams meeting link, or null when it is one. */
export function meetingLinkProblem(typed: string): string | null {
  const text = typed.trim();
  if (!text) return 'Paste the meeting link from the invitation.';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'This is not a link: a Teams meeting link starts with https://teams.microsoft.com/l/meetup-join/.';
  }
  if (url.protocol !== 'https:') return `A Teams meeting link starts with https://, not ${url.protocol}//.`;
  if (!TEAMS_HOSTS.has(url.hostname.toLowerCase()))
    return `This is not a Teams meeting link: it goes to ${url.hostname}, not teams.microsoft.com.`;
  if (!url.pathname.startsWith(MEETUP_JOIN))
    return 'This Teams link is not a meeting invitation: meeting links contain /l/meetup-join/.';
  const thread = safeDecode(url.pathname.slice(MEETUP_JOIN.length).split('/')[0] ?? '');
  if (!thread.startsWith('19:'))
    return 'This meeting link is cut short: copy the whole link from the invitation.';
  return null;
}

export function meetingThreadIdProblem(typed: string): string | null {
  const text = typed.trim();
  if (!text) return 'Type the meeting’s thread id.';
  if (!/^19:[^\s@]+@thread\.(v2|tacv2|skype)$/.test(text))
    return 'A meeting thread id looks like 19:meeting_…@thread.v2.';
  return null;
}

export function organizerIdProblem(typed: string): string | null {
  if (!typed.trim()) return 'Type the organizer id.';
  return isGuid(typed)
    ? null
    : 'The organizer id is the organizer’s object id: a GUID like 8c0a7a44-1b2c-4d5e-9f00-123456789abc.';
}

export function tenantIdProblem(typed: string): string | null {
  if (!typed.trim()) return 'Type the tenant id.';
  return isGuid(typed)
    ? null
    : 'The tenant id is the organization’s directory id: a GUID like 72f988bf-86f1-41af-91ab-2d7cd011db47.';
}

export function messageIdProblem(typed: string): string | null {
  const text = typed.trim();
  if (!text) return 'Type the message id (0 for most meetings).';
  return /^\d+$/.test(text) ? null : 'The message id is a number (0 for most meetings).';
}

/** Why the text is not a meeting ID (12 digits, shown by Teams in groups of 3), or null. */
export function meetingIdProblem(typed: string): string | null {
  const digits = typed.replace(/\s/g, '');
  if (!digits) return `Type the ${MEETING_ID_DIGITS}-digit meeting ID from the invitation.`;
  if (/\D/.test(digits)) return 'A meeting ID has only digits (spaces between the groups are fine).';
  if (digits.length !== MEETING_ID_DIGITS)
    return `A meeting ID has ${MEETING_ID_DIGITS} digits; this one has ${digits.length}.`;
  return null;
}

/** Why the text is not a passcode (6 letters or digits, case-sensitive), or null. */
export function passcodeProblem(typed: string): string | null {
  const text = typed.trim();
  if (!text) return 'Type the passcode from the invitation.';
  if (/[^A-Za-z0-9]/.test(text)) return 'A passcode has only letters and digits.';
  if (text.length !== PASSCODE_LENGTH)
    return `A passcode has ${PASSCODE_LENGTH} characters; this one has ${text.length}.`;
  return null;
}

export function parseMeetingLink(typed: string): Parsed<TeamsMeetingLinkLocator> {
  const problem = meetingLinkProblem(typed);
  return problem ? invalid(problem) : valid({ meetingLink: typed.trim() });
}

export function parseMeetingCoordinates(
  typed: TeamsMeetingCoordinatesLocator,
): Parsed<TeamsMeetingCoordinatesLocator> {
  const problem =
    meetingThreadIdProblem(typed.threadId) ??
    organizerIdProblem(typed.organizerId) ??
    tenantIdProblem(typed.tenantId) ??
    messageIdProblem(typed.messageId);
  if (problem) return invalid(problem);
  return valid({
    threadId: typed.threadId.trim(),
    organizerId: typed.organizerId.trim().toLowerCase(),
    tenantId: typed.tenantId.trim().toLowerCase(),
    messageId: typed.messageId.trim(),
  });
}

/** A meeting ID and its passcode: both are needed, and the passcode keeps its case. */
export function parseMeetingIdAndPasscode(
  meetingId: string,
  passcode: string,
): Parsed<TeamsMeetingIdLocator> {
  const problem = meetingIdProblem(meetingId) ?? passcodeProblem(passcode);
  if (problem) return invalid(problem);
  return valid({ meetingId: meetingId.replace(/\s/g, ''), passcode: passcode.trim() });
}

export function meetingLocatorKind(locator: MeetingLocator): MeetingLocatorKind {
  if ('meetingLink' in locator) return 'link';
  if ('meetingId' in locator) return 'meetingId';
  return 'coordinates';
}

/** What the console may keep and show about a meeting it joins: how it was named, never the name. */
export function describeMeetingLocator(kind: MeetingLocatorKind): string {
  switch (kind) {
    case 'link':
      return 'Teams meeting (joined by link)';
    case 'coordinates':
      return 'Teams meeting (joined by its coordinates)';
    case 'meetingId':
      return 'Teams meeting (joined by meeting ID and passcode)';
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
