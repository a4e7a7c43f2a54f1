import fastifyWebsocket from '@fastify/websocket';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError } from '../api-error';
import type { Floor } from './floor';
import { MAX_FRAME_BYTES } from './floor-protocol';

/**
 * Whether a WebSocket's `Origin` is the console's: the server's own origin (its scheme and host as
 * the request names them, through the proxies `TRUST_PROXY` trusts), or one of `ALLOWED_ORIGINS`.
 */
export function isConsoleOrigin(request: FastifyRequest, allowedOrigins: readonly string[]): boolean {
  const origin = request.headers.origin;
  if (!origin) return false;
  return origin === `${request.protocol}://${request.host}` || allowedOrigins.includes(origin);
}

/**
 * `GET /api/floor`, upgraded to a WebSocket (server/README.md, "The supervisor's floor"). A foreign
 * or missing `Origin` is refused with 403 before the upgrade: a page elsewhere cannot ride the
 * user's browser onto the floor.
 */
export async function floorRoute(
  app: FastifyInstance,
  deps: { floor: Floor; allowedOrigins: readonly string[] },
): Promise<void> {
  await app.register(fastifyWebsocket, { options: { maxPayload: MAX_FRAME_BYTES } });
  app.get(
    '/api/floor',
    {
      websocket: true,
      preValidation: async (request) => {
        if (!isConsoleOrigin(request, deps.allowedOrigins)) {
          throw new ApiError(
            403,
            'origin_not_allowed',
            `The origin ${request.headers.origin ?? '(none)'} may not open the floor.`,
          );
        }
      },
    },
    (socket) => deps.floor.connect(socket),
  );
}
