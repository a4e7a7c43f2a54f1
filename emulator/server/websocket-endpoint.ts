import type { WebSocket } from 'ws';
import type { World } from '../engine/world';
import type { ClientMessage, ServerMessage } from '../protocol/messages';

/** One console's WebSocket: client messages into the world, the world's messages out. */
export function attachConsole(world: World, socket: WebSocket): void {
  const send = (message: ServerMessage) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  };
  const endpointId = world.open(send, () => socket.terminate());
  socket.on('message', (data) => {
    let message: ClientMessage;
    try {
      message = JSON.parse(String(data)) as ClientMessage;
    } catch {
      socket.close(1003, 'Messages must be JSON.');
      return;
    }
    world.receive(endpointId, message, send);
  });
  socket.on('close', () => world.close(endpointId));
}
