import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import type { CallerInfo, TeamsCallAgent, TeamsIncomingCall } from '@azure/communication-calling';
import { getIdentifierRawId } from '@azure/communication-common';
import type { FastifyInstance } from 'fastify';
import { configure } from '../../emulator/client';
import { createInMemoryEmulator, type InMemoryEmulator } from '../../emulator/testing/in-memory';
import { signedInConsoles } from '../../emulator/testing/signed-in-consoles';
import type { FloorClient } from '../testing/floor-client';
import { startFloorInstance, type FloorInstance } from '../testing/floor-instance';
import { findRedisServer, REDIS_MISSING, startRedis, type RunningRedis } from '../testing/redis-server';
import { startTestTenant, testEnvironment } from '../testing/test-tenant';
import type { AgentState, FloorAgent, FloorCall } from './floor-protocol';

const UNREACHED_ACS = `endpoint=http://127.0.0.1:9/;accesskey=${Buffer.from('unused').toString('base64')}`;
const AGENTS = ['alex', 'blake', 'casey', 'agent0001'] as const;
type AgentKey = (typeof AGENTS)[number];
/** Callers who neither hang up nor give up unless a step says so. */
const AN_HOUR = 3600_000;

/** What the floor and the world are compared on: each agent's state and calls, by call key. */
type SeenCall = Omit<FloorCall, 'since'>;
type Seen = { state: AgentState; calls: SeenCall[] };
const seen = (state: AgentState, calls: readonly SeenCall[]): Seen => ({
  state,
  calls: [...calls]
    .map(({ key, caller, queue, state, onHold, participants }) => ({
      key,
      caller,
      queue,
      state,
      onHold,
      participants: [...participants],
    }))
    .sort((a, b) => a.key.localeCompare(b.key)),
});

const callerOf = (info: CallerInfo): FloorCall['caller'] => {
  const identifier = info.identifier;
  return {
    displayName: info.displayName || null,
    phoneNumber: identifier?.kind === 'phoneNumber' ? identifier.phoneNumber : null,
    rawId: identifier ? getIdentifierRawId(identifier) : 'unknown',
  };
};

/**
 * An agent's console as far as the floor goes: it reads the agent's SDK objects (its calls, the
 * calls ringing it) into a report, as the console's floor reporter does, and sends it to whichever
 * instance it is connected to. `since` is when the state (of the agent, of each call) last changed
 * on the world's clock.
 */
class Reporter {
  client: FloorClient | null = null;
  private since = new Map<string, { state: string; at: string }>();

  constructor(
    private readonly agent: TeamsCallAgent,
    private readonly rung: readonly TeamsIncomingCall[],
    private readonly token: string,
    private readonly emulator: InMemoryEmulator,
  ) {}

  async connect(instance: FloorInstance): Promise<void> {
    this.client = await instance.open();
    await this.client.hello(this.token);
  }

  /** The calls ringing the agent now, oldest first. */
  ringing(): TeamsIncomingCall[] {
    return this.rung.filter((incoming) => !incoming.callEndReason);
  }

  async report(): Promise<void> {
    const calls: FloorCall[] = [];
    for (const call of this.agent.calls.filter((c) => c.state !== 'Disconnected')) {
      const key = await call.info.getServerCallId();
      calls.push({
        key,
        caller: callerOf(call.callerInfo),
        queue: call.transferorInfo?.displayName || null,
        state: call.state,
        since: this.changedAt(key, call.state),
        onHold: call.state === 'LocalHold',
        participants: call.remoteParticipants.map((p) => p.displayName ?? ''),
      });
    }
    for (const incoming of this.ringing()) {
      const key = await incoming.info.getServerCallId();
      if (calls.some((c) => c.key === key)) continue;
      calls.push({
        key,
        caller: callerOf(incoming.callerInfo),
        queue: incoming.transferorInfo?.displayName || null,
        state: 'Ringing',
        since: this.changedAt(key, 'Ringing'),
        onHold: false,
        participants: [],
      });
    }
    const state = calls.some((c) => c.state !== 'Ringing') ? 'onCall' : 'available';
    const client = this.client as FloorClient;
    client.send({ type: 'report', state, since: this.changedAt('agent', state), calls });
    await client.settle();
  }

  private changedAt(what: string, state: string): string {
    const last = this.since.get(what);
    if (last?.state === state) return last.at;
    const at = new Date(this.emulator.clock.now()).toISOString();
    this.since.set(what, { state, at });
    return at;
  }
}

/**
 * The floor matches the world: an in-memory emulator world with four agents and its call queues,
 * phone callers arriving, agents answering, holding and hanging up; each agent's console reporting
 * to one of two server/ instances sharing the floor through a real redis-server; a supervisor
 * watching. After each step, the supervisor's floor says what the world says.
 */
describe('the floor matches the world', () => {
  let redis: RunningRedis | null = null;
  let tenant: Awaited<ReturnType<typeof startTestTenant>>;
  let environment: Record<string, string>;
  const running: FastifyInstance[] = [];

  const instance = async (): Promise<FloorInstance> => {
    const started = await startFloorInstance(environment);
    running.push(started.app);
    return started;
  };

  before(async () => {
    if (!findRedisServer()) return;
    redis = await startRedis();
    tenant = await startTestTenant();
    environment = testEnvironment(tenant, UNREACHED_ACS, { REDIS_URL: redis.url });
  });
  after(async () => {
    await Promise.all(running.map((app) => app.close()));
    await tenant?.close();
    await redis?.stop();
  });

  it('shows each agent’s state and calls as the world has them, through a restart', async () => {
    assert.ok(redis, REDIS_MISSING);
    const emulator = createInMemoryEmulator({ seed: 7, generatedUsers: { agents: 1 } });
    configure({ transport: emulator.transport });
    const { world } = emulator;
    const consoles = signedInConsoles(emulator);
    const user = (key: string) => world.directory.user(key)!;
    const tokenOf = (key: string, role: string) =>
      tenant.mint({ oid: user(key).microsoftTeamsUserId, name: user(key).displayName, roles: [role] });

    const a = await instance();
    let b = await instance();
    const reporters = {} as Record<AgentKey, Reporter>;
    for (const [i, key] of AGENTS.entries()) {
      const { agent, ringing } = await consoles.signIn(key);
      reporters[key] = new Reporter(agent, ringing, await tokenOf(key, 'Agent'), emulator);
      await reporters[key].connect(i < 2 ? a : b);
    }
    const supervisor = await a.open();
    await supervisor.hello(await tokenOf('sam', 'Supervisor'));
    supervisor.send({ type: 'subscribe' });
    const floor = new Map<string, FloorAgent>();
    (await supervisor.expect('snapshot')).agents.forEach((x) => floor.set(x.agent.id, x));

    /** The queue each placed call came through: the world's calls do not say once answered. */
    const queueOf = new Map<string, string>();
    const place = (queue: string, options: { patienceMs?: number; talkMs?: number } = {}) => {
      const id = world.enqueuePhoneCall({ queue, patienceMs: AN_HOUR, talkMs: AN_HOUR, ...options });
      queueOf.set(id, queue);
      return id;
    };

    /** Each agent as the world has it: the queued calls ringing them, and their legs in calls. */
    const worldSays = (): Record<string, Seen> => {
      const now = world.snapshot();
      const byAgent: Record<string, Seen> = {};
      for (const key of AGENTS) {
        const ringing: SeenCall[] = now.queue
          .filter((waiting) => waiting.ringing.includes(key))
          .map((waiting) => ({
            key: waiting.id,
            caller: callerOf(waiting.caller),
            queue: waiting.queue,
            state: 'Ringing',
            onHold: false,
            participants: [],
          }));
        const legs: SeenCall[] = now.calls.flatMap((call) => {
          const own = call.parties.find((party) => party.leg?.userKey === key);
          if (!own?.leg || own.leg.state === 'Disconnected') return [];
          const others = call.parties.filter((party) => party !== own && party.state !== 'Disconnected');
          const phone = call.parties.find((party) => party.kind === 'phone');
          return {
            key: call.id,
            caller: {
              displayName: phone?.displayName ?? null,
              phoneNumber: phone?.id.slice(2) ?? null,
              rawId: phone?.id ?? 'unknown',
            },
            queue: queueOf.get(call.id) ?? null,
            state: own.leg.state,
            onHold: own.leg.state === 'LocalHold',
            participants: others.map((party) => party.displayName ?? ''),
          };
        });
        byAgent[key] = seen(legs.length > 0 ? 'onCall' : 'available', [...ringing, ...legs]);
      }
      return byAgent;
    };
    const floorSays = (view: Map<string, FloorAgent>) =>
      Object.fromEntries(
        AGENTS.map((key) => {
          const agent = view.get(user(key).microsoftTeamsUserId);
          return [key, agent ? seen(agent.state, agent.calls) : undefined];
        }),
      );

    /** Reads the supervisor's updates until its floor is the world's; a diff if it never gets there. */
    const floorMatchesWorld = async (watcher = supervisor, view = floor) => {
      const expected = worldSays();
      while (!isDeepStrictEqual(floorSays(view), expected)) {
        const message = await watcher.next().catch(() => null);
        if (!message) return assert.deepEqual(floorSays(view), expected);
        if (message.type === 'snapshot' || message.type === 'update')
          message.agents.forEach((x) => view.set(x.agent.id, x));
      }
    };
    /** The world settles, every console reports what its SDK objects say, the floor catches up. */
    const step = async () => {
      await emulator.settle();
      for (const key of AGENTS) await reporters[key].report();
      await floorMatchesWorld();
      // One call, one first-seen time: every agent it rings or connects shows the same wait.
      const firstSeen = new Map<string, Set<string | undefined>>();
      for (const call of [...floor.values()].flatMap((agent) => agent.calls))
        firstSeen.set(call.key, (firstSeen.get(call.key) ?? new Set()).add(call.firstSeenAt));
      for (const [key, times] of firstSeen) assert.equal(times.size, 1, `${key} first seen at ${[...times]}`);
      return worldSays();
    };

    let now = await step();
    assert.deepEqual(
      AGENTS.map((key) => now[key]?.state),
      ['available', 'available', 'available', 'available'],
    );

    // A caller rings every agent: one call on the floor, the same key on all four.
    const first = place('Billing');
    now = await step();
    assert.deepEqual(
      AGENTS.map((key) => now[key]?.calls.map((c) => [c.key, c.state])),
      AGENTS.map(() => [[first, 'Ringing']]),
    );

    // Alex answers; it stops ringing everywhere else.
    const alexCall = await reporters.alex.ringing()[0]!.accept();
    now = await step();
    assert.equal(now['alex']?.state, 'onCall');
    assert.deepEqual(now['blake']?.calls, []);

    // A second caller rings everyone, Alex too; Alex holds the first call, Blake answers.
    const second = place('Sales', { talkMs: 90_000 });
    now = await step();
    assert.deepEqual(now['alex']?.calls.map((c) => c.key).sort(), [first, second].sort());
    await alexCall.hold();
    await emulator.settle();
    await reporters.blake.ringing()[0]!.accept();
    now = await step();
    assert.deepEqual(
      now['alex']?.calls.map((c) => [c.key, c.state, c.onHold]),
      [[first, 'LocalHold', true]],
    );

    // Instance B restarts: its consoles lose their socket; the floor keeps what they reported.
    const onB = [reporters.casey, reporters.agent0001];
    await running.splice(running.indexOf(b.app), 1)[0]!.close();
    for (const reporter of onB) assert.equal((await reporter.client!.closed).code, 1001);
    await floorMatchesWorld();
    // Before they reconnect, a supervisor on the new instance has their reports in its snapshot.
    b = await instance();
    const watcherOnB = await b.open();
    await watcherOnB.hello(await tokenOf('sam', 'Supervisor'));
    watcherOnB.send({ type: 'subscribe' });
    const viewOnB = new Map<string, FloorAgent>();
    (await watcherOnB.expect('snapshot')).agents.forEach((x) => viewOnB.set(x.agent.id, x));
    assert.deepEqual(floorSays(viewOnB), worldSays());
    // One console comes back to the new instance, the other to A; a caller rings them all.
    await reporters.casey.connect(b);
    await reporters.agent0001.connect(a);
    const third = place('Technical support');
    now = await step();
    assert.deepEqual(
      now['casey']?.calls.map((c) => c.key),
      [third],
    );

    // Casey, reconnected, answers; Alex hangs the held call up; Blake's caller talks 90 s and goes.
    await reporters.casey.ringing()[0]!.accept();
    await alexCall.hangUp();
    await emulator.advance(90_000);
    now = await step();
    assert.deepEqual(
      AGENTS.map((key) => now[key]?.state),
      ['available', 'available', 'onCall', 'available'],
    );

    // A caller who gives up stops ringing everywhere.
    place('Billing', { patienceMs: 30_000 });
    now = await step();
    assert.equal(now['agent0001']?.calls.length, 1);
    await emulator.advance(30_000);
    now = await step();
    assert.deepEqual(
      AGENTS.map((key) => now[key]?.calls.length),
      [0, 0, 1, 0],
    );
    await floorMatchesWorld(watcherOnB, viewOnB);

    await Promise.all(
      [supervisor, watcherOnB, ...AGENTS.map((key) => reporters[key].client!)].map((c) => c.close()),
    );
    await consoles.finish();
  });
});
