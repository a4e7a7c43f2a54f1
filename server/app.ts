import fastifyCors from '@fastify/cors';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import { ApiError, errorBody } from './api-error';
import type { ServerConfig } from './config';
import { consoleConfig, serveConsole } from './console-config';
import { EntraTokenValidator, type SignedInUser } from './entra-token';
import { Floor } from './floor/floor';
import { SYSTEM_CLOCK, type FloorClock } from './floor/floor-context';
import { floorRoute } from './floor/floor-route';
import { RedisFloorStore } from './floor/floor-redis-store';
import { MemoryFloorStore } from './floor/floor-store';
import { answerClientError, HELMET_OPTIONS, MAX_HEADER_SIZE, refuseOtherCharsets } from './security';
import { tokenRoute } from './token-route';
import { TokenExchange } from './token-exchange';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set once the request's Entra access token checked out. */
    signedIn: SignedInUser | null;
    /** Why the request's token was refused: answered after the rate limit counted it. */
    authFailure: ApiError | null;
  }
}

export interface ServerOptions {
  /** Fastify's pino settings (a test passes a stream to read the logs). */
  readonly logger?: Exclude<FastifyServerOptions['logger'], boolean>;
  /** Entra's clock, for a test's expired token. */
  readonly now?: () => number;
  /** The floor's timers (hello, token expiry, batching, grace, requests), for a test to drive. */
  readonly floorClock?: FloorClock;
}

/** Small: a token exchange request is a few kilobytes of JSON. */
export const BODY_LIMIT = 16 * 1024;

/** Paths only: a query string could carry an authorization code (MSAL's `response_mode=query`). */
const pathOf = (url: string) => url.split('?')[0];

/**
 * Switchboard's backend: `POST /api/token` (Entra access token in, ACS token out), the
 * supervisor's floor (`GET /api/floor`, a WebSocket), `GET /health`,
 * the console's `config.json`, and in production the built console. Testable with `inject`.
 */
export async function buildServer(
  config: ServerConfig,
  options: ServerOptions = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    bodyLimit: BODY_LIMIT,
    // A `__proto__` or `constructor` key is dropped, not refused as "not valid JSON" (it is JSON):
    // the body then lacks what the route asks for, and the route's refusal says so.
    onProtoPoisoning: 'remove',
    onConstructorPoisoning: 'remove',
    http: { maxHeaderSize: MAX_HEADER_SIZE },
    clientErrorHandler: answerClientError,
    // A number is how many proxies (App Service's front end, a gateway) stand before the server.
    trustProxy:
      typeof config.trustProxy === 'number'
        ? (_address: string, hop: number) => hop < (config.trustProxy as number)
        : config.trustProxy,
    logger: {
      level: config.logLevel,
      ...options.logger,
      // Tokens never reach a log: a request is logged as method, path and address only (never a
      // header, a query string or a body); redaction catches an object that would carry one.
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          '*.teamsUserAadToken',
          '*.token',
          '*.accessToken',
        ],
        censor: '[redacted]',
      },
      serializers: {
        req: (request: FastifyRequest) => ({
          method: request.method,
          url: pathOf(request.url),
          remoteAddress: request.ip,
        }),
        res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
      },
    },
  });
  app.decorateRequest('signedIn', null);
  app.decorateRequest('authFailure', null);
  // First, so that every answer carries the security headers, whatever refuses the request.
  await app.register(fastifyHelmet, HELMET_OPTIONS);
  // JSON in UTF-8 is the only body the API reads: any other type or charset is a 415.
  app.removeContentTypeParser('text/plain');
  app.addHook('preParsing', refuseOtherCharsets);

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, request, reply) => {
    reply.header('Cache-Control', 'no-store');
    if (error instanceof ApiError) {
      if (error.statusCode >= 500)
        request.log.error({ code: error.code, cause: String(error.cause ?? '') }, error.message);
      return reply.code(error.statusCode).headers(error.headers).send(errorBody(error.code, error.message));
    }
    const status = error.statusCode ?? 500;
    if (status === 413) {
      return reply
        .code(413)
        .send(errorBody('payload_too_large', `The request body is larger than ${BODY_LIMIT / 1024} KiB.`));
    }
    if (status === 415)
      return reply.code(415).send(errorBody('unsupported_media_type', 'Send the body as application/json.'));
    if (status === 429) return reply.code(429).send(errorBody('rate_limited', error.message));
    if (status === 400) return reply.code(400).send(errorBody('invalid_request', unreadableBody(error)));
    if (status < 500)
      return reply
        .code(status)
        .send(errorBody('bad_request', `${request.method} ${pathOf(request.url)} was refused (${status}).`));
    request.log.error(
      { err: { type: error.name, message: error.message, stack: error.stack } },
      'request failed',
    );
    return reply
      .code(500)
      .send(errorBody('internal_error', "Switchboard's server failed to handle the request."));
  });
  // API answers are per user and hold tokens: no cache keeps them. Console files set their own.
  app.addHook('onSend', async (_request, reply) => {
    if (!reply.hasHeader('Cache-Control')) reply.header('Cache-Control', 'no-store');
  });

  await registerCors(app, config.allowedOrigins);
  await app.register(fastifyRateLimit, {
    global: false,
    max: config.rateLimit.max,
    timeWindow: config.rateLimit.windowMs,
    keyGenerator: (request) => (request.signedIn ? `user:${request.signedIn.oid}` : `address:${request.ip}`),
    errorResponseBuilder: (_request, context) =>
      Object.assign(new Error(`Too many token requests: try again in ${Math.ceil(context.ttl / 1000)} s.`), {
        statusCode: 429,
      }),
  });

  app.get('/health', async () => ({ status: 'ok', pid: process.pid }));
  const browserConfig = consoleConfig(config);
  app.get('/config.json', async () => browserConfig);
  const validator = new EntraTokenValidator(config.entra, options.now);
  const floor = new Floor(
    config.redisUrl
      ? await RedisFloorStore.connect(config.redisUrl, (error) =>
          app.log.error({ err: error }, 'floor: an event from another instance failed'),
        )
      : new MemoryFloorStore(),
    validator,
    options.floorClock ?? SYSTEM_CLOCK,
    app.log,
    config.serviceLevelSeconds,
  );
  await floor.start();
  app.addHook('preClose', async () => floor.goAway());
  app.addHook('onClose', () => floor.close());
  await floorRoute(app, { floor, allowedOrigins: config.allowedOrigins });
  tokenRoute(app, {
    validator,
    exchange: new TokenExchange(config.acsConnectionString, config.entra.clientId),
    clientId: config.entra.clientId,
  });
  const isConsolePage = config.consoleDir ? await serveConsole(app, config.consoleDir) : () => false;
  app.setNotFoundHandler((request, reply) => {
    if (isConsolePage(request)) return reply.sendFile('index.html');
    return reply
      .code(404)
      .header('Cache-Control', 'no-store')
      .send(errorBody('not_found', `No ${request.method} ${pathOf(request.url)}.`));
  });
  return app;
}

/** Why Fastify could not read a JSON body, as the client can fix it. */
function unreadableBody(error: Error & { code?: string }): string {
  return error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
    ? 'The request body is empty, though its Content-Type says JSON.'
    : 'The request body is not valid JSON.';
}

/**
 * CORS for the configured origins only. A preflight from any other origin is refused outright
 * (403); its simple requests get no CORS headers, so the browser keeps the answer from the page.
 */
async function registerCors(app: FastifyInstance, allowedOrigins: readonly string[]): Promise<void> {
  const allowed = new Set(allowedOrigins);
  app.addHook('onRequest', async (request) => {
    const origin = request.headers.origin;
    if (
      request.method === 'OPTIONS' &&
      origin &&
      request.headers['access-control-request-method'] &&
      !allowed.has(origin)
    ) {
      throw new ApiError(403, 'origin_not_allowed', `The origin ${origin} may not call this API.`);
    }
  });
  await app.register(fastifyCors, {
    origin: (origin, callback) =>
      callback(null, origin !== undefined && allowed.has(origin) ? origin : false),
    methods: ['GET', 'POST'],
    allowedHeaders: ['Authorization', 'Content-Type'],
    maxAge: 600,
  });
}
