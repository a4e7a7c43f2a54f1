import type { WebSocket } from 'ws';
import type { World } from '../engine/world';
import type { ServerMessage } from '../protocol/messages';
import { readClientMessage } from '../protocol/read-client-message';

/** WebSocket close codes (RFC 6455 §7.4.1). */
const UNSUPPORTED_DATA = 1003;
const POLICY_VIOLATION = 1008;
const INTERNAL_ERROR = 1011;

/**
 * One console's WebSocket: client messages into the world, the world's messages out. One server
 * holds every console's world, so nothing a console sends may throw out of here: a bad message
 * closes that console's socket, never the process.
 */
export function attachConsole(world: World, socket: WebSocket): void {
  const send = (message: ServerMessage) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  };
  const endpointId = world.open(send, () => socket.terminate());
  let refused = false;
  const refuse = (code: number, reason: string) => {
    refused = true;
    socket.close(code, fitCloseReason(reason));
  };
  // ws reports a protocol error (a text frame that is not UTF-8, an oversized frame) as an
  // 'error' event, then closes the socket; an 'error' with no listener would crash the process.
  socket.on('error', () => world.close(endpointId));
  socket.on('message', (data, isBinary) => {
    if (refused) return;
    if (isBinary) return refuse(UNSUPPORTED_DATA, 'Messages must be JSON text frames.');
    let parsed: unknown;
    try {
      parsed = JSON.parse(String(data));
    } catch {
      return refuse(UNSUPPORTED_DATA, 'Messages must be JSON.');
    }
    const read = readClientMessage(parsed);
    if (!read.ok) return refuse(POLICY_VIOLATION, read.reason);
    try {
      world.receive(endpointId, read.message, send);
    } catch (error) {
      console.error('The emulator failed to handle a console message', error);
      refuse(INTERNAL_ERROR, 'The emulator failed to handle the message.');
    }
  });
  socket.on('close', () => world.close(endpointId));
}

/** A close frame's reason holds at most 123 bytes of UTF-8; ws throws on a longer one. */
function fitCloseReason(reason: string): string {
  let fitted = reason;
  while (Buffer.byteLength(fitted) > 123) fitted = fitted.slice(0, -1);
  return fitted;
}
