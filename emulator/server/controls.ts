import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { publicUser, type Directory, type DirectoryUser } from '../engine/directory';
import { AllCallersBusyError } from '../engine/queue-routing';
import { RANGES, type NumberRange } from '../engine/ranges';
import type { World } from '../engine/world';
import {
  BadRequest,
  bodySchema,
  booleanField,
  negativeZeroAt,
  numberField,
  pairField,
  stringField,
  validationMessage,
} from './control-schemas';
import type { MicrosoftCloud } from './cloud/microsoft-cloud';
import { faultControls } from './fault-controls';
import { recordingControls } from './recording-controls';
import { worldControls } from './world-controls';

/** The largest body a control takes: the biggest (a thread of 250 members) is about 10 KiB. */
export const CONTROL_BODY_LIMIT = 64 * 1024;

/**
 * How long a drop keeps a user's consoles from reaching the world (0: a blip, they resume at once).
 * Past the two-minute resume window their calls end; an hour covers any test of that.
 */
const DROP_SECONDS: NumberRange = { min: 0, max: 3600, integer: true, unit: 'seconds' };

const SCENARIO_FIELDS = {
  running: booleanField('running'),
  arrivalsPerMinute: numberField('arrivalsPerMinute', RANGES.arrivalsPerMinute),
  patienceSeconds: pairField('patienceSeconds', RANGES.wholeSeconds),
  talkSeconds: pairField('talkSeconds', RANGES.wholeSeconds),
  maxWaiting: numberField('maxWaiting', RANGES.maxWaiting),
};

/**
 * The emulator's own HTTP controls for tests and demos: its directory, the world's state, placing
 * a queued call, the scenario, dropping consoles (for a number of seconds), and (`world-controls.ts`) threads,
 * meetings and scripted parties, (`fault-controls.ts`) faults in calling and in Microsoft's cloud. Every body is checked against its JSON schema, unknown fields
 * refused; a refusal is `{ error }` with a message that says what to fix. Microsoft's cloud
 * (Entra ID, ACS identity, Graph) is `cloud/`'s; the token exchange is `server/`'s.
 */
export async function emulatorControls(
  app: FastifyInstance,
  { world, cloud }: { world: World; cloud: MicrosoftCloud },
): Promise<void> {
  // A POST (or PATCH) must say it is JSON, which a page elsewhere cannot send without asking first.
  app.removeAllContentTypeParsers();
  // Plain JSON.parse: a `__proto__` key stays an own field, which the schema then refuses by name.
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, text, done) => {
    let value: unknown;
    try {
      value = JSON.parse(String(text));
    } catch {
      return done(new BadRequest(400, 'The request body must be a JSON object.'));
    }
    const zero = negativeZeroAt(value);
    if (zero) return done(new BadRequest(400, `"${zero}" is -0: send 0.`));
    done(null, value);
  });
  app.addHook('onRequest', async (request, reply) => {
    const hasBody = request.method === 'POST' || request.method === 'PATCH';
    if (hasBody && !/^application\/json\b/i.test(request.headers['content-type'] ?? ''))
      return reply
        .code(415)
        .send({ error: 'Send the request body as JSON (Content-Type: application/json).' });
  });
  app.setErrorHandler(controlError);

  app.get('/health', async () => ({ status: 'ok', pid: process.pid }));
  app.get('/emulator/users', async () => world.directory.users.map(publicUser));
  app.get('/emulator/state', async () => world.snapshot());
  app.get('/emulator/listeners', async () => world.listenerCounts());

  app.post<{
    Body: {
      from?: string;
      displayName?: string;
      queue?: string;
      patienceSeconds?: number;
      talkSeconds?: number;
    };
  }>(
    '/emulator/queue/calls',
    {
      schema: bodySchema({
        from: stringField('from', 32),
        displayName: stringField('displayName'),
        queue: stringField('queue'),
        patienceSeconds: numberField('patienceSeconds', RANGES.seconds),
        talkSeconds: numberField('talkSeconds', RANGES.seconds),
      }),
    },
    async (request, reply) => {
      const { patienceSeconds, talkSeconds, ...rest } = request.body;
      try {
        const id = world.enqueuePhoneCall({
          ...rest,
          ...(patienceSeconds !== undefined && { patienceMs: patienceSeconds * 1000 }),
          ...(talkSeconds !== undefined && { talkMs: talkSeconds * 1000 }),
        });
        return reply.code(201).send({ id });
      } catch (error) {
        // Every caller already on the line is the world's state, not a malformed request.
        throw new BadRequest(error instanceof AllCallersBusyError ? 409 : 400, (error as Error).message);
      }
    },
  );

  const scenarioSettings = () => ({ running: world.scenario.running, ...world.scenario.settings });
  app.get('/emulator/scenario', async () => scenarioSettings());
  app.post<{ Body: Parameters<World['scenario']['configure']>[0] }>(
    '/emulator/scenario',
    {
      schema: bodySchema(SCENARIO_FIELDS, {
        minProperties: 1,
        description: `Give what to change: one or more of ${Object.keys(SCENARIO_FIELDS).join(', ')} (GET /emulator/scenario reads them).`,
      }),
    },
    async (request) => {
      for (const key of ['patienceSeconds', 'talkSeconds'] as const) {
        const pair = request.body[key];
        if (pair && pair[0] > pair[1]) throw new BadRequest(400, SCENARIO_FIELDS[key].description);
      }
      try {
        world.scenario.configure(request.body);
      } catch (error) {
        throw new BadRequest(400, (error as Error).message);
      }
      return scenarioSettings();
    },
  );

  app.post<{ Body: { userKey: string; seconds?: number } }>(
    '/emulator/connections/drop',
    {
      schema: bodySchema(
        {
          userKey: { ...stringField('userKey'), description: '"userKey" names whose consoles to cut off.' },
          seconds: numberField('seconds', DROP_SECONDS),
        },
        { required: ['userKey'] },
      ),
    },
    async (request) => {
      const { userKey, seconds = 0 } = request.body;
      if (!world.directory.user(userKey))
        throw new BadRequest(
          404,
          `No user "${userKey}" in the directory: one of ${userKeys(world.directory)}.`,
        );
      return { dropped: world.dropConnection(userKey, seconds) };
    },
  );

  worldControls(app, world);
  recordingControls(app, world);
  faultControls(app, world, cloud);
}

/** Every refusal in the controls' shape, `{ error }`; a 413 also closes the connection. */
function controlError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const send = (status: number, message: string) => void reply.code(status).send({ error: message });
  if (error instanceof BadRequest) return send(error.status, error.message);
  if (error.validation)
    return send(400, validationMessage(error, request.routeOptions.schema?.body as never));
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return send(413, `The request body is larger than ${CONTROL_BODY_LIMIT / 1024} KiB.`);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return send(415, 'Send the request body as JSON (Content-Type: application/json).');
  }
  if ((error.statusCode ?? 500) < 500) return send(400, 'The request body must be a JSON object.');
  request.log.error(error);
  send(500, 'The emulator failed to handle the request.');
}

/** The directory's user keys for an error message: the built-in ones, and the generated ones' range. */
function userKeys(directory: Directory): string {
  const { builtInUsers, generatedUsers } = directory;
  const generated = (role: DirectoryUser['role']) => {
    const users = generatedUsers.filter((user) => user.role === role);
    if (users.length === 0) return [];
    if (users.length === 1) return [users[0]!.key];
    return [`${users[0]!.key} to ${users[users.length - 1]!.key}`];
  };
  return [...builtInUsers.map((u) => u.key), ...generated('agent'), ...generated('supervisor')].join(', ');
}
