import type { WebSocket } from 'ws';
import type { World } from '../engine/world';
import type { ServerMessage } from '../protocol/messages';
import { readClientMessage } from '../protocol/read-client-message';

/** WebSocket close codes (RFC 6455 §7.4.1). */
const UNSUPPORTED_DATA = 1003;
const POLICY_VIOLATION = 1008;
const INTERNAL_ERROR = 1011;

/**
 * Close codes a client sends when it means to go (RFC 6455: 1000 normal, 1001 going away, 1005 a
 * close frame with no code): its endpoint ends at once. Any other end is a lost network.
 */
const CLIENT_CLOSES = new Set([1000, 1001, 1005]);

/** Pings missed in a row after which a console counts as gone. */
const MISSED_PONGS_TO_DROP = 2;

export interface ConsoleTimeouts {
  /** How often a console is pinged (WebSocket ping frames, answered by its browser). */
  readonly pingIntervalMs: number;
  /** How long a new socket has to say `hello`. */
  readonly helloTimeoutMs: number;
}

/**
 * One console's WebSocket: client messages into the world, the world's messages out. One server
 * holds every console's world, so nothing a console sends may throw out of here: a bad message
 * closes that console's socket, never the process. A socket is one user's: it says `hello` once,
 * within `helloTimeoutMs` (or resumes an endpoint instead, once), and a console that stops
 * answering pings is dropped as a lost network is. The world is told which end a socket had: the
 * client's own close frame ends its endpoint at once; anything else leaves it to be resumed.
 */
export function attachConsole(world: World, socket: WebSocket, timeouts: ConsoleTimeouts): void {
  const send = (message: ServerMessage) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  };
  const endpointId = world.open(send, () => socket.terminate());
  let refused = false;
  const refuse = (code: number, reason: string) => {
    if (refused) return;
    refused = true;
    socket.close(code, fitCloseReason(reason));
  };
  let saidHello = false;
  const helloDeadline = setTimeout(() => {
    if (!saidHello) refuse(POLICY_VIOLATION, `No hello within ${timeouts.helloTimeoutMs} ms of connecting.`);
  }, timeouts.helloTimeoutMs);
  let missedPongs = 0;
  socket.on('pong', () => (missedPongs = 0));
  const pinging = setInterval(() => {
    if (missedPongs < MISSED_PONGS_TO_DROP) {
      missedPongs++;
      socket.ping();
      return;
    }
    world.close(endpointId, 'lost');
    socket.terminate();
  }, timeouts.pingIntervalMs);
  // ws reports a protocol error (a text frame that is not UTF-8, an oversized frame) as an
  // 'error' event, then closes the socket; an 'error' with no listener would crash the process.
  socket.on('error', () => world.close(endpointId, 'lost'));
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
    const { message } = read;
    const op = message.type === 'request' ? message.operation.op : undefined;
    const isHello = op === 'hello' || op === 'resumeEndpoint';
    if (isHello && saidHello)
      return refuse(POLICY_VIOLATION, `${op}: this connection already said hello; sign in on a new one.`);
    if (isHello) saidHello = true;
    // A socket whose hello (or resume) failed can never sign in (a second one is refused): it closes.
    const reply = (result: ServerMessage) => {
      send(result);
      if (isHello && result.type === 'result' && result.error)
        refuse(POLICY_VIOLATION, `${op}: ${result.error.message}`);
    };
    try {
      world.receive(endpointId, message, reply);
    } catch (error) {
      console.error('The emulator failed to handle a console message', error);
      refuse(INTERNAL_ERROR, 'The emulator failed to handle the message.');
    }
  });
  socket.on('close', (code) => {
    clearTimeout(helloDeadline);
    clearInterval(pinging);
    world.close(endpointId, CLIENT_CLOSES.has(code) && !refused ? 'closed' : 'lost');
  });
}

/** A close frame's reason holds at most 123 bytes of UTF-8; ws throws on a longer one. */
function fitCloseReason(reason: string): string {
  let fitted = reason;
  while (Buffer.byteLength(fitted) > 123) fitted = fitted.slice(0, -1);
  return fitted;
}
