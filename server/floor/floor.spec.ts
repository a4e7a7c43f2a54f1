import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { buildServer } from '../app';
import { readServerConfig } from '../config';
import { FloorClient } from '../testing/floor-client';
import { floorCall, useFloorServer } from '../testing/floor-server';
import { testEnvironment } from '../testing/test-tenant';
import { BATCH_INTERVAL_MS, CLOSE, HELLO_TIMEOUT_MS, OFFLINE_GRACE_MS } from './floor-protocol';

const UNREACHED_ACS = `endpoint=http://127.0.0.1:9/;accesskey=${Buffer.from('unused').toString('base64')}`;
const call = floorCall;

describe('GET /api/floor: the supervisor’s floor', () => {
  const floor = useFloorServer();
  const { mint, person, open, signedIn, supervisorWithSnapshot } = floor;

  describe('who is on the socket', () => {
    it('welcomes an agent and a supervisor by their token, with its expiry', async () => {
      const agent = await person('Agent');
      const client = await open();
      const welcome = await client.hello(agent.token);
      assert.deepEqual(welcome.user, { id: agent.oid, displayName: agent.name, role: 'agent' });
      assert.ok(Date.parse(welcome.expiresAt) > floor.clock.now());
      await client.close();
      const supervisor = await signedIn('Supervisor');
      await supervisor.client.close();
    });

    it('refuses a foreign Origin, or none, with 403 before upgrading', async () => {
      await assert.rejects(FloorClient.open(floor.url, 'https://evil.example'), { status: 403 });
      await assert.rejects(FloorClient.open(floor.url), { status: 403 });
    });

    it('accepts an origin of ALLOWED_ORIGINS', async () => {
      const other = await buildServer(
        readServerConfig(
          testEnvironment(floor.tenant, UNREACHED_ACS, { ALLOWED_ORIGINS: 'https://console.example' }),
        ),
      );
      await other.listen({ port: 0, host: '127.0.0.1' });
      try {
        const { port } = other.server.address() as AddressInfo;
        const client = await FloorClient.open(`ws://127.0.0.1:${port}/api/floor`, 'https://console.example');
        await client.close();
      } finally {
        await other.close();
      }
    });

    it('closes 4401 on a forged token, an expired one, one for another app or audience', async () => {
      const cases: [Record<string, unknown>, Parameters<typeof floor.tenant.mint>[1], RegExp][] = [
        [{}, { signedBy: 'stranger' }, /^token_invalid: .*signature/],
        [{}, { nowS: Math.floor(floor.clock.now() / 1000) - 7200 }, /^token_expired: /],
        [{ azp: 'another-app' }, {}, /issued to another application/],
        [{ aud: 'api://someone-else' }, {}, /another audience/],
      ];
      for (const [claims, options, reason] of cases) {
        const client = await open();
        client.send({ type: 'hello', token: await mint(claims, options) });
        const closed = await client.closed;
        assert.equal(closed.code, CLOSE.unauthorized);
        assert.match(closed.reason, reason);
      }
      const client = await open();
      client.send({ type: 'hello', token: 'not-a-jwt' });
      assert.equal((await client.closed).code, CLOSE.unauthorized);
    });

    it('closes 4403 on a user with neither role', async () => {
      const client = await open();
      client.send({ type: 'hello', token: (await person('Reader')).token });
      assert.deepEqual(await client.closed, {
        code: CLOSE.forbidden,
        reason: 'no_role: the account has neither the Agent nor the Supervisor role.',
      });
    });

    it('closes 4408 when no hello comes in time, and 4400 on anything before hello', async () => {
      const timer = floor.clock.nextTimer(HELLO_TIMEOUT_MS);
      const silent = await open();
      await timer;
      floor.clock.advance(HELLO_TIMEOUT_MS);
      assert.deepEqual(await silent.closed, { code: CLOSE.helloTimeout, reason: 'Send hello within 5 s.' });

      const hasty = await open();
      hasty.send({ type: 'subscribe' });
      assert.deepEqual(await hasty.closed, { code: CLOSE.invalidMessage, reason: 'Send hello first.' });
      const garbled = await open();
      garbled.send('{"type":"hello"');
      assert.deepEqual(await garbled.closed, {
        code: CLOSE.invalidMessage,
        reason: 'Invalid message: the frame is not JSON.',
      });
    });

    it('keeps the socket on a fresh token of the same user, and closes it when the token lapses', async () => {
      const agent = await person('Agent', { exp: Math.floor(floor.clock.now() / 1000) + 60 });
      const client = await open();
      const expiry = floor.clock.nextTimer();
      await client.hello(agent.token);
      await expiry;
      const fresh = await mint({ oid: agent.oid, name: agent.name, roles: ['Agent'] });
      client.send({ type: 'token', token: fresh });
      const accepted = await client.expect('tokenAccepted');
      assert.ok(Date.parse(accepted.expiresAt) > floor.clock.now() + 3000_000);
      floor.clock.advance(61_000);
      assert.deepEqual(await client.settle(), []);

      floor.clock.advance(3600_000);
      assert.deepEqual(await client.closed, {
        code: CLOSE.unauthorized,
        reason: 'token_expired: the access token expired; send token before it does.',
      });
    });

    it('closes 4403 on a fresh token of another user', async () => {
      const { client } = await signedIn('Agent');
      client.send({ type: 'token', token: (await person('Agent')).token });
      assert.deepEqual(await client.closed, {
        code: CLOSE.forbidden,
        reason: 'token_mismatch: the new token belongs to another user.',
      });
    });
  });

  describe('agents report, supervisors watch', () => {
    it('shows an agent’s report in a supervisor’s snapshot, and the next report as an update', async () => {
      const agent = await signedIn('Agent');
      agent.client.send({ type: 'report', state: 'available', since: '2026-01-05T09:00:00Z', calls: [] });
      await agent.client.settle();

      const supervisor = await supervisorWithSnapshot();
      const seen = supervisor.snapshot.agents.find((a) => a.agent.id === agent.oid);
      assert.deepEqual(seen && { ...seen, updatedAt: undefined }, {
        agent: { id: agent.oid, displayName: agent.name },
        state: 'available',
        since: '2026-01-05T09:00:00.000Z',
        calls: [],
        updatedAt: undefined,
      });

      agent.client.send({
        type: 'report',
        agentId: agent.oid,
        state: 'onCall',
        since: '2026-01-05T09:30:00Z',
        calls: [call('call-1', { onHold: true, state: 'LocalHold', queue: null })],
      });
      const seenAt = new Date(floor.clock.now()).toISOString();
      assert.deepEqual(await agent.client.settle(), [
        { type: 'firstSeen', calls: [{ key: 'call-1', at: seenAt }] },
      ]);
      floor.clock.advance(BATCH_INTERVAL_MS);
      const update = await supervisor.client.expect('update');
      assert.equal(update.agents.length, 1);
      assert.equal(update.agents[0].state, 'onCall');
      assert.deepEqual(update.agents[0].calls, [
        { ...call('call-1', { onHold: true, state: 'LocalHold', queue: null }), firstSeenAt: seenAt },
      ]);
      assert.deepEqual(update.queues, []);
      await agent.client.close();
      await supervisor.client.close();
    });

    it('batches: several reports within 250 ms reach a supervisor as one update, not before', async () => {
      const supervisor = await supervisorWithSnapshot();
      const first = await signedIn('Agent');
      const second = await signedIn('Agent');
      for (const state of ['available', 'onCall', 'available'] as const) {
        first.client.send({ type: 'report', state, since: '2026-01-05T10:00:00Z', calls: [] });
      }
      second.client.send({
        type: 'report',
        state: 'onCall',
        since: '2026-01-05T10:00:00Z',
        calls: [call('a'), call('b', { caller: { displayName: null, phoneNumber: null, rawId: '8:acs:x' } })],
      });
      await first.client.settle();
      await second.client.settle();

      floor.clock.advance(BATCH_INTERVAL_MS - 1);
      assert.deepEqual(await supervisor.client.settle(), []);
      floor.clock.advance(1);
      const [update, ...more] = await supervisor.client.settle();
      assert.deepEqual(more, []);
      assert.equal(update.type, 'update');
      assert.deepEqual(
        update.type === 'update' && update.agents.map((a) => [a.agent.id, a.state, a.calls.length]),
        [
          [first.oid, 'available', 0],
          [second.oid, 'onCall', 2],
        ],
      );

      // The next change waits out the 250 ms since that update.
      first.client.send({ type: 'report', state: 'onCall', since: '2026-01-05T10:01:00Z', calls: [] });
      await first.client.settle();
      floor.clock.advance(BATCH_INTERVAL_MS - 1);
      assert.deepEqual(await supervisor.client.settle(), []);
      floor.clock.advance(1);
      assert.equal((await supervisor.client.expect('update')).agents[0].state, 'onCall');
      await Promise.all([first, second, supervisor].map((p) => p.client.close()));
    });

    it('shows After-call work and Away as agents report them, each with when it was entered', async () => {
      const supervisor = await supervisorWithSnapshot();
      const wrapping = await signedIn('Agent');
      const away = await signedIn('Agent');
      wrapping.client.send({
        type: 'report',
        state: 'afterCallWork',
        since: '2026-01-05T10:02:00Z',
        calls: [],
      });
      away.client.send({ type: 'report', state: 'away', since: '2026-01-05T09:45:00+01:00', calls: [] });
      await wrapping.client.settle();
      await away.client.settle();
      floor.clock.advance(BATCH_INTERVAL_MS);
      const update = await supervisor.client.expect('update');
      assert.deepEqual(
        update.agents.map((a) => [a.agent.id, a.state, a.since]),
        [
          [wrapping.oid, 'afterCallWork', '2026-01-05T10:02:00.000Z'],
          [away.oid, 'away', '2026-01-05T08:45:00.000Z'],
        ],
      );
      await Promise.all([wrapping, away, supervisor].map((p) => p.client.close()));
    });

    it('refuses an agent’s subscribe and join with an error frame', async () => {
      const agent = await signedIn('Agent');
      agent.client.send({ type: 'subscribe' });
      agent.client.send({ type: 'join', agentId: agent.oid, callKey: 'call-1' });
      assert.deepEqual(await agent.client.settle(), [
        { type: 'error', code: 'forbidden', message: 'Only supervisors subscribe to the floor.' },
        { type: 'error', code: 'forbidden', message: 'Only supervisors join agents’ calls.' },
      ]);
      await agent.client.close();
    });

    it('closes 4403 on a report naming another agent, which reaches no supervisor', async () => {
      const supervisor = await supervisorWithSnapshot();
      const agent = await signedIn('Agent');
      const victim = await person('Agent');
      agent.client.send({
        type: 'report',
        agentId: victim.oid,
        state: 'offline',
        since: '2026-01-05T10:00:00Z',
        calls: [],
      });
      assert.deepEqual(await agent.client.closed, {
        code: CLOSE.forbidden,
        reason: 'forbidden: a console reports for its own agent only.',
      });
      floor.clock.advance(BATCH_INTERVAL_MS);
      assert.deepEqual(await supervisor.client.settle(), []);
      await supervisor.client.close();
    });

    it('closes 4400 on a report that breaks the protocol', async () => {
      const agent = await signedIn('Agent');
      agent.client.send({ type: 'report', state: 'napping', since: '2026-01-05T10:00:00Z', calls: [] });
      assert.deepEqual(await agent.client.closed, {
        code: CLOSE.invalidMessage,
        reason: 'Invalid message: state must be one of available, onCall, afterCallWork, away, offline.',
      });
    });

    it('passes a supervisor’s join to every console of the agent', async () => {
      const agent = await signedIn('Agent');
      const secondConsole = await open();
      await secondConsole.hello(agent.token);
      agent.client.send({
        type: 'report',
        state: 'onCall',
        since: '2026-01-05T09:30:00Z',
        calls: [call('call-7')],
      });
      await agent.client.expect('firstSeen');
      await secondConsole.expect('firstSeen');
      const supervisor = await signedIn('Supervisor');
      supervisor.client.send({ type: 'join', agentId: agent.oid, callKey: 'call-7' });
      const expected = {
        type: 'joinRequested',
        supervisor: { id: supervisor.oid, displayName: supervisor.name },
        callKey: 'call-7',
        requestId: null,
      };
      assert.deepEqual(await agent.client.next(), expected);
      assert.deepEqual(await secondConsole.next(), expected);
      // A call the agent did not report is not the floor's to join.
      supervisor.client.send({ type: 'join', agentId: agent.oid, callKey: 'call-8' });
      assert.deepEqual(await supervisor.client.settle(), [
        { type: 'error', code: 'not_found', message: 'The agent has no such call on the floor.' },
      ]);
      await Promise.all([agent.client.close(), secondConsole.close(), supervisor.client.close()]);
    });

    it('marks an agent offline once the socket has been closed for the grace period', async () => {
      const supervisor = await supervisorWithSnapshot();
      const agent = await signedIn('Agent');
      agent.client.send({
        type: 'report',
        state: 'onCall',
        since: '2026-01-05T11:00:00Z',
        calls: [call('c')],
      });
      await agent.client.settle();
      floor.clock.advance(BATCH_INTERVAL_MS);
      assert.equal((await supervisor.client.expect('update')).agents[0].state, 'onCall');

      let grace = floor.clock.nextTimer(OFFLINE_GRACE_MS);
      await agent.client.close();
      await grace;
      // A reconnect within the grace keeps the agent as reported.
      const again = await open();
      await again.hello(agent.token);
      floor.clock.advance(OFFLINE_GRACE_MS);
      assert.deepEqual(await supervisor.client.settle(), []);

      grace = floor.clock.nextTimer(OFFLINE_GRACE_MS);
      await again.close();
      await grace;
      floor.clock.advance(OFFLINE_GRACE_MS - 1);
      assert.deepEqual(await supervisor.client.settle(), []);
      const flush = floor.clock.nextTimer();
      floor.clock.advance(1);
      await flush;
      floor.clock.advance(BATCH_INTERVAL_MS);
      const [offline] = (await supervisor.client.expect('update')).agents;
      assert.deepEqual(
        { id: offline.agent.id, state: offline.state, since: offline.since, calls: offline.calls },
        {
          id: agent.oid,
          state: 'offline',
          since: new Date(floor.clock.now() - BATCH_INTERVAL_MS).toISOString(),
          calls: [],
        },
      );
      await supervisor.client.close();
    });
  });
});
