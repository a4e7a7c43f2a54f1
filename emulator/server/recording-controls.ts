import type { FastifyInstance } from 'fastify';
import { isLive } from '../engine/call-model';
import type { World } from '../engine/world';
import { BadRequest, bodySchema, booleanField, enumField, stringField } from './control-schemas';

interface RecordingBody {
  userKey: string;
  action: 'start' | 'stop';
  consentRequired?: boolean;
}

/**
 * `POST /emulator/recording`: recording of a user's live call(s) starts or stops, as a Teams
 * recording policy or a colleague would start it; `consentRequired` (default true) mutes each
 * console in the call until it consents. Answers the calls it acted on (their world ids, as
 * `GET /emulator/state` lists them).
 */
export function recordingControls(app: FastifyInstance, world: World): void {
  app.post<{ Body: RecordingBody }>(
    '/emulator/recording',
    {
      schema: bodySchema(
        {
          userKey: {
            ...stringField('userKey'),
            description: '"userKey" names the user whose live call is recorded (e.g. "alex").',
          },
          action: enumField('action', ['start', 'stop']),
          consentRequired: booleanField('consentRequired'),
        },
        { required: ['userKey', 'action'] },
      ),
    },
    async (request) => {
      const { userKey, action, consentRequired = true } = request.body;
      const user = world.directory.user(userKey);
      if (!user) throw new BadRequest(404, `No user "${userKey}" in the directory (GET /emulator/users).`);
      const calls = [...world.calls.all.values()].filter(
        (call) =>
          call.status === 'live' &&
          call.legs().some((party) => party.key === userKey && isLive(party.leg.state)),
      );
      if (calls.length === 0)
        throw new BadRequest(404, `${user.displayName} (${userKey}) has no live call to record.`);
      for (const call of calls) {
        if (action === 'start') world.startRecording(call.id, { consentRequired });
        else world.stopRecording(call.id);
      }
      return { calls: calls.map((call) => call.id) };
    },
  );
}
