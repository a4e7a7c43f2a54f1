import type { MeetingLocatorWire } from '../protocol/messages';
import { TENANT_ID, type Directory } from './directory';
import { generateAttendees, type GeneratedAttendee } from './generated-attendees';
import { meetingLink, readMeetingLocator, type MeetingCoordinates } from './meeting-locators';
import type { Random } from './random';
import { RANGES, rangeProblem } from './ranges';

/**
 * Scheduled Teams meetings. Each is reachable by its link, its coordinates and its ID + passcode,
 * all three naming the same meeting. While anyone is in it, it has one live call in the world.
 */
export interface MeetingOrganizer {
  /** A directory user's or colleague's key. */
  readonly key: string;
  readonly displayName: string;
  readonly microsoftTeamsUserId: string;
  /** A colleague, played by the world (they admit the lobby after `autoAdmitMs`). */
  readonly scripted: boolean;
}

export interface Meeting extends MeetingCoordinates {
  readonly key: string;
  readonly subject: string;
  readonly organizer: MeetingOrganizer;
  readonly link: string;
  /** 12 digits, as `TeamsMeetingIdLocator.meetingId` takes it. */
  readonly meetingId: string;
  /** 6 characters, case-sensitive. */
  readonly passcode: string;
  /** Everyone but the organizer waits in the lobby until admitted. */
  readonly lobby: boolean;
  /** Who presents: everyone, or only the organizer (the others attend). */
  readonly presenters: 'everyone' | 'organizer';
  /**
   * How long a joiner waits in the lobby before the organizer admits them, when no console that
   * can manage the lobby is in the meeting (a console that can, admits them itself).
   */
  readonly autoAdmitMs: number;
  /** Colleagues who are in the meeting whenever it is on. */
  readonly attendees: readonly string[];
  /** People made up for a large meeting, also in it whenever it is on (generated-attendees.ts). */
  readonly generatedAttendees: readonly GeneratedAttendee[];
  /** The meeting's live call, while anyone is in it. */
  callId?: string;
}

export interface NewMeeting {
  readonly subject?: string;
  readonly organizer: string;
  readonly lobby?: boolean;
  readonly presenters?: 'everyone' | 'organizer';
  readonly autoAdmitMs?: number;
  readonly attendees?: readonly string[];
  /** How many people to make up and put in the meeting beside `attendees` (0 to 350). */
  readonly generatedAttendees?: number;
}

export const DEFAULT_AUTO_ADMIT_MS = 10_000;

export class Meetings {
  private readonly meetings: Meeting[] = [];

  constructor(
    private readonly directory: Directory,
    private readonly random: Random,
  ) {
    // Two meetings exist from the start: one with a lobby (its organizer a console user), one without.
    this.create({ subject: 'Morning huddle', organizer: 'sam', lobby: true, presenters: 'organizer' });
    this.create({
      subject: 'Billing review',
      organizer: 'riley',
      lobby: false,
      presenters: 'everyone',
      attendees: ['riley'],
    });
  }

  list(): readonly Meeting[] {
    return this.meetings;
  }

  /** Schedules a meeting. Throws a `RangeError` naming the field that is wrong. */
  create(spec: NewMeeting): Meeting {
    const organizer = this.organizer(spec.organizer);
    const attendees = spec.attendees ?? [];
    for (const [index, key] of attendees.entries()) {
      if (!this.directory.colleague(key))
        throw new RangeError(
          `"attendees" are colleagues the world plays (${this.directory.colleagues.map((c) => c.key).join(', ')}), not "${key}".`,
        );
      if (attendees.indexOf(key) !== index)
        throw new RangeError(`"attendees" names each colleague once: "${key}" is there twice.`);
    }
    const generated = spec.generatedAttendees ?? 0;
    const problem = rangeProblem('generatedAttendees', generated, RANGES.generatedAttendees);
    if (problem) throw new RangeError(problem);
    if (attendees.length + generated > RANGES.meetingAttendees.max)
      throw new RangeError(
        `"attendees" and "generatedAttendees" together must be at most ${RANGES.meetingAttendees.max} people.`,
      );
    const coordinates: MeetingCoordinates = {
      threadId: `19:meeting_${this.random.chars(48, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789')}@thread.v2`,
      organizerId: organizer.microsoftTeamsUserId,
      tenantId: TENANT_ID,
      messageId: String(1_700_000_000_000 + this.random.between(0, 99_999_999_999)),
    };
    const number = this.meetings.length + 1;
    const meeting: Meeting = {
      key: `m${number}`,
      subject: spec.subject ?? `${organizer.displayName}'s meeting`,
      organizer,
      ...coordinates,
      link: meetingLink(coordinates),
      meetingId: this.newMeetingId(),
      passcode: this.random.chars(6, 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789'),
      lobby: spec.lobby ?? true,
      presenters: spec.presenters ?? 'everyone',
      autoAdmitMs: spec.autoAdmitMs ?? DEFAULT_AUTO_ADMIT_MS,
      attendees,
      // One draw from the meetings stream, and only for a meeting that has them: the ids of every
      // other meeting stay as the seed gave them.
      generatedAttendees:
        generated === 0 ? [] : generateAttendees(this.random.next() * 2 ** 32, number, generated),
    };
    this.meetings.push(meeting);
    return meeting;
  }

  /**
   * The meeting a locator names, or why not: `malformed` (the SDK refuses it before dialling),
   * `notFound` (no such meeting, or the passcode does not match: the two are not told apart).
   */
  find(locator: MeetingLocatorWire): Meeting | 'notFound' | { malformed: string } {
    const read = readMeetingLocator(locator);
    if (!read.ok) return { malformed: read.problem };
    const found =
      read.by === 'id'
        ? this.meetings.find((m) => m.meetingId === read.meetingId && m.passcode === read.passcode)
        : this.meetings.find(
            (m) =>
              m.threadId === read.coordinates.threadId &&
              m.organizerId === read.coordinates.organizerId &&
              m.tenantId === read.coordinates.tenantId &&
              m.messageId === read.coordinates.messageId,
          );
    return found ?? 'notFound';
  }

  private organizer(key: string): MeetingOrganizer {
    const user = this.directory.user(key);
    if (user)
      return {
        key,
        displayName: user.displayName,
        microsoftTeamsUserId: user.microsoftTeamsUserId,
        scripted: false,
      };
    const colleague = this.directory.colleague(key);
    if (colleague)
      return {
        key,
        displayName: colleague.displayName,
        microsoftTeamsUserId: colleague.microsoftTeamsUserId,
        scripted: true,
      };
    throw new RangeError(`"organizer" is a user or colleague key from the directory, not "${key}".`);
  }

  private newMeetingId(): string {
    for (;;) {
      const id = String(this.random.between(1, 9)) + this.random.chars(11, '0123456789');
      if (!this.meetings.some((m) => m.meetingId === id)) return id;
    }
  }
}
