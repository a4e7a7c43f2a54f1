import type { WebSocket } from 'ws';
import type { World } from '../engine/world';
import type { ClientMessage } from '../protocol/messages';

/** One console's WebSocket: client messages into the world, the world's messages out. */
export function attachConsole(world: World, socket: WebSocket): void {
  const endpointId = world.open(
    (message) => {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
    },
    () => socket.terminate(),
  );
  socket.on('message', (data) => {
    let message: ClientMessage;
    try {
      message = JSON.parse(String(data)) as ClientMessage;
    } catch {
      socket.close(1003, 'Messages must be JSON.');
      return;
    }
    if (message.type === 'listeners') {
      world.setListenerCount(endpointId, message.count);
      return;
    }
    if (message.type !== 'request') return;
    world.request(endpointId, message.operation).then(
      (value) =>
        socket.readyState === socket.OPEN &&
        socket.send(JSON.stringify({ type: 'result', requestId: message.requestId, value })),
      (error: { code?: number; subCode?: number; message?: string }) =>
        socket.readyState === socket.OPEN &&
        socket.send(
          JSON.stringify({
            type: 'result',
            requestId: message.requestId,
            error: {
              code: error.code ?? 500,
              ...(error.subCode !== undefined && { subCode: error.subCode }),
              message: error.message ?? 'Failed.',
            },
          }),
        ),
    );
  });
  socket.on('close', () => world.close(endpointId));
}
