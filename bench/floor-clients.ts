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

/**
 * A socket on the floor, signed in: resolves once `welcome` came, rejects on anything else. Once
 * signed in, `lost` hears of its closing (with the code and reason) and of any error.
 */
export async function signedInSocket(
  url: string,
  origin: string,
  token: string,
  lost: (what: string) => void,
): Promise<WebSocket> {
  const socket = new WebSocket(url, { origin, perMessageDeflate: false });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('unexpected-response', (_request, response) =>
      reject(new Error(`the floor refused the socket: HTTP ${response.statusCode}`)),
    );
    socket.once('error', reject);
  });
  socket.send(JSON.stringify({ type: 'hello', token }));
  await new Promise<void>((resolve, reject) => {
    socket.once('message', (data) => {
      const message = JSON.parse(data.toString()) as ServerMessage;
      if (message.type === 'welcome') resolve();
      else reject(new Error(`expected welcome, got ${message.type}`));
    });
    socket.once('close', (code, reason) =>
      reject(new Error(`closed at hello: ${code} ${reason.toString()}`)),
    );
  });
  socket.removeAllListeners('close');
  socket.removeAllListeners('error');
  socket.on('close', (code, reason) => lost(`closed ${code} ${reason.toString()}`));
  socket.on('error', (error) => lost(error.message));
  return socket;
}

/** The measuring window: samples count for reports sent in it, messages for those received in it. */
export interface Window {
  start: number;
  end: number;
}

/** One supervisor's console: subscribes, then counts each update and when each report left. */
export class BenchSupervisor {
  /** Milliseconds from a report's sending to its update's arrival, for reports sent in the window. */
  readonly latencies: number[] = [];
  /** Updates received in the window. */
  updatesInWindow = 0;
  /** Every agent this supervisor heard of in an update, by id. */
  readonly agentsUpdated = new Set<string>();
  private readonly lastSince = new Map<string, string>();
  private snapshotReceived!: () => void;
  readonly subscribed = new Promise<void>((resolve) => (this.snapshotReceived = resolve));

  constructor(
    readonly socket: WebSocket,
    private readonly window: Window,
  ) {
    socket.on('message', (data) => this.receive(data.toString()));
    socket.send(JSON.stringify({ type: 'subscribe' }));
  }

  private receive(text: string): void {
    const now = Date.now();
    const message = JSON.parse(text) as ServerMessage;
    if (message.type === 'snapshot') return this.snapshotReceived();
    if (message.type !== 'update') return;
    if (now >= this.window.start && now < this.window.end) this.updatesInWindow++;
    for (const agent of message.agents) this.heard(agent, now);
  }

  private heard(agent: FloorAgent, now: number): void {
    this.agentsUpdated.add(agent.agent.id);
    // An agent comes whole in each update that names it: a report is counted once, when new.
    if (this.lastSince.get(agent.agent.id) === agent.since) return;
    this.lastSince.set(agent.agent.id, agent.since);
    const sentAt = Date.parse(agent.since);
    if (sentAt >= this.window.start && sentAt < this.window.end) this.latencies.push(now - sentAt);
  }
}

/** One agent's console: reports every `intervalMs`, from `offsetMs` on, until stopped. */
export class BenchAgent {
  /** Reports sent in the window. */
  sentInWindow = 0;
  /** Agents start at different points of the cycle: new calls arrive evenly, not all at once. */
  private tick: number;
  private timer: ReturnType<typeof setInterval> | null = null;
  private starter: ReturnType<typeof setTimeout> | null = null;

  constructor(
    readonly socket: WebSocket,
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

  private report(): void {
    const now = Date.now();
    if (now >= this.window.start && now < this.window.end) this.sentInWindow++;
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
