import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ServerConfig } from './config';

/**
 * The console's runtime configuration (`config.json`), from `server/`'s environment: one build
 * runs against any tenant and either backend. MSAL takes `clientId`, `authority` and
 * `knownAuthorities` (so it never asks Microsoft's instance discovery); the console asks for
 * `scopes.api` to call `tokenUrl`, and `scopes.teams` for the Teams token it exchanges there. It
 * opens the floor's WebSocket at `floorUrl` (a path means its own origin, `ws:` or `wss:` as the
 * page is `http:` or `https:`). After a call, the agent picks one of `wrapUpCodes`; after-call work
 * ends by itself after `afterCallWorkSeconds` (0: never).
 */
export function consoleConfig(config: ServerConfig) {
  const { entra, console: settings } = config;
  return {
    backend: settings.backend,
    emulatorUrl: settings.emulatorUrl,
    clientId: entra.clientId,
    authority: entra.authority,
    knownAuthorities: [new URL(entra.authority).host],
    scopes: { api: [entra.apiScope], teams: settings.teamsScopes, graph: settings.graphScopes },
    tokenUrl: '/api/token',
    floorUrl: settings.floorUrl,
    graphBaseUrl: settings.graphBaseUrl,
    logLevel: settings.logLevel,
    wrapUpCodes: settings.wrapUpCodes,
    afterCallWorkSeconds: settings.afterCallWorkSeconds,
  };
}

/** Angular's output names carry a content hash: such a file never changes under its name. */
const HASHED = /-[A-Z0-9]{8,}\.(js|css|woff2?|png|svg)$/;

/**
 * Serves the built console as its files are. Returns which requests should get `index.html`
 * instead of a 404: page paths (the Angular router's routes), never the API's or a file's.
 */
export async function serveConsole(
  app: FastifyInstance,
  dir: string,
): Promise<(request: FastifyRequest) => boolean> {
  const root = resolve(dir);
  if (!existsSync(resolve(root, 'index.html'))) {
    throw new Error(`SERVE_CONSOLE_DIR: no index.html in ${root} (build the console first: ng build).`);
  }
  await app.register(fastifyStatic, {
    root,
    cacheControl: false,
    setHeaders: (reply, path) => {
      // Its Content-Security-Policy and other security headers are every answer's (security.ts).
      reply.header('Cache-Control', HASHED.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  return (request) => {
    const path = request.url.split('?')[0] ?? '';
    return (
      request.method === 'GET' &&
      (request.headers.accept ?? '').includes('text/html') &&
      !path.startsWith('/api/') &&
      !/\.[a-z0-9]+$/i.test(path)
    );
  };
}
