import { randomUUID } from 'node:crypto';
import type { WebSocket } from 'ws';
import type { SignedInUser } from '../entra-token';
import type {
  FloorAgent,
  FloorCall,
  FloorPerson,
  FloorRole,
  QueueStats,
  ServerMessage,
} from './floor-protocol';
import type { FloorStore } from './floor-store';

/** Time, for the floor's timers: a test passes its own and moves it on by hand. */
export interface FloorClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const SYSTEM_CLOCK: FloorClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** One console's socket. */
export class Session {
  readonly connection = randomUUID();
  user: SignedInUser | null = null;
  role: FloorRole | null = null;
  closed = false;
  /** A supervisor's own last report said it is on a call: requests do not ring it. */
  onCall = false;
  /** An agent's calls this console was told the first-seen time of. */
  told = new Set<string>();
  /** Requests this supervisor declined: no later snapshot of this socket shows them. */
  readonly declined = new Set<string>();
  /** A supervisor's agents and queues changed since the last message. */
  readonly dirty = new Map<string, FloorAgent>();
  readonly dirtyQueues = new Map<string, QueueStats>();
  /** When this supervisor was last sent the floor; never before its snapshot. */
  lastSentAt = Number.NEGATIVE_INFINITY;
  flushTimer: unknown = null;
  helloTimer: unknown = null;
  expiryTimer: unknown = null;
  /** Messages are handled one after another, in the order they came. */
  queue: Promise<void> = Promise.resolve();

  constructor(readonly socket: WebSocket) {}

  get person(): FloorPerson {
    const user = this.user as SignedInUser;
    return { id: user.oid, displayName: user.displayName };
  }

  send(message: ServerMessage): void {
    if (!this.closed && this.socket.readyState === this.socket.OPEN)
      this.socket.send(JSON.stringify(message));
  }
}

/** What the floor's parts (requests, call statistics) need of the floor on this instance. */
export interface FloorContext {
  readonly store: FloorStore;
  readonly clock: FloorClock;
  /** An agent as this instance mirrors the floor (its snapshot, then every event). */
  agent(id: string): FloorAgent | undefined;
  agents(): Iterable<FloorAgent>;
  /** To every console of the user connected to this instance. */
  sendTo(userId: string, message: ServerMessage): void;
  /** The supervisors signed in on this instance, subscribed to the floor or not. */
  supervisors(): Iterable<Session>;
  /** Logs a failure of work no console waits for. */
  failed(what: string): (error: unknown) => void;
}

/** A call is on an agent's console until it is disconnecting. */
export const isLive = (call: FloorCall) => call.state !== 'Disconnecting' && call.state !== 'Disconnected';
export const isAnswered = (call: FloorCall) =>
  call.state === 'Connected' || call.state === 'LocalHold' || call.state === 'RemoteHold';

/** The agent's call of `key`, if its last report has it on the console. */
export const liveCall = (agent: FloorAgent | undefined, key: string) =>
  agent?.calls.find((call) => call.key === key && isLive(call));

/** The server's local date, `YYYY-MM-DD`: the day queue statistics count for. */
export function localDay(ms: number): string {
  const date = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A close reason is at most 123 bytes of UTF-8. */
export function reason(text: string): string {
  let cut = text;
  while (Buffer.byteLength(cut) > 123) cut = cut.slice(0, -1);
  return cut;
}
