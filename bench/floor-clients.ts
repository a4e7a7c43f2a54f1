// The consoles of bench/floor.ts, over plain sockets (`ws`), as light as they can be so that the
// bench measures the server: agents that report once an interval, supervisors that count what
// arrives. Each report's `since` (the agent's and its call's) is the time it was sent, which the
// server passes through untouched: a supervisor reads in an update when the report left.
import { WebSocket } from 'ws';
import type { ClientMessage, FloorAgent, ServerMessage } from '../server/floor/floor-protocol';

type Report = Extract<ClientMessage, { type: 'report' }>;

const QUEUES = ['Billing', 'Technical support', 'Sales'];

/** How many reports a call lasts: a new call every 10 s per agent (100 a second at 1,000 agents). */
const CALL_REPORTS = 10;

/**
 * Agent `index`'s `tick`th report: available for one report, then on a call for the next nine,
 * holding and resuming it each second; each call a new key, with the caller and two colleagues.
 */
export function benchReport(index: number, tick: number, sentAt: number): Report {
  const since = new Date(sentAt).toISOString();
  const phase = tick % CALL_REPORTS;
  if (phase === 0) return { type: 'report', state: 'available', since, calls: [] };
  const phoneNumber = `+1425555${String(index % 10_000).padStart(4, '0')}`;
  return {
    type: 'report',
    state: 'onCall',
    since,
    calls: [
      {
        key: `bench-${index}-${Math.floor(tick / CALL_REPORTS)}`,
        caller: { displayName: `Caller ${index}`, phoneNumber, rawId: `4:${phoneNumber}` },
        queue: QUEUES[index % QUEUES.length] ?? null,
        state: phase % 2 === 1 ? 'Connected' : 'LocalHold',
        since,
        onHold: phase % 2 === 0,
        participants: [`Caller ${index}`, 'Riley Brooks', 'Jordan Diaz'],
      },
    ],
  };
}

/** How long a socket may take to open, and then to be welcomed. */
const TIMEOUT_MS = 15_000;

/** A socket on the floor, welcomed, and whom the floor welcomed (the Entra object id). */
export interface SignedIn {
  readonly socket: WebSocket;
  readonly userId: string;
}

/**
 * A socket on the floor, signed in: resolves once `welcome` came, rejects on anything else. Once
 * signed in, `lost` hears of its closing (with the code and reason) and of any error.
 */
export async function signedInSocket(
  url: string,
  origin: string,
  token: string,
  lost: (what: string) => void,
): Promise<SignedIn> {
  // A socket that hangs (a SYN dropped from a full accept queue when hundreds reconnect at once)
  // fails the attempt instead of holding the run: the console's backoff tries again.
  const socket = new WebSocket(url, { origin, perMessageDeflate: false, handshakeTimeout: TIMEOUT_MS });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('unexpected-response', (_request, response) =>
      reject(new Error(`the floor refused the socket: HTTP ${response.statusCode}`)),
    );
    socket.once('error', reject);
  });
  socket.send(JSON.stringify({ type: 'hello', token }));
  const userId = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.terminate();
      reject(new Error(`no welcome within ${TIMEOUT_MS / 1000} s`));
    }, TIMEOUT_MS);
    socket.once('message', (data) => {
      clearTimeout(timer);
      const message = JSON.parse(data.toString()) as ServerMessage;
      if (message.type === 'welcome') resolve(message.user.id);
      else reject(new Error(`expected welcome, got ${message.type}`));
    });
    socket.once('close', (code, reason) => {
      clearTimeout(timer);
      reject(new Error(`closed at hello: ${code} ${reason.toString()}`));
    });
  });
  socket.removeAllListeners('close');
  socket.removeAllListeners('error');
  socket.on('close', (code, reason) => lost(`closed ${code} ${reason.toString()}`));
  socket.on('error', (error) => lost(error.message));
  return { socket, userId };
}

/** The measuring window: samples count for reports sent in it, messages for those received in it. */
export interface Window {
  start: number;
  end: number;
}

/** What one supervisor heard of one agent. */
export interface Heard {
  /** The newest report's `since` (epoch ms) the supervisor heard of, in an update or a snapshot. */
  lastSince: number;
  /** When it heard of the agent last (epoch ms). */
  heardAt: number;
  /** Reports sent in the window that it heard of. */
  inWindow: number;
}

/**
 * One supervisor's console: subscribes, then counts each update and when each report left. On a
 * new socket (`attach`, after its instance went) it subscribes again, as the console does on each
 * welcome, and takes the snapshot for what it missed.
 */
export class BenchSupervisor {
  /** Milliseconds from a report's sending to its update's arrival, for reports sent in the window. */
  readonly latencies: number[] = [];
  /** Updates received in the window. */
  updatesInWindow = 0;
  /** Every agent this supervisor heard of in an update, by id. */
  readonly agentsUpdated = new Set<string>();
  /** What it heard of each agent, by id. */
  readonly heard = new Map<string, Heard>();
  readonly subscribed: Promise<void>;
  private snapshotReceived!: () => void;

  constructor(
    public socket: WebSocket,
    private readonly window: Window,
  ) {
    this.subscribed = this.attach(socket);
  }

  /** Listens on `socket` and subscribes: resolves when the snapshot has come. */
  attach(socket: WebSocket): Promise<void> {
    this.socket = socket;
    const snapshot = new Promise<void>((resolve, reject) => {
      this.snapshotReceived = resolve;
      socket.once('close', () => reject(new Error('the socket closed before the snapshot')));
    });
    socket.on('message', (data) => this.receive(data.toString()));
    socket.send(JSON.stringify({ type: 'subscribe' }));
    return snapshot;
  }

  private receive(text: string): void {
    const now = Date.now();
    const message = JSON.parse(text) as ServerMessage;
    if (message.type === 'snapshot') {
      for (const agent of message.agents) this.hear(agent, now, false);
      return this.snapshotReceived();
    }
    if (message.type !== 'update') return;
    if (now >= this.window.start && now < this.window.end) this.updatesInWindow++;
    for (const agent of message.agents) {
      this.agentsUpdated.add(agent.agent.id);
      this.hear(agent, now, true);
    }
  }

  private hear(agent: FloorAgent, now: number, inUpdate: boolean): void {
    const sentAt = Date.parse(agent.since);
    const heard = this.heard.get(agent.agent.id) ?? { lastSince: NaN, heardAt: now, inWindow: 0 };
    this.heard.set(agent.agent.id, heard);
    heard.heardAt = now;
    // An agent comes whole in each update that names it: a report is counted once, when new.
    if (heard.lastSince === sentAt) return;
    heard.lastSince = sentAt;
    if (sentAt < this.window.start || sentAt >= this.window.end) return;
    heard.inWindow++;
    // A snapshot's agents are what was missed while away, not a report's way through the floor.
    if (inUpdate) this.latencies.push(now - sentAt);
  }
}

/**
 * One agent's console: reports every `intervalMs`, from `offsetMs` on, until stopped. While its
 * socket is gone it sends nothing (the console's connection holds no queue); on a new socket
 * (`attach`) it reports at once, as the console reports its state on each welcome.
 */
export class BenchAgent {
  /** Reports sent in the window, by `since` (epoch ms). */
  readonly sentInWindow: number[] = [];
  /** The `since` of the last report sent: the agent's state as it stands. */
  lastSent = NaN;
  /** Agents start at different points of the cycle: new calls arrive evenly, not all at once. */
  private tick: number;
  private timer: ReturnType<typeof setInterval> | null = null;
  private starter: ReturnType<typeof setTimeout> | null = null;

  constructor(
    public socket: WebSocket,
    private readonly index: number,
    private readonly window: Window,
  ) {
    this.tick = index;
  }

  start(intervalMs: number, offsetMs: number): void {
    this.starter = setTimeout(() => {
      this.report();
      this.timer = setInterval(() => this.report(), intervalMs);
    }, offsetMs);
  }

  stop(): void {
    if (this.starter) clearTimeout(this.starter);
    if (this.timer) clearInterval(this.timer);
  }

  attach(socket: WebSocket): void {
    this.socket = socket;
    this.report();
  }

  private report(): void {
    // A socket whose instance was killed reads open until its close arrives: what it takes then is
    // lost with it, as in the browser, and counts as sent. One known closed takes nothing.
    if (this.socket.readyState !== WebSocket.OPEN) return;
    const now = Date.now();
    if (now >= this.window.start && now < this.window.end) this.sentInWindow.push(now);
    this.lastSent = now;
    this.socket.send(JSON.stringify(benchReport(this.index, this.tick++, now)));
  }
}

/** Runs `open` over `items`, `concurrency` at a time: a thousand sockets do not all knock at once. */
export async function inBatches<T, R>(
  items: readonly T[],
  concurrency: number,
  open: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += concurrency) {
    const batch = items.slice(i, i + concurrency);
    results.push(...(await Promise.all(batch.map((item, j) => open(item, i + j)))));
  }
  return results;
}
