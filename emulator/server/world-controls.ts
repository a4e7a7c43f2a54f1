import { END } from '../engine/codes';
import { RANGES } from '../engine/ranges';
import { meetingJson, threadJson } from '../engine/snapshot';
import { membersProblem } from '../engine/threads';
import type { World } from '../engine/world';
import { BadRequest, optionalBoolean, optionalNumber, optionalString, optionalStrings } from './http-input';

type Answer = { status: number; body: unknown };

/**
 * Controls over the world's calls for tests and demos: chat threads, meetings, and the scripted
 * parties in calls. `undefined` for a route that is not one of them.
 */
export async function worldControl(
  world: World,
  route: string,
  readBody: () => Promise<Record<string, unknown>>,
): Promise<Answer | undefined> {
  switch (route) {
    case 'GET /emulator/threads':
      return { status: 200, body: world.threads.list().map(threadJson) };
    case 'POST /emulator/threads':
      return { status: 201, body: threadJson(createThread(world, await readBody())) };
    case 'GET /emulator/meetings':
      return { status: 200, body: world.meetings.list().map(meetingJson) };
    case 'POST /emulator/meetings':
      return { status: 201, body: meetingJson(createMeeting(world, await readBody())) };
    case 'GET /emulator/colleagues':
      return { status: 200, body: world.directory.colleagues };
    case 'POST /emulator/parties/leave':
      return { status: 200, body: leave(world, await readBody()) };
    default:
      return undefined;
  }
}

function createThread(world: World, body: Record<string, unknown>) {
  const members = optionalStrings(body, 'members', RANGES.threadMembers);
  const problem = membersProblem(members);
  if (problem) throw new BadRequest(400, problem);
  const informationBarrier = optionalBoolean(body, 'informationBarrier');
  const topic = optionalString(body, 'topic');
  return world.threads.create(
    {
      members: members!,
      ...(informationBarrier !== undefined && { informationBarrier }),
      ...(topic && { topic }),
    },
    world.clock.now(),
  );
}

function createMeeting(world: World, body: Record<string, unknown>) {
  const organizer = optionalString(body, 'organizer');
  if (!organizer) throw new BadRequest(400, '"organizer" is a user or colleague key (e.g. "sam", "riley").');
  const presenters = body['presenters'];
  if (presenters !== undefined && presenters !== 'everyone' && presenters !== 'organizer')
    throw new BadRequest(400, '"presenters" is "everyone" or "organizer".');
  const subject = optionalString(body, 'subject');
  const lobby = optionalBoolean(body, 'lobby');
  const autoAdmitSeconds = optionalNumber(body, 'autoAdmitSeconds', RANGES.autoAdmitSeconds);
  const attendees = optionalStrings(body, 'attendees', RANGES.meetingAttendees);
  try {
    return world.meetings.create({
      organizer,
      ...(subject && { subject }),
      ...(lobby !== undefined && { lobby }),
      ...(presenters !== undefined && { presenters }),
      ...(autoAdmitSeconds !== undefined && { autoAdmitMs: Math.round(autoAdmitSeconds * 1000) }),
      ...(attendees && { attendees }),
    });
  } catch (error) {
    throw new BadRequest(400, (error as Error).message);
  }
}

/** A scripted party hangs up: a phone number `0/560000`, a colleague `0/0`. Consoles hang up themselves. */
function leave(world: World, body: Record<string, unknown>) {
  const callId = optionalString(body, 'callId');
  const participantId = optionalString(body, 'participantId');
  if (!callId || !participantId)
    throw new BadRequest(
      400,
      '"callId" (from GET /emulator/state) and "participantId" (a raw id, e.g. 4:+14255550123) are needed.',
    );
  const call = world.calls.all.get(callId);
  if (!call) throw new BadRequest(404, `No live call ${callId}.`);
  const party = call.parties.get(participantId);
  if (!party) throw new BadRequest(404, `No participant ${participantId} in call ${callId}.`);
  if (party.kind === 'console')
    throw new BadRequest(
      400,
      `${participantId} is at a console: it hangs up there, not through the emulator.`,
    );
  world.calls.leave(call, party, party.kind === 'phone' ? END.phoneParticipantHungUp : END.hungUp);
  return { left: participantId };
}
