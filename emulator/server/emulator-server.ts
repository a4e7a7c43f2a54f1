import fastifyCookie from '@fastify/cookie';
import fastifyCors, { type FastifyCorsOptions } from '@fastify/cors';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { STATUS_CODES, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { World, type WorldOptions } from '../engine/world';
import {
  CLOUD_BODY_LIMIT,
  entraNotFound,
  isCloudPath,
  MicrosoftCloud,
  TENANT_PATH,
  type CloudOptions,
} from './cloud/microsoft-cloud';
import { CONTROL_BODY_LIMIT, emulatorControls } from './controls';
import { attachConsole, type ConsoleTimeouts } from './websocket-endpoint';

export interface RunningEmulator {
  readonly world: World;
  /** Entra ID and ACS identity, as Microsoft's clients (MSAL, the identity SDK) reach them. */
  readonly cloud: MicrosoftCloud;
  readonly app: FastifyInstance;
  readonly server: Server;
  readonly url: string;
  close(): Promise<void>;
}

export type EmulatorOptions = WorldOptions &
  Partial<ConsoleTimeouts> & { port?: number; host?: string; cloud?: CloudOptions };

/** A console is pinged this often; one that misses two pongs in a row is dropped. */
const PING_INTERVAL_MS = 15_000;
/** A socket that has not said `hello` this long after connecting is closed. */
const HELLO_TIMEOUT_MS = 5_000;
/**
 * The largest message a console may send. The protocol's biggest is a request with a token
 * (about 1 KiB); ws would otherwise take up to 100 MiB per message.
 */
const MAX_PAYLOAD_BYTES = 64 * 1024;

/**
 * The path of a request's target, or `undefined` when the target is no path at all: `//a:99999`
 * reads as a host with a port out of range, `//[` as a broken host.
 */
export function requestPath(target: string | undefined): string | undefined {
  try {
    return new URL(target ?? '/', 'http://emulator').pathname;
  } catch {
    return undefined;
  }
}

/** http(s)://localhost, 127.0.0.1, [::1] or a *.localhost name, on any port. */
function isLoopbackOrigin(origin: string): boolean {
  if (!URL.canParse(origin)) return false;
  const { hostname } = new URL(origin);
  return ['localhost', '127.0.0.1', '[::1]'].includes(hostname) || hostname.endsWith('.localhost');
}

const GRAPH_HEADERS = [
  'Authorization',
  'Content-Type',
  'ConsistencyLevel',
  'SdkVersion',
  'client-request-id',
];

/**
 * CORS by the part answering: Microsoft's endpoints are called from the console's origin (MSAL's
 * fetch, the Graph client) and from `server/`, so any origin; the emulator's controls answer
 * pages on this machine only.
 */
function corsFor(request: FastifyRequest): FastifyCorsOptions {
  return { strictPreflight: false, ...corsByPath(request) };
}

function corsByPath(request: FastifyRequest): FastifyCorsOptions {
  const path = requestPath(request.url) ?? '';
  if (path.startsWith('/v1.0/'))
    return { origin: '*', allowedHeaders: GRAPH_HEADERS, methods: ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'] };
  if (isCloudPath(path)) return { origin: '*', allowedHeaders: '*', methods: ['GET', 'POST'], maxAge: 600 };
  const origin = request.headers.origin;
  return {
    origin: origin !== undefined && isLoopbackOrigin(origin) ? origin : false,
    allowedHeaders: ['Authorization', 'Content-Type'],
    methods: ['GET', 'POST', 'PATCH'],
  };
}

/**
 * The emulator's HTTP server, on Fastify: its controls (`/emulator/*`, `/health`), Microsoft's
 * cloud (Entra ID, ACS identity, Graph: `cloud/`) and the consoles' WebSocket (`/ws`). Every
 * request gets an answer, however malformed, and nothing a request sends takes the process down.
 */
export async function emulatorApp(
  world: World,
  cloud: MicrosoftCloud,
  timeouts: ConsoleTimeouts,
): Promise<FastifyInstance> {
  const app = Fastify({
    bodyLimit: Math.max(CONTROL_BODY_LIMIT, CLOUD_BODY_LIMIT),
    // Unknown fields are refused where a schema says so, never silently removed; `"500"` is not 500.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: true } },
    // `close()` ends keep-alive connections too, or the server would wait on them.
    forceCloseConnections: true,
    logger: false,
    clientErrorHandler: answerMalformedHttp,
  });

  // First: its hook marks an upgrade request (`request.ws`) for the hooks below.
  await app.register(fastifyWebsocket, {
    options: { maxPayload: MAX_PAYLOAD_BYTES },
    // ws closes a socket that breaks the protocol itself, with the close code that says why.
    errorHandler: () => undefined,
    preClose: (done) => {
      app.websocketServer.clients.forEach((client) => client.terminate());
      done();
    },
  });
  // A target that is no path at all (`//a:99999`) is answered before anything routes it.
  app.addHook('onRequest', async (request, reply) => {
    const path = requestPath(request.url);
    if (path === undefined)
      return reply
        .code(400)
        .header('Connection', 'close')
        .send({ error: 'The request target is not a valid path.' });
    // An upgrade anywhere but /ws is not a WebSocket the emulator serves.
    if (request.ws && path !== '/ws') return reply.code(404).send({ error: `No WebSocket at ${path}.` });
    // The controls place calls, inject faults and show meetings' passcodes, and the WebSocket is a
    // console: a page from another site must not drive them. Only pages on this machine may.
    const origin = request.headers.origin;
    if (!isCloudPath(path) && origin !== undefined && !isLoopbackOrigin(origin))
      return reply
        .code(403)
        .send({ error: 'The emulator’s controls answer pages on this machine (loopback) only.' });
  });
  await app.register(fastifyCors, { delegator: (request, callback) => callback(null, corsFor(request)) });
  // No cache keeps an answer: the world changes under every one.
  app.addHook('onSend', async (request, reply) => {
    if (!reply.hasHeader('Cache-Control')) reply.header('Cache-Control', 'no-store');
    // A 413 is answered before its body is read: the connection cannot carry another request.
    // An upgrade refused is answered on a socket that then closes.
    if (reply.statusCode === 413 || request.ws) reply.header('Connection', 'close');
  });
  await app.register(fastifyCookie);
  app.get('/ws', { websocket: true }, (socket) => attachConsole(world, socket, timeouts));

  await app.register(emulatorControls, { world, cloud });
  await app.register(cloud.routes);

  app.setNotFoundHandler((request, reply) => {
    const path = requestPath(request.url) ?? '';
    if (TENANT_PATH.test(path)) return entraNotFound(request, reply, path);
    return reply.code(404).send({ error: `No route ${request.method} ${path}.` });
  });
  app.setErrorHandler((error: Error & { statusCode?: number }, _request, reply) => {
    const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 500;
    return reply.code(status).send({
      error: status < 500 ? 'The request could not be read.' : 'The emulator failed to handle the request.',
    });
  });

  // Node's HTTP server drops a CONNECT it has no listener for without a word: it gets an answer.
  app.server.on('connect', (_request, socket: Duplex) =>
    answerAndClose(socket, 405, 'CONNECT is not served here.'),
  );
  return app;
}

/**
 * What Node's HTTP parser refuses before Fastify sees it (a request line or header it cannot read):
 * the parser's own words, which name the part and never echo the request's bytes.
 */
function answerMalformedHttp(error: Error & { code?: string; reason?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET') return void socket.destroy();
  const [status, message] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'The request’s headers are too large.']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'The request took too long to arrive.']
        : [400, `The request is not well-formed HTTP/1.1${error.reason ? `: ${error.reason}` : ''}.`];
  answerAndClose(socket, status, message);
}

/** A plain HTTP answer on a socket nothing else will answer, then the socket closes. */
function answerAndClose(socket: Duplex, status: number, message: string): void {
  socket.on('error', () => socket.destroy());
  if (!socket.writable) return void socket.destroy();
  const body = JSON.stringify({ error: message });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

/** The emulator server: one world shared by every console that connects (HTTP + WebSocket `/ws`). */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const world = new World(options);
  const cloud = await MicrosoftCloud.start(world, options.cloud);
  const app = await emulatorApp(world, cloud, {
    pingIntervalMs: options.pingIntervalMs ?? PING_INTERVAL_MS,
    helloTimeoutMs: options.helloTimeoutMs ?? HELLO_TIMEOUT_MS,
  });
  const host = options.host ?? '127.0.0.1';
  await app.listen({ port: options.port ?? 4310, host });
  const { port } = app.server.address() as AddressInfo;
  return {
    world,
    cloud,
    app,
    server: app.server,
    url: `http://${host}:${port}`,
    close: async () => {
      world.dispose();
      await app.close();
    },
  };
}
