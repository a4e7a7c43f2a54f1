import type { MeetingLocatorWire } from '../protocol/messages';
import { TEAMS_USER_ID } from './directory';
import { THREAD_ID } from './threads';

/**
 * The three ways to name a Teams meeting (a link, its coordinates, its ID and passcode), read into
 * one shape. Shared by the client, which refuses a malformed locator synchronously as the SDK
 * does, and the world, which finds the meeting (or not).
 */
export type MeetingCoordinates = Extract<MeetingLocatorWire, { threadId: string }>;

export type ReadLocator =
  | { readonly ok: true; readonly by: 'coordinates'; readonly coordinates: MeetingCoordinates }
  | { readonly ok: true; readonly by: 'id'; readonly meetingId: string; readonly passcode: string }
  | { readonly ok: false; readonly problem: string };

/** Meeting ID: 12 digits (spaces, as Teams prints them, are ignored). Passcode: 6 characters. */
export const MEETING_ID = /^\d{12}$/;
export const PASSCODE = /^[0-9A-Za-z]{6}$/;
const MESSAGE_ID = /^\d{1,20}$/;

const isString = (value: unknown): value is string => typeof value === 'string';

export function readMeetingLocator(locator: unknown): ReadLocator {
  const fail = (problem: string): ReadLocator => ({ ok: false, problem });
  if (typeof locator !== 'object' || locator === null)
    return fail('A meeting locator is a meeting link, coordinates, or a meeting ID and passcode.');
  const value = locator as Record<string, unknown>;
  if (value['meetingLink'] !== undefined) {
    if (!isString(value['meetingLink'])) return fail('"meetingLink" must be a string.');
    return readLink(value['meetingLink']);
  }
  if (value['meetingId'] !== undefined) {
    const { meetingId, passcode } = value;
    if (!isString(meetingId) || !MEETING_ID.test(meetingId.replace(/\s/g, '')))
      return fail('A meeting ID is 12 digits.');
    if (!isString(passcode) || !PASSCODE.test(passcode))
      return fail('A meeting passcode is 6 letters or digits (case-sensitive); both are needed.');
    return { ok: true, by: 'id', meetingId: meetingId.replace(/\s/g, ''), passcode };
  }
  if (value['threadId'] !== undefined) return readCoordinates(value);
  return fail('A meeting locator is a meeting link, coordinates, or a meeting ID and passcode.');
}

function readCoordinates(value: Record<string, unknown>): ReadLocator {
  const { threadId, organizerId, tenantId, messageId } = value;
  if (!isString(threadId) || !THREAD_ID.test(threadId))
    return { ok: false, problem: 'A meeting\'s "threadId" looks like 19:meeting_...@thread.v2.' };
  if (!isString(organizerId) || !TEAMS_USER_ID.test(organizerId))
    return { ok: false, problem: 'A meeting\'s "organizerId" is the organizer\'s Teams user id (a GUID).' };
  if (!isString(tenantId) || !TEAMS_USER_ID.test(tenantId))
    return { ok: false, problem: 'A meeting\'s "tenantId" is a GUID.' };
  if (!isString(messageId) || !MESSAGE_ID.test(messageId))
    return { ok: false, problem: 'A meeting\'s "messageId" is a number.' };
  return {
    ok: true,
    by: 'coordinates',
    coordinates: {
      threadId,
      organizerId: organizerId.toLowerCase(),
      tenantId: tenantId.toLowerCase(),
      messageId,
    },
  };
}

/** `https://teams.microsoft.com/l/meetup-join/<threadId>/<messageId>?context={"Tid":..,"Oid":..}` */
function readLink(link: string): ReadLocator {
  const problem = 'A Teams meeting link starts https://teams.microsoft.com/l/meetup-join/.';
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return { ok: false, problem };
  }
  const match = /^\/l\/meetup-join\/([^/]+)\/([^/]+)$/.exec(url.pathname);
  if (url.protocol !== 'https:' || url.hostname !== 'teams.microsoft.com' || !match)
    return { ok: false, problem };
  let context: Record<string, unknown> = {};
  try {
    context = JSON.parse(url.searchParams.get('context') ?? '{}') as Record<string, unknown>;
  } catch {
    return { ok: false, problem: 'The meeting link\'s "context" is not valid JSON.' };
  }
  return readCoordinates({
    threadId: decodeURIComponent(match[1]),
    messageId: decodeURIComponent(match[2]),
    tenantId: context['Tid'],
    organizerId: context['Oid'],
  });
}

/** The link Teams would print for these coordinates. */
export function meetingLink(coordinates: MeetingCoordinates): string {
  const context = JSON.stringify({ Tid: coordinates.tenantId, Oid: coordinates.organizerId });
  return (
    `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(coordinates.threadId)}/` +
    `${coordinates.messageId}?context=${encodeURIComponent(context)}`
  );
}
