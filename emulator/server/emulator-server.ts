import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { World, type WorldOptions } from '../engine/world';
import { MicrosoftCloud, type CloudOptions } from './cloud/microsoft-cloud';
import { handleHttp } from './http-api';
import { attachConsole } from './websocket-endpoint';

export interface RunningEmulator {
  readonly world: World;
  /** Entra ID and ACS identity, as Microsoft's clients (MSAL, the identity SDK) reach them. */
  readonly cloud: MicrosoftCloud;
  readonly server: Server;
  readonly url: string;
  close(): Promise<void>;
}

/** The emulator server: one world shared by every console that connects (HTTP + WebSocket `/ws`). */
export async function startEmulator(
  options: WorldOptions & { port?: number; host?: string; cloud?: CloudOptions } = {},
): Promise<RunningEmulator> {
  const world = new World(options);
  const cloud = await MicrosoftCloud.start(world, options.cloud);
  const server = createServer(
    (request, response) =>
      void (cloud.handles(request) ? cloud.handle(request, response) : handleHttp(world, request, response)),
  );
  const sockets = new WebSocketServer({ noServer: true });
  server.on('upgrade', (request, socket, head) => {
    if (new URL(request.url ?? '/', 'http://emulator').pathname !== '/ws') {
      socket.destroy();
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => attachConsole(world, ws));
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
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
