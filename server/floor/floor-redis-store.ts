import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { FloorAgent, FloorRequest, QueueStats, ServerMessage } from './floor-protocol';
import {
  CALL_TTL_MS,
  emptyStats,
  offline,
  type Closure,
  type FloorEvent,
  type FloorListener,
  type FloorStore,
  type Take,
  type Transition,
} from './floor-store';

const PREFIX = 'switchboard:floor:';
const AGENTS = `${PREFIX}agents`;
const CONNECTIONS = `${PREFIX}connections`;
const REQUESTS = `${PREFIX}requests`;
const EVENTS = `${PREFIX}events`;
const callKey = (key: string) => `${PREFIX}call:${key}`;
const queuesKey = (day: string) => `${PREFIX}queues:${day}`;
const statsKey = (day: string, queue: string) => `${PREFIX}queue:${day}:${queue}`;
const closedKey = (id: string) => `${PREFIX}request-closed:${id}`;
const TTL_S = CALL_TTL_MS / 1000;

/** Sets the agent's record only if `connection` last reported it: one step, whatever else runs. */
const SET_IF_CONNECTION = `
if redis.call('HGET', KEYS[2], ARGV[1]) == ARGV[2] then
  redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
  return 1
end
return 0`;

/** Each call's first-seen time: the earliest any instance offered (KEYS: call hashes; ARGV: ttl, times). */
const FIRST_SEEN = `
local out = {}
for i, key in ipairs(KEYS) do
  local at = tonumber(ARGV[i + 1])
  local first = tonumber(redis.call('HGET', key, 'firstSeenAt'))
  if not first or at < first then
    redis.call('HSET', key, 'firstSeenAt', ARGV[i + 1])
    first = at
  end
  redis.call('EXPIRE', key, ARGV[1])
  out[i] = first
end
return out`;

/**
 * One transition of a queued call, counted once (the rules of floor-store.ts's \`countOn\`).
 * KEYS: the call's hash, the day's queue hash, the day's set of queues. ARGV: kind, queue, at (ms),
 * agent id, threshold (ms), ttl. Answers the queue's counts, or nil when it was already counted.
 */
const COUNT = `
local call, stats = KEYS[1], KEYS[2]
local kind, queue, at = ARGV[1], ARGV[2], tonumber(ARGV[3])
local counted = {}
if kind == 'offered' then
  if redis.call('HSETNX', call, 'queue', queue) == 0 then return nil end
  counted = {{'offered', 1}}
elseif redis.call('HGET', call, 'queue') ~= queue then
  return nil
elseif kind == 'answered' or kind == 'abandoned' then
  if redis.call('HSETNX', call, 'outcome', kind) == 0 then return nil end
  counted = {{kind, 1}}
  if kind == 'answered' then
    redis.call('HSET', call, 'answeredBy', ARGV[4], 'answeredAt', ARGV[3])
    local first = tonumber(redis.call('HGET', call, 'firstSeenAt'))
    if first and at - first <= tonumber(ARGV[5]) then counted[2] = {'answeredWithinThreshold', 1} end
  end
else
  local outcome, by = redis.call('HGET', call, 'outcome'), redis.call('HGET', call, 'answeredBy')
  if outcome ~= 'answered' or by ~= ARGV[4] then return nil end
  if redis.call('HSETNX', call, 'handled', '1') == 0 then return nil end
  local seconds = math.floor((at - tonumber(redis.call('HGET', call, 'answeredAt'))) / 1000 + 0.5)
  counted = {{'handled', 1}, {'handleSeconds', seconds}}
end
for _, field in ipairs(counted) do redis.call('HINCRBY', stats, field[1], field[2]) end
redis.call('SADD', KEYS[3], queue)
for i = 1, 3 do redis.call('EXPIRE', KEYS[i], ARGV[6]) end
return redis.call('HGETALL', stats)`;

/**
 * Closes an open request once: KEYS: the open requests, the closure's key; ARGV: id, closure,
 * ttl, and the agent and call expected ('' for any). Answers {1, request}, {2} (not that agent's
 * call), or {0, closure or false}.
 */
const CLOSE_REQUEST = `
local request = redis.call('HGET', KEYS[1], ARGV[1])
if not request then return {0, redis.call('GET', KEYS[2])} end
if ARGV[4] ~= '' then
  local r = cjson.decode(request)
  if r.agent.id ~= ARGV[4] or r.call.key ~= ARGV[5] then return {2} end
end
redis.call('HDEL', KEYS[1], ARGV[1])
redis.call('SET', KEYS[2], ARGV[2], 'EX', ARGV[3])
return {1, request}`;

type Event = FloorEvent & { readonly from: string };

/** Redis's answer to HGETALL in a script: field, value, field, value... */
function statsFrom(queue: string, pairs: readonly string[]): QueueStats {
  const stats: Record<string, number | string> = { ...emptyStats(queue) };
  for (let i = 0; i + 1 < pairs.length; i += 2) stats[pairs[i]] = Number(pairs[i + 1]);
  return stats as unknown as QueueStats;
}

/**
 * Several instances: the floor in Redis (it outlives any instance), each change published on a
 * channel every instance subscribes to. An instance hears its own changes at once, not from the
 * channel.
 */
export class RedisFloorStore implements FloorStore {
  private readonly id = randomUUID();
  private listener: FloorListener | null = null;

  private constructor(
    private readonly redis: Redis,
    private readonly subscriber: Redis,
    private readonly log: (error: unknown) => void,
  ) {
    subscriber.on('message', (_channel: string, text: string) => this.hear(text));
  }

  static async connect(url: string, log: (error: unknown) => void): Promise<RedisFloorStore> {
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
    return new RedisFloorStore(redis, subscriber, log);
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
    await this.listener?.(event, true);
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
    if (set === 1) await this.publish({ kind: 'agent', agent });
  }

  async snapshot(): Promise<FloorAgent[]> {
    return Object.values(await this.redis.hgetall(AGENTS)).map((text) => JSON.parse(text) as FloorAgent);
  }

  async requests(): Promise<FloorRequest[]> {
    return Object.values(await this.redis.hgetall(REQUESTS)).map((text) => JSON.parse(text) as FloorRequest);
  }

  async queues(day: string): Promise<QueueStats[]> {
    const queues = await this.redis.smembers(queuesKey(day));
    const pipeline = this.redis.pipeline();
    for (const queue of queues) pipeline.hgetall(statsKey(day, queue));
    const results = (await pipeline.exec()) ?? [];
    return queues.map((queue, i) =>
      statsFrom(queue, Object.entries((results[i]?.[1] ?? {}) as Record<string, string>).flat()),
    );
  }

  async firstSeen(seen: readonly { key: string; at: number }[]): Promise<number[]> {
    if (seen.length === 0) return [];
    const keys = seen.map((s) => callKey(s.key));
    const times = seen.map((s) => String(s.at));
    return (await this.redis.eval(FIRST_SEEN, keys.length, ...keys, TTL_S, ...times)) as number[];
  }

  async count(t: Transition): Promise<QueueStats | null> {
    const pairs = (await this.redis.eval(
      COUNT,
      3,
      callKey(t.key),
      statsKey(t.day, t.queue),
      queuesKey(t.day),
      t.kind,
      t.queue,
      String(t.at),
      t.agentId ?? '',
      String(t.thresholdMs ?? 0),
      TTL_S,
    )) as string[] | null;
    if (!pairs) return null;
    const stats = statsFrom(t.queue, pairs);
    await this.publish({ kind: 'queue', day: t.day, stats });
    return stats;
  }

  async openRequest(request: FloorRequest): Promise<void> {
    const event: Event = { from: this.id, kind: 'requestOpened', request };
    await this.redis
      .multi()
      .hset(REQUESTS, request.id, JSON.stringify(request))
      .publish(EVENTS, JSON.stringify(event))
      .exec();
    await this.listener?.(event, true);
  }

  async closeRequest(
    id: string,
    closure: Closure,
    expect?: { agentId: string; callKey: string },
  ): Promise<Take> {
    const [result, text] = (await this.redis.eval(
      CLOSE_REQUEST,
      2,
      REQUESTS,
      closedKey(id),
      id,
      JSON.stringify(closure),
      TTL_S,
      expect?.agentId ?? '',
      expect?.callKey ?? '',
    )) as [number, string | null];
    if (result === 2) return { won: false, mismatch: true };
    if (result === 0) return { won: false, closed: text ? (JSON.parse(text) as Closure) : null };
    const request = JSON.parse(text as string) as FloorRequest;
    await this.publish({ kind: 'requestClosed', request, closure });
    return { won: true, request };
  }

  async deliver(userId: string, message: ServerMessage): Promise<void> {
    await this.publish({ kind: 'deliver', userId, message });
  }

  listen(listener: FloorListener): void {
    this.listener = listener;
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.subscriber.quit(), this.redis.quit()]);
  }

  private async publish(event: FloorEvent): Promise<void> {
    await this.redis.publish(EVENTS, JSON.stringify({ ...event, from: this.id }));
    await this.listener?.(event, true);
  }

  private hear(text: string): void {
    let event: Event;
    try {
      event = JSON.parse(text) as Event;
    } catch {
      return;
    }
    if (event.from === this.id || !this.listener) return;
    Promise.resolve(this.listener(event, false)).catch(this.log);
  }
}
