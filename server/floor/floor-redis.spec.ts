import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { startEmulator, type RunningEmulator } from '../../emulator/server/emulator-server';
import { tokensFor } from '../../emulator/testing/entra-sign-in';
import { buildServer } from '../app';
import { readServerConfig } from '../config';
import { FakeClock } from '../testing/fake-clock';
import { FloorClient } from '../testing/floor-client';
import { findRedisServer, REDIS_MISSING, startRedis, type RunningRedis } from '../testing/redis-server';
import { floorCall } from '../testing/floor-server';
import { ABANDON_GRACE_MS } from './floor-calls';
import {
  BATCH_INTERVAL_MS,
  REQUEST_TIMEOUT_MS,
  type FloorAgent,
  type FloorCall,
  type ServerMessage,
} from './floor-protocol';
import { emptyStats } from './floor-store';
import { serverEnvironment } from '../../emulator/testing/server-environment';

interface Instance {
  readonly app: FastifyInstance;
  open(): Promise<FloorClient>;
}

/**
 * Two server/ instances sharing the floor through a real redis-server, the emulator their Entra
 * ID. Without redis-server these tests fail, saying how to get one: they never pass unrun.
 */
describe('the floor shared through Redis by two instances', () => {
  let redis: RunningRedis | null = null;
  let emulator: RunningEmulator;
  let environment: Record<string, string>;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const running: FastifyInstance[] = [];

  /** An instance; with `clock`, its floor's timers run on it (and so do the other's given it). */
  const instance = async (clock?: FakeClock): Promise<Instance> => {
    const app = await buildServer(readServerConfig(environment), clock ? { floorClock: clock } : {});
    running.push(app);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    return {
      app,
      open: () => FloorClient.open(`ws://127.0.0.1:${port}/api/floor`, `http://127.0.0.1:${port}`),
    };
  };
  const stop = async (instance: Instance) => {
    await instance.app.close();
    running.splice(running.indexOf(instance.app), 1);
  };
  const signedIn = async (on: Instance, user: string) => {
    const client = await on.open();
    ids[user] = (await client.hello(tokens[user])).user.id;
    return client;
  };
  const report = (client: FloorClient, state: FloorAgent['state'], calls: readonly FloorCall[] = []) => {
    client.send({ type: 'report', state, since: new Date().toISOString(), calls });
    return client.settle();
  };
  /** The next frame of `type`, past the floor's updates (which come on the real clock here). */
  const next = async <T extends ServerMessage['type']>(client: FloorClient, type: T) => {
    for (;;) {
      const message = await client.next();
      if (message.type === type) return message as Extract<ServerMessage, { type: T }>;
      if (message.type !== 'update') throw new Error(`expected ${type}, got ${JSON.stringify(message)}`);
    }
  };
  const subscribed = async (on: Instance, user: string) => {
    const client = await signedIn(on, user);
    client.send({ type: 'subscribe' });
    return { client, snapshot: await client.expect('snapshot') };
  };
  /** Reads a supervisor's updates until the agents named are in the states given. */
  const until = async (supervisor: FloorClient, want: Record<string, FloorAgent['state']>) => {
    const seen = new Map<string, FloorAgent['state']>();
    const done = () => Object.entries(want).every(([user, state]) => seen.get(ids[user]) === state);
    while (!done()) {
      const message = await supervisor.next();
      if (message.type === 'update' || message.type === 'snapshot') {
        for (const agent of message.agents) seen.set(agent.agent.id, agent.state);
      }
    }
  };
  const states = (agents: readonly FloorAgent[]) =>
    Object.fromEntries(
      Object.entries(ids)
        .filter(([user]) => user === 'blake' || user === 'alex')
        .map(([user, id]) => [user, agents.find((a) => a.agent.id === id)?.state]),
    );

  before(async () => {
    // Missing, redis-server fails the test below by name rather than the suite's setup.
    if (!findRedisServer()) return;
    redis = await startRedis();
    emulator = await startEmulator({ port: 0, seed: 9, scenario: false, generatedUsers: { supervisors: 1 } });
    environment = { ...serverEnvironment(emulator.url), REDIS_URL: redis.url };
    for (const user of ['blake', 'alex', 'sam', 'supervisor0001'])
      tokens[user] = (await tokensFor(emulator.url, user)).apiToken;
  });
  after(async () => {
    await Promise.all(running.map((app) => app.close()));
    await emulator?.close();
    await redis?.stop();
  });

  it('shows a supervisor on either instance the agents of both, and survives a restart', async () => {
    assert.ok(redis, REDIS_MISSING);
    const a = await instance();
    let b = await instance();
    const blake = await signedIn(a, 'blake');
    let alex = await signedIn(b, 'alex');
    const samOnA = await signedIn(a, 'sam');
    samOnA.send({ type: 'subscribe' });
    await samOnA.expect('snapshot');

    await report(blake, 'available');
    await report(alex, 'onCall', [floorCall('call-9')]);
    await until(samOnA, { blake: 'available', alex: 'onCall' });

    const samOnB = await signedIn(b, 'sam');
    samOnB.send({ type: 'subscribe' });
    assert.deepEqual(states((await samOnB.expect('snapshot')).agents), {
      blake: 'available',
      alex: 'onCall',
    });

    // A supervisor on one instance reaches an agent's console on the other.
    samOnA.send({ type: 'join', agentId: ids['alex'], callKey: 'call-9' });
    assert.deepEqual(await alex.next(), {
      type: 'joinRequested',
      supervisor: { id: ids['sam'], displayName: 'Sam Okafor' },
      callKey: 'call-9',
      requestId: null,
    });

    // B restarts: its consoles lose their socket, the floor keeps what they reported.
    await stop(b);
    assert.equal((await alex.closed).code, 1001);
    b = await instance();
    const samOnNewB = await signedIn(b, 'sam');
    samOnNewB.send({ type: 'subscribe' });
    assert.deepEqual(states((await samOnNewB.expect('snapshot')).agents), {
      blake: 'available',
      alex: 'onCall',
    });

    // Alex's console reconnects to the new B; both supervisors hear of the next report.
    alex = await signedIn(b, 'alex');
    await report(alex, 'available');
    await report(blake, 'onCall');
    await until(samOnA, { blake: 'onCall', alex: 'available' });
    await until(samOnNewB, { blake: 'onCall', alex: 'available' });
    await Promise.all([blake, alex, samOnA, samOnNewB].map((client) => client.close()));
  });
  it('lets the first supervisor to join, on either instance, take a request; mutes reach across', async () => {
    assert.ok(redis, REDIS_MISSING);
    const a = await instance();
    const b = await instance();
    const alex = await signedIn(b, 'alex');
    await report(alex, 'onCall', [floorCall('call-r')]);
    const sam = (await subscribed(a, 'sam')).client;
    const kim = (await subscribed(b, 'supervisor0001')).client;

    alex.send({ type: 'ask', callKey: 'call-r' });
    const { requestId } = await alex.expect('requestOpened');
    assert.equal((await next(sam, 'request')).request.id, requestId);
    assert.equal((await next(kim, 'request')).request.id, requestId);
    const join = { type: 'join', agentId: ids['alex'], callKey: 'call-r', requestId };
    sam.send(join);
    kim.send(join);
    const [fromSam, fromKim] = [await next(sam, 'requestClosed'), await next(kim, 'requestClosed')];
    assert.deepEqual(fromSam, fromKim);
    assert.equal(fromSam.outcome, 'taken');
    const winner = fromSam.by?.id === ids['sam'] ? 'sam' : 'supervisor0001';
    assert.equal(fromSam.by?.id, ids[winner]);
    // The loser hears who took it a second time, in answer to its join; the agent hears one join.
    assert.deepEqual(await next(winner === 'sam' ? kim : sam, 'requestClosed'), fromSam);
    assert.deepEqual(await alex.next(), {
      type: 'joinRequested',
      supervisor: fromSam.by,
      callKey: 'call-r',
      requestId,
    });

    // Sam, on A, mutes Alex, on B: Alex's console hears by whom.
    sam.send({ type: 'muted', callKey: 'call-r', participantRawId: `8:orgid:${ids['alex']}` });
    assert.deepEqual(await alex.next(), {
      type: 'mutedBy',
      callKey: 'call-r',
      participantRawId: `8:orgid:${ids['alex']}`,
      by: { id: ids['sam'], displayName: 'Sam Okafor' },
    });
    assert.deepEqual(await alex.settle(), []);
    await Promise.all([alex, sam, kim].map((client) => client.close()));
    await Promise.all([stop(a), stop(b)]);
  });

  it('shares a call’s first-seen time and today’s counts between instances, through a restart', async () => {
    assert.ok(redis, REDIS_MISSING);
    let a = await instance();
    const b = await instance();
    let blake = await signedIn(a, 'blake');
    const alex = await signedIn(b, 'alex');
    const queue = 'Shared queue';
    const ring = (sinceMs: number) =>
      floorCall('call-s', { queue, state: 'Ringing', since: new Date(Date.now() - sinceMs).toISOString() });
    const first = ring(30_000);
    const seen = { type: 'firstSeen', calls: [{ key: 'call-s', at: first.since }] };
    assert.deepEqual(await report(blake, 'available', [first]), [seen]);
    assert.deepEqual(await report(alex, 'available', [ring(5000)]), [seen]);
    await report(blake, 'available');
    await report(alex, 'onCall', [floorCall('call-s', { queue })]);

    // A restarts; the call rings on Blake again (a transfer back to the queue): the same wait.
    await stop(a);
    a = await instance();
    blake = await signedIn(a, 'blake');
    assert.deepEqual(await report(blake, 'available', [ring(0)]), [seen]);

    const { snapshot } = await subscribed(a, 'sam');
    assert.deepEqual(
      snapshot.queues.find((stats) => stats.queue === queue),
      {
        queue,
        offered: 1,
        answered: 1,
        abandoned: 0,
        // Answered about 30 s after Blake's console first saw it ring: past the 20 s.
        answeredWithinThreshold: 0,
        handled: 0,
        handleSeconds: 0,
      },
    );
    const alexCall = snapshot.agents.find((agent) => agent.agent.id === ids['alex'])?.calls[0];
    assert.equal(alexCall?.firstSeenAt, first.since);
    await Promise.all([blake, alex].map((client) => client.close()));
    await Promise.all([stop(a), stop(b)]);
  });
  it('counts an abandoned call once, and expires a request once, though both instances watch', async () => {
    assert.ok(redis, REDIS_MISSING);
    const clock = new FakeClock();
    const a = await instance(clock);
    const b = await instance(clock);
    const blake = await signedIn(a, 'blake');
    const alex = await signedIn(b, 'alex');
    const sam = (await subscribed(a, 'sam')).client;
    const kim = (await subscribed(b, 'supervisor0001')).client;
    /** Moves the batches on until `supervisor` (so its instance) sees each agent with `calls` calls. */
    const sees = async (supervisor: FloorClient, calls: Record<string, number>) => {
      const seen = new Map<string, number>();
      const done = () => Object.entries(calls).every(([user, n]) => seen.get(ids[user]) === n);
      for (let round = 0; !done(); round++) {
        assert.ok(round < 100, `never saw ${JSON.stringify(calls)}`);
        clock.advance(BATCH_INTERVAL_MS);
        for (const message of await supervisor.settle()) {
          if (message.type === 'update')
            for (const agent of message.agents) seen.set(agent.agent.id, agent.calls.length);
        }
      }
    };
    const queue = 'Abandoned queue';
    const ringing = floorCall('call-x', { queue, state: 'Ringing', since: new Date().toISOString() });
    await report(blake, 'available', [ringing]);
    await report(alex, 'available', [ringing]);
    await sees(sam, { blake: 1, alex: 1 });
    await sees(kim, { blake: 1, alex: 1 });
    await report(alex, 'available');
    await report(blake, 'available');
    await sees(sam, { blake: 0, alex: 0 });
    await sees(kim, { blake: 0, alex: 0 });
    // Both instances check the call 3 s on; it counts once. A snapshot reads after either's count.
    clock.advance(ABANDON_GRACE_MS);
    for (const on of [a, b]) {
      const { snapshot } = await subscribed(on, 'sam');
      assert.deepEqual(
        snapshot.queues.find((stats) => stats.queue === queue),
        { ...emptyStats(queue), offered: 1, abandoned: 1 },
      );
    }

    await report(alex, 'onCall', [floorCall('call-y')]);
    alex.send({ type: 'ask', callKey: 'call-y' });
    const { requestId } = await alex.expect('requestOpened');
    await next(sam, 'request');
    await next(kim, 'request');
    // Both instances' timers fire; one expires the request, the agent hears it once.
    clock.advance(REQUEST_TIMEOUT_MS);
    const expired = { type: 'requestClosed', requestId, outcome: 'expired', by: null };
    assert.deepEqual(await next(sam, 'requestClosed'), expired);
    assert.deepEqual(await next(kim, 'requestClosed'), expired);
    assert.deepEqual(await next(alex, 'requestExpired'), {
      type: 'requestExpired',
      requestId,
      callKey: 'call-y',
    });
    assert.deepEqual(
      (await alex.settle()).filter((m) => m.type !== 'firstSeen'),
      [],
    );
    await Promise.all([blake, alex, sam, kim].map((client) => client.close()));
    await Promise.all([stop(a), stop(b)]);
  });
});
