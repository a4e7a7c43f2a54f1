import { createServer, STATUS_CODES, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { World, type WorldOptions } from '../engine/world';
import { MicrosoftCloud, type CloudOptions } from './cloud/microsoft-cloud';
import { handleHttp, requestPath } from './http-api';
import { attachConsole, type ConsoleTimeouts } from './websocket-endpoint';

export interface RunningEmulator {
  readonly world: World;
  /** Entra ID and ACS identity, as Microsoft's clients (MSAL, the identity SDK) reach them. */
  readonly cloud: MicrosoftCloud;
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

/** The emulator server: one world shared by every console that connects (HTTP + WebSocket `/ws`). */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const world = new World(options);
  const cloud = await MicrosoftCloud.start(world, options.cloud);
  const timeouts: ConsoleTimeouts = {
    pingIntervalMs: options.pingIntervalMs ?? PING_INTERVAL_MS,
    helloTimeoutMs: options.helloTimeoutMs ?? HELLO_TIMEOUT_MS,
  };
  const server = createServer((request, response) => {
    // Each handler answers every failure itself; this only keeps a broken response from escaping.
    const handled = cloud.handles(request)
      ? cloud.handle(request, response)
      : handleHttp(world, request, response);
    handled.catch(() => response.destroy());
  });
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_PAYLOAD_BYTES });
  // Every connection, upgraded or not: `close()` ends them all, or `server.close` would wait on
  // a keep-alive or half-answered one for ever.
  const connections = new Set<Duplex>();
  server.on('connection', (connection) => {
    connections.add(connection);
    connection.on('close', () => connections.delete(connection));
  });
  server.on('upgrade', (request, socket, head) => {
    const path = requestPath(request.url);
    if (path !== '/ws') return refuseUpgrade(socket, path === undefined ? 400 : 404);
    sockets.handleUpgrade(request, socket, head, (ws) => attachConsole(world, ws, timeouts));
  });
  await new Promise<void>((resolve) =>
    server.listen(options.port ?? 4310, options.host ?? '127.0.0.1', resolve),
  );
  const { port } = server.address() as AddressInfo;
  return {
    world,
    cloud,
    server,
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    close: async () => {
      world.dispose();
      sockets.clients.forEach((client) => client.terminate());
      sockets.close();
      connections.forEach((connection) => connection.destroy());
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** An upgrade the server will not take still gets an HTTP answer before its socket closes. */
function refuseUpgrade(socket: Duplex, status: 400 | 404): void {
  socket.on('error', () => socket.destroy());
  socket.once('finish', () => socket.destroy());
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
