import type { FastifyError, FastifyInstance } from 'fastify';
import { BadRequest, bodySchema } from '../control-schemas';
import type { EntraSigner } from './entra-tokens';

/** No field yet: `{}` or no body at all. */
const ROTATE_BODY = bodySchema({});

/**
 * `POST /emulator/keys/rotate`: the emulated Entra ID signs with a new key from now on and
 * publishes it beside the one before, as Entra ID rolls its keys over. For tests of what a key
 * change does to `server/` (its JWKS cache) and to the console. Answers `{ kid }`, the new key's id.
 * A control like the others (`/emulator/*`: pages on this machine only), kept with the cloud whose
 * key it turns.
 */
export function keyRotation(signer: EntraSigner) {
  return async (app: FastifyInstance): Promise<void> => {
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, text, done) => {
      try {
        done(null, text === '' ? {} : JSON.parse(String(text)));
      } catch {
        done(new BadRequest(400, 'The request body must be a JSON object.'));
      }
    });
    // No body at all is an empty one.
    app.addHook('preValidation', async (request) => {
      request.body ??= {};
    });
    app.setErrorHandler((error: FastifyError, request, reply) => {
      if (error instanceof BadRequest) return reply.code(error.status).send({ error: error.message });
      if (error.validation)
        return reply.code(400).send({ error: 'The body takes no fields: send {} or no body.' });
      if ((error.statusCode ?? 500) < 500)
        return reply
          .code(error.statusCode === 415 ? 415 : 400)
          .send({ error: 'Send no body, or {} as JSON (Content-Type: application/json).' });
      request.log.error(error);
      return reply.code(500).send({ error: 'The emulator failed to handle the request.' });
    });
    app.post('/emulator/keys/rotate', { schema: ROTATE_BODY }, async () => ({ kid: await signer.rotate() }));
  };
}
