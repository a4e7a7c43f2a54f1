import { Random } from './random';

/**
 * A person the world makes up to fill a large meeting (a town hall of 350): a Teams user of the
 * tenant whom nobody plays at a console. They join with the meeting's call and speak as the
 * scripted parties do.
 */
export interface GeneratedAttendee {
  readonly displayName: string;
  readonly microsoftTeamsUserId: string;
}

const FIRST_NAMES = [
  'Ada',
  'Ben',
  'Cleo',
  'Dev',
  'Ema',
  'Finn',
  'Gia',
  'Hugo',
  'Ines',
  'Jon',
  'Kira',
  'Leo',
  'Maya',
  'Nico',
  'Olga',
  'Pia',
  'Quin',
  'Rosa',
  'Theo',
  'Uma',
] as const;

const LAST_NAMES = [
  'Abbott',
  'Baker',
  'Castro',
  'Dubois',
  'Evans',
  'Ferreira',
  'Gupta',
  'Hansen',
  'Ito',
  'Jensen',
  'Kowalski',
  'Larsen',
  'Moreau',
  'Nowak',
  'Ortiz',
  'Patel',
  'Quinn',
  'Rossi',
  'Silva',
  'Tanaka',
] as const;

/** Every first name with every last name: the most attendees a meeting can be given distinct names. */
export const GENERATED_NAME_COUNT = FIRST_NAMES.length * LAST_NAMES.length;

/**
 * `count` attendees for the `meetingNumber`th meeting, named from `seed` (drawn from the world's
 * seeded meetings stream, so the same seed gives the same people). Names are distinct within a
 * meeting, so a roster (or a test) tells each one apart. Ids follow from the meeting and the
 * position: `00000000-0000-4000-8000-d` then the meeting's number in five hex digits and the
 * attendee's in six, apart from every directory id.
 */
export function generateAttendees(seed: number, meetingNumber: number, count: number): GeneratedAttendee[] {
  const random = new Random(seed);
  const names = FIRST_NAMES.flatMap((first) => LAST_NAMES.map((last) => `${first} ${last}`));
  // Fisher–Yates, as far as the names needed.
  for (let i = 0; i < count; i++) {
    const j = random.between(i, names.length - 1);
    [names[i], names[j]] = [names[j], names[i]];
  }
  const meeting = meetingNumber.toString(16).padStart(5, '0');
  return names.slice(0, count).map((displayName, i) => ({
    displayName,
    microsoftTeamsUserId: `00000000-0000-4000-8000-d${meeting}${(i + 1).toString(16).padStart(6, '0')}`,
  }));
}
