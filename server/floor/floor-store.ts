import type {
  FloorAgent,
  FloorPerson,
  FloorRequest,
  QueueStats,
  RequestOutcome,
  ServerMessage,
} from './floor-protocol';

/** What every instance hears, its own changes included. */
export type FloorEvent =
  | { readonly kind: 'agent'; readonly agent: FloorAgent }
  /** A message for every console of one user (a join, a mute), wherever it is connected. */
  | { readonly kind: 'deliver'; readonly userId: string; readonly message: ServerMessage }
  | { readonly kind: 'requestOpened'; readonly request: FloorRequest }
  | { readonly kind: 'requestClosed'; readonly request: FloorRequest; readonly closure: Closure }
  /** A queue's counts for `day` after a transition was counted. */
  | { readonly kind: 'queue'; readonly day: string; readonly stats: QueueStats };

/** `local`: the event is this instance's own (it may wait for what follows from it). */
export type FloorListener = (event: FloorEvent, local: boolean) => void | Promise<void>;

export interface Closure {
  readonly outcome: RequestOutcome;
  readonly by: FloorPerson | null;
}

/** Who closed a request: this caller (`won`), someone before it, or nobody the store remembers. */
export type Take =
  | { readonly won: true; readonly request: FloorRequest }
  | { readonly won: false; readonly closed: Closure | null }
  /** The request is open, but not for the agent and call the caller named. */
  | { readonly won: false; readonly mismatch: true };

/** A step in a queued call's life, counted once per call whichever instance sees it first. */
export interface Transition {
  readonly kind: 'offered' | 'answered' | 'abandoned' | 'handled';
  readonly key: string;
  readonly queue: string;
  /** The server's local date (`YYYY-MM-DD`) the transition counts for. */
  readonly day: string;
  /** When it happened (ms). */
  readonly at: number;
  /** `answered`: who answered; `handled`: whose console no longer has the call. */
  readonly agentId?: string;
  /** `answered`: the service level's threshold (ms). */
  readonly thresholdMs?: number;
}

/**
 * Where the floor lives. Each agent's record remembers the connection that last reported it, so
 * that a console that reconnected (here or on another instance) is not marked offline by the
 * connection it left behind. Every change is an event to every instance (`listen`).
 */
export interface FloorStore {
  /** Stores a report from `connection` and tells every instance. */
  put(agent: FloorAgent, connection: string): Promise<void>;
  /** Marks the agent offline, if `connection` is still the one that last reported it. */
  markOffline(agentId: string, connection: string, at: string): Promise<void>;
  snapshot(): Promise<FloorAgent[]>;
  /** The requests no supervisor has taken yet. */
  requests(): Promise<FloorRequest[]>;
  /** Every queue's counts for `day`. */
  queues(day: string): Promise<QueueStats[]>;
  /** Records when each call was seen; answers each one's first-seen time (ms), the earliest known. */
  firstSeen(seen: readonly { readonly key: string; readonly at: number }[]): Promise<number[]>;
  /** Counts a transition unless it already was (then `null`); the queue's new counts are an event. */
  count(transition: Transition): Promise<QueueStats | null>;
  openRequest(request: FloorRequest): Promise<void>;
  /**
   * Closes an open request, at most once whoever tries (take, expiry, cancel). With `expect`, only
   * if the request is that agent's for that call.
   */
  closeRequest(
    id: string,
    closure: Closure,
    expect?: { readonly agentId: string; readonly callKey: string },
  ): Promise<Take>;
  /** A message to every console of `userId`, on every instance. */
  deliver(userId: string, message: ServerMessage): Promise<void>;
  listen(listener: FloorListener): void;
  close(): Promise<void>;
}

export const offline = (record: FloorAgent, at: string): FloorAgent => ({
  ...record,
  state: 'offline',
  since: at,
  calls: [],
  updatedAt: at,
});

export const emptyStats = (queue: string): QueueStats => ({
  queue,
  offered: 0,
  answered: 0,
  abandoned: 0,
  answeredWithinThreshold: 0,
  handled: 0,
  handleSeconds: 0,
});

/** A queued call's ledger: what `count` decided so far. */
interface CallRecord {
  firstSeenAt: number;
  queue?: string;
  outcome?: 'answered' | 'abandoned';
  answeredBy?: string;
  answeredAt?: number;
  handled?: boolean;
  touchedAt: number;
}

/** How long a call's ledger is kept after its last change (Redis: the keys' expiry). */
export const CALL_TTL_MS = 2 * 24 * 3600_000;
/** Closed requests remembered, to tell a late `join` who took one. */
const CLOSED_KEPT = 1000;

/** One process: the floor in memory. */
export class MemoryFloorStore implements FloorStore {
  private readonly agents = new Map<string, { agent: FloorAgent; connection: string }>();
  private readonly calls = new Map<string, CallRecord>();
  private readonly stats = new Map<string, Map<string, QueueStats>>();
  private readonly open = new Map<string, FloorRequest>();
  private readonly closed = new Map<string, Closure>();
  private listener: FloorListener | null = null;
  private prunedAt = Number.NEGATIVE_INFINITY;

  async put(agent: FloorAgent, connection: string): Promise<void> {
    this.agents.set(agent.agent.id, { agent, connection });
    await this.emit({ kind: 'agent', agent });
  }

  async markOffline(agentId: string, connection: string, at: string): Promise<void> {
    const record = this.agents.get(agentId);
    if (record?.connection !== connection) return;
    await this.put(offline(record.agent, at), connection);
  }

  async snapshot(): Promise<FloorAgent[]> {
    return [...this.agents.values()].map((record) => record.agent);
  }

  async requests(): Promise<FloorRequest[]> {
    return [...this.open.values()];
  }

  async queues(day: string): Promise<QueueStats[]> {
    return [...(this.stats.get(day)?.values() ?? [])];
  }

  async firstSeen(seen: readonly { key: string; at: number }[]): Promise<number[]> {
    return seen.map(({ key, at }) => {
      this.forgetBefore(at - CALL_TTL_MS);
      const record = this.calls.get(key);
      if (!record) {
        this.calls.set(key, { firstSeenAt: at, touchedAt: at });
        return at;
      }
      record.firstSeenAt = Math.min(record.firstSeenAt, at);
      record.touchedAt = at;
      return record.firstSeenAt;
    });
  }

  async count(t: Transition): Promise<QueueStats | null> {
    const call = this.calls.get(t.key);
    if (!call) return null;
    const counted = countOn(call, t);
    if (!counted) return null;
    call.touchedAt = t.at;
    let day = this.stats.get(t.day);
    if (!day) {
      for (const old of [...this.stats.keys()].filter((d) => d < t.day)) this.stats.delete(old);
      this.stats.set(t.day, (day = new Map()));
    }
    const before = day.get(t.queue) ?? emptyStats(t.queue);
    const stats = { ...before };
    for (const [field, by] of counted) stats[field] += by;
    day.set(t.queue, stats);
    await this.emit({ kind: 'queue', day: t.day, stats });
    return stats;
  }

  async openRequest(request: FloorRequest): Promise<void> {
    this.open.set(request.id, request);
    await this.emit({ kind: 'requestOpened', request });
  }

  async closeRequest(
    id: string,
    closure: Closure,
    expect?: { agentId: string; callKey: string },
  ): Promise<Take> {
    const request = this.open.get(id);
    if (!request) return { won: false, closed: this.closed.get(id) ?? null };
    if (expect && (request.agent.id !== expect.agentId || request.call.key !== expect.callKey))
      return { won: false, mismatch: true };
    this.open.delete(id);
    this.closed.set(id, closure);
    if (this.closed.size > CLOSED_KEPT) this.closed.delete(this.closed.keys().next().value as string);
    await this.emit({ kind: 'requestClosed', request, closure });
    return { won: true, request };
  }

  async deliver(userId: string, message: ServerMessage): Promise<void> {
    await this.emit({ kind: 'deliver', userId, message });
  }

  listen(listener: FloorListener): void {
    this.listener = listener;
  }

  async close(): Promise<void> {}

  private async emit(event: FloorEvent): Promise<void> {
    await this.listener?.(event, true);
  }

  /** Forgets calls untouched for `CALL_TTL_MS`, looking at most once an hour. */
  private forgetBefore(time: number): void {
    if (time - this.prunedAt < 3600_000) return;
    this.prunedAt = time;
    for (const [key, record] of this.calls) if (record.touchedAt < time) this.calls.delete(key);
  }
}

type Counter = Exclude<keyof QueueStats, 'queue'>;

/**
 * The rules `RedisFloorStore`'s Lua script applies too: a call is offered once (to the queue it
 * came through); answered or abandoned, whichever comes first; handled once, by its answerer.
 */
function countOn(call: CallRecord, t: Transition): [Counter, number][] | null {
  if (t.kind === 'offered') {
    if (call.queue !== undefined) return null;
    call.queue = t.queue;
    return [['offered', 1]];
  }
  if (call.queue !== t.queue) return null;
  if (t.kind === 'answered' || t.kind === 'abandoned') {
    if (call.outcome) return null;
    call.outcome = t.kind;
    if (t.kind === 'abandoned') return [['abandoned', 1]];
    call.answeredBy = t.agentId;
    call.answeredAt = t.at;
    const within = t.at - call.firstSeenAt <= (t.thresholdMs ?? 0);
    return within
      ? [
          ['answered', 1],
          ['answeredWithinThreshold', 1],
        ]
      : [['answered', 1]];
  }
  if (call.outcome !== 'answered' || call.answeredBy !== t.agentId || call.handled) return null;
  call.handled = true;
  return [
    ['handled', 1],
    ['handleSeconds', Math.round((t.at - (call.answeredAt ?? t.at)) / 1000)],
  ];
}
