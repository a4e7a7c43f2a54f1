import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { FloorAgent, ServerMessage } from './floor-protocol';

export type JoinRequest = Extract<ServerMessage, { type: 'joinRequested' }>;

/** What every instance hears: an agent's new state, or a supervisor's request to join a call. */
export interface FloorListener {
  agent(agent: FloorAgent): void;
  join(agentId: string, request: JoinRequest): void;
}

/**
 * Where the floor lives. Each agent's record remembers the connection that last reported it, so
 * that a console that reconnected (here or on another instance) is not marked offline by the
 * connection it left behind.
 */
export interface FloorStore {
  /** Stores a report from `connection` and tells every instance. */
  put(agent: FloorAgent, connection: string): Promise<void>;
  /** Marks the agent offline, if `connection` is still the one that last reported it. */
  markOffline(agentId: string, connection: string, at: string): Promise<void>;
  snapshot(): Promise<FloorAgent[]>;
  /** Passes a supervisor's join request to the agent's consoles, on every instance. */
  requestJoin(agentId: string, request: JoinRequest): Promise<void>;
  listen(listener: FloorListener): void;
  close(): Promise<void>;
}

const offline = (record: FloorAgent, at: string): FloorAgent => ({
  ...record,
  state: 'offline',
  since: at,
  calls: [],
  updatedAt: at,
});

/** One process: the floor in memory. */
export class MemoryFloorStore implements FloorStore {
  private readonly agents = new Map<string, { agent: FloorAgent; connection: string }>();
  private listener: FloorListener | null = null;

  async put(agent: FloorAgent, connection: string): Promise<void> {
    this.agents.set(agent.agent.id, { agent, connection });
    this.listener?.agent(agent);
  }

  async markOffline(agentId: string, connection: string, at: string): Promise<void> {
    const record = this.agents.get(agentId);
    if (record?.connection !== connection) return;
    await this.put(offline(record.agent, at), connection);
  }

  async snapshot(): Promise<FloorAgent[]> {
    return [...this.agents.values()].map((record) => record.agent);
  }

  async requestJoin(agentId: string, request: JoinRequest): Promise<void> {
    this.listener?.join(agentId, request);
  }

  listen(listener: FloorListener): void {
    this.listener = listener;
  }

  async close(): Promise<void> {}
}

const PREFIX = 'switchboard:floor:';
const AGENTS = `${PREFIX}agents`;
const CONNECTIONS = `${PREFIX}connections`;
const EVENTS = `${PREFIX}events`;

/** Sets the agent's record only if `connection` last reported it: one step, whatever else runs. */
const SET_IF_CONNECTION = `
if redis.call('HGET', KEYS[2], ARGV[1]) == ARGV[2] then
  redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
  return 1
end
return 0`;

type Event =
  | { from: string; kind: 'agent'; agent: FloorAgent }
  | { from: string; kind: 'join'; agentId: string; request: JoinRequest };

/**
 * Several instances: the floor in a Redis hash (it outlives any instance), each change published
 * on a channel every instance subscribes to. An instance hears its own changes at once, not from
 * the channel.
 */
export class RedisFloorStore implements FloorStore {
  private readonly id = randomUUID();
  private listener: FloorListener | null = null;

  private constructor(
    private readonly redis: Redis,
    private readonly subscriber: Redis,
  ) {
    subscriber.on('message', (_channel: string, text: string) => this.hear(text));
  }

  static async connect(url: string): Promise<RedisFloorStore> {
    const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3 });
    const subscriber = redis.duplicate();
    try {
      await redis.connect();
      await subscriber.connect();
      await subscriber.subscribe(EVENTS);
    } catch (error) {
      redis.disconnect();
      subscriber.disconnect();
      throw new Error(`Redis at REDIS_URL could not be reached: ${String(error)}`, { cause: error });
    }
    return new RedisFloorStore(redis, subscriber);
  }

  async put(agent: FloorAgent, connection: string): Promise<void> {
    // The agent, who reported it, and the news to the other instances: one round trip.
    const event: Event = { from: this.id, kind: 'agent', agent };
    await this.redis
      .multi()
      .hset(AGENTS, agent.agent.id, JSON.stringify(agent))
      .hset(CONNECTIONS, agent.agent.id, connection)
      .publish(EVENTS, JSON.stringify(event))
      .exec();
    this.listener?.agent(agent);
  }

  async markOffline(agentId: string, connection: string, at: string): Promise<void> {
    const text = await this.redis.hget(AGENTS, agentId);
    if (!text) return;
    const agent = offline(JSON.parse(text) as FloorAgent, at);
    const set = await this.redis.eval(
      SET_IF_CONNECTION,
      2,
      AGENTS,
      CONNECTIONS,
      agentId,
      connection,
      JSON.stringify(agent),
    );
    if (set !== 1) return;
    await this.publish({ from: this.id, kind: 'agent', agent });
    this.listener?.agent(agent);
  }

  async snapshot(): Promise<FloorAgent[]> {
    return Object.values(await this.redis.hgetall(AGENTS)).map((text) => JSON.parse(text) as FloorAgent);
  }

  async requestJoin(agentId: string, request: JoinRequest): Promise<void> {
    await this.publish({ from: this.id, kind: 'join', agentId, request });
    this.listener?.join(agentId, request);
  }

  listen(listener: FloorListener): void {
    this.listener = listener;
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.subscriber.quit(), this.redis.quit()]);
  }

  private async publish(event: Event): Promise<void> {
    await this.redis.publish(EVENTS, JSON.stringify(event));
  }

  private hear(text: string): void {
    let event: Event;
    try {
      event = JSON.parse(text) as Event;
    } catch {
      return;
    }
    if (event.from === this.id) return;
    if (event.kind === 'agent') this.listener?.agent(event.agent);
    else if (event.kind === 'join') this.listener?.join(event.agentId, event.request);
  }
}
