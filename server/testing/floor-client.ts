import { WebSocket } from 'ws';
import type { ServerMessage } from '../floor/floor-protocol';

export interface Closed {
  readonly code: number;
  readonly reason: string;
}

/** How long a test waits for a frame before failing: real socket I/O only, never the floor's clock. */
const WAIT_MS = 5000;

/**
 * A console on the floor, over a real socket: frames queue until a test takes them, in order;
 * `settle` round-trips a ping so that everything the server sent before it has arrived.
 */
export class FloorClient {
  private readonly queue: ServerMessage[] = [];
  private waiter: (() => void) | null = null;
  readonly closed: Promise<Closed>;
  private closedWith: Closed | null = null;

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => {
      this.queue.push(JSON.parse(data.toString()) as ServerMessage);
      this.waiter?.();
    });
    this.closed = new Promise((resolve) =>
      socket.on('close', (code, reason) => {
        this.closedWith = { code, reason: reason.toString() };
        resolve(this.closedWith);
        this.waiter?.();
      }),
    );
  }

  /** Opens the socket with the console's `Origin`; rejects with the HTTP status of a refusal. */
  static open(url: string, origin?: string): Promise<FloorClient> {
    const socket = new WebSocket(url, origin ? { origin } : {});
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve(new FloorClient(socket)));
      socket.once('unexpected-response', (_request, response) => {
        reject(Object.assign(new Error(`HTTP ${response.statusCode}`), { status: response.statusCode }));
        socket.terminate();
      });
      socket.once('error', reject);
    });
  }

  send(message: unknown): void {
    this.socket.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /** The next frame; rejects if the socket closes first, or none comes within 5 s. */
  async next(): Promise<ServerMessage> {
    const deadline = Date.now() + WAIT_MS;
    while (this.queue.length === 0) {
      if (this.closedWith) throw new Error(`closed (${this.closedWith.code} ${this.closedWith.reason})`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error('no frame within 5 s');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiter = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.waiter = null;
    }
    return this.queue.shift() as ServerMessage;
  }

  /** The next frame, which must be of `type`. */
  async expect<T extends ServerMessage['type']>(type: T): Promise<Extract<ServerMessage, { type: T }>> {
    const message = await this.next();
    if (message.type !== type) throw new Error(`expected ${type}, got ${JSON.stringify(message)}`);
    return message as Extract<ServerMessage, { type: T }>;
  }

  /** Every frame the server sent before answering a ping (the server handles frames in order). */
  async settle(): Promise<ServerMessage[]> {
    this.send({ type: 'ping' });
    const before: ServerMessage[] = [];
    for (let message = await this.next(); message.type !== 'pong'; message = await this.next()) {
      before.push(message);
    }
    return before;
  }

  /** Sends hello and returns the welcome. */
  async hello(token: string) {
    this.send({ type: 'hello', token });
    return this.expect('welcome');
  }

  close(): Promise<Closed> {
    this.socket.close();
    return this.closed;
  }
}
