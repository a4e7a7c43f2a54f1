import type { FastifyInstance } from 'fastify';
import { END } from '../engine/codes';
import type { QueueSettings } from '../engine/directory';
import type { Meeting, NewMeeting } from '../engine/meetings';
import { RANGES } from '../engine/ranges';
import { meetingJson, speakingJson, threadJson } from '../engine/snapshot';
import { SpeakerStormRefused, type SpeakerStormSpec } from '../engine/speaker-storm';
import { membersProblem } from '../engine/threads';
import type { World } from '../engine/world';
import {
  BadRequest,
  bodySchema,
  booleanField,
  enumField,
  numberField,
  stringField,
  stringsField,
} from './control-schemas';

const QUEUE_FIELDS = {
  presenceBasedRouting: booleanField('presenceBasedRouting'),
  agentAlertSeconds: numberField('agentAlertSeconds', RANGES.agentAlertSeconds),
};

/**
 * Controls over the world's calls for tests and demos: chat threads, meetings, the scripted
 * parties in calls, and each call queue's routing settings. Part of `emulatorControls`: the same parsing, schemas and refusals.
 */
export function worldControls(app: FastifyInstance, world: World): void {
  app.get('/emulator/threads', async () => world.threads.list().map(threadJson));
  app.post<{ Body: { members: string[]; informationBarrier?: boolean; topic?: string } }>(
    '/emulator/threads',
    {
      schema: bodySchema(
        {
          members: {
            ...stringsField('members', RANGES.threadMembers, 'Teams user ids'),
            description: membersProblem(undefined)!,
          },
          informationBarrier: booleanField('informationBarrier'),
          topic: stringField('topic'),
        },
        { required: ['members'] },
      ),
    },
    async (request, reply) => {
      const problem = membersProblem(request.body.members);
      if (problem) throw new BadRequest(400, problem);
      return reply.code(201).send(threadJson(world.threads.create(request.body, world.clock.now())));
    },
  );

  const meetingOut = (meeting: Meeting) => meetingJson(meeting, world.speakerStorms.current(meeting));
  app.get('/emulator/meetings', async () => world.meetings.list().map(meetingOut));
  app.post<{ Body: Omit<NewMeeting, 'autoAdmitMs'> & { autoAdmitSeconds?: number } }>(
    '/emulator/meetings',
    {
      schema: bodySchema(
        {
          organizer: {
            ...stringField('organizer'),
            description: '"organizer" is a user or colleague key (e.g. "sam", "riley").',
          },
          subject: stringField('subject'),
          lobby: booleanField('lobby'),
          presenters: enumField('presenters', ['everyone', 'organizer']),
          autoAdmitSeconds: numberField('autoAdmitSeconds', RANGES.autoAdmitSeconds),
          attendees: stringsField('attendees', RANGES.meetingAttendees, 'colleague keys'),
          generatedAttendees: numberField('generatedAttendees', RANGES.generatedAttendees),
        },
        { required: ['organizer'] },
      ),
    },
    async (request, reply) => {
      const { autoAdmitSeconds, ...spec } = request.body;
      try {
        const meeting = world.meetings.create({
          ...spec,
          ...(autoAdmitSeconds !== undefined && { autoAdmitMs: autoAdmitSeconds * 1000 }),
        });
        return reply.code(201).send(meetingOut(meeting));
      } catch (error) {
        throw new BadRequest(400, (error as Error).message);
      }
    },
  );

  app.post<{ Params: { id: string }; Body: SpeakerStormSpec }>(
    '/emulator/meetings/:id/speaking',
    {
      schema: bodySchema(
        {
          perSecond: numberField('perSecond', RANGES.speakingPerSecond),
          seconds: numberField('seconds', RANGES.speakingSeconds),
        },
        { required: ['perSecond', 'seconds'] },
      ),
    },
    async (request, reply) => {
      try {
        return reply.code(202).send(speakingJson(world.speakerStorms.start(request.params.id, request.body)));
      } catch (error) {
        if (!(error instanceof SpeakerStormRefused)) throw error;
        const status = { unknownMeeting: 404, notInProgress: 409, outOfRange: 400 }[error.reason];
        throw new BadRequest(status, error.message);
      }
    },
  );

  const queueJson = (name: string) => ({ name, ...world.directory.queueSettings(name) });
  app.get('/emulator/queues', async () => world.directory.queues.map(({ name }) => queueJson(name)));
  app.patch<{ Params: { name: string }; Body: Partial<QueueSettings> }>(
    '/emulator/queues/:name',
    {
      schema: bodySchema(QUEUE_FIELDS, {
        minProperties: 1,
        description: `Give what to change: one or more of ${Object.keys(QUEUE_FIELDS).join(', ')} (GET /emulator/queues reads them).`,
      }),
    },
    async (request) => {
      const { name } = request.params;
      if (!world.directory.queue(name))
        throw new BadRequest(
          404,
          `No call queue named "${name}": one of ${world.directory.queues.map((q) => q.name).join(', ')}.`,
        );
      world.configureQueue(name, request.body);
      return queueJson(name);
    },
  );

  app.get('/emulator/colleagues', async () => world.directory.colleagues);

  const leaveNeeds =
    '"callId" (from GET /emulator/state) and "participantId" (a raw id, e.g. 4:+14255550123) are needed.';
  app.post<{ Body: { callId: string; participantId: string } }>(
    '/emulator/parties/leave',
    {
      schema: bodySchema(
        {
          callId: { ...stringField('callId'), description: leaveNeeds },
          participantId: { ...stringField('participantId'), description: leaveNeeds },
        },
        { required: ['callId', 'participantId'] },
      ),
    },
    async (request) => leave(world, request.body.callId, request.body.participantId),
  );
}

/** A scripted party hangs up: a phone number `0/560000`, a colleague `0/0`. Consoles hang up themselves. */
function leave(world: World, callId: string, participantId: string) {
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
