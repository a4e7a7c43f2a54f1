import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FloorClient } from '../testing/floor-client';
import { floorCall, useFloorServer } from '../testing/floor-server';
import { ABANDON_GRACE_MS } from './floor-calls';
import { BATCH_INTERVAL_MS, CLOSE, type FloorCall, type QueueStats } from './floor-protocol';
import { emptyStats } from './floor-store';

describe('calls on the floor: one wait for every console, today’s queues, who muted whom', () => {
  const floor = useFloorServer();
  const { signedIn, supervisorWithSnapshot } = floor;

  const report = (client: FloorClient, calls: readonly FloorCall[]) => {
    client.send({ type: 'report', state: calls.length ? 'onCall' : 'available', since: floor.at(), calls });
    return client.settle();
  };
  const ringing = (key: string, queue: string | null = 'Billing') =>
    floorCall(key, { state: 'Ringing', since: floor.at(), queue });
  const connected = (key: string, queue: string | null = 'Billing') =>
    floorCall(key, { state: 'Connected', since: floor.at(), queue });
  const stats = (queue: string, counts: Partial<QueueStats>): QueueStats => ({
    ...emptyStats(queue),
    ...counts,
  });

  it('counts a call’s wait from the first console that saw it ring, for every agent and a reload', async () => {
    const first = await signedIn('Agent');
    const second = await signedIn('Agent');
    const rangAt = floor.at(-5000);
    const key = 'server-call-1';
    assert.deepEqual(await report(first.client, [floorCall(key, { state: 'Ringing', since: rangAt })]), [
      { type: 'firstSeen', calls: [{ key, at: rangAt }] },
    ]);
    floor.clock.advance(2000);
    // Rung later on the second console: the wait is still the first one's.
    assert.deepEqual(await report(second.client, [ringing(key)]), [
      { type: 'firstSeen', calls: [{ key, at: rangAt }] },
    ]);
    // A report that adds no call says nothing more; one that adds a call lists them all.
    assert.deepEqual(await report(first.client, [connected(key)]), []);
    floor.clock.advance(1000);
    const other = floor.at();
    assert.deepEqual(await report(first.client, [connected(key), floorCall('direct', { queue: null })]), [
      {
        type: 'firstSeen',
        calls: [
          { key, at: rangAt },
          { key: 'direct', at: other },
        ],
      },
    ]);
    // A reload: the new console hears the first-seen times with its first report.
    const reloaded = await floor.open();
    await reloaded.hello(first.token);
    assert.deepEqual(await report(reloaded, [connected(key), floorCall('direct', { queue: null })]), [
      {
        type: 'firstSeen',
        calls: [
          { key, at: rangAt },
          { key: 'direct', at: other },
        ],
      },
    ]);
    await reloaded.close();
    // A console's clock ahead of the server's is not believed: a future ring counts from now.
    const third = await signedIn('Agent');
    const now = floor.at();
    assert.deepEqual(
      await report(third.client, [floorCall('late', { state: 'Ringing', since: floor.at(60_000) })]),
      [{ type: 'firstSeen', calls: [{ key: 'late', at: now }] }],
    );

    const supervisor = await supervisorWithSnapshot();
    const waits = supervisor.snapshot.agents.map((a) => a.calls.map((call) => [call.key, call.firstSeenAt]));
    assert.deepEqual(waits, [
      [
        [key, rangAt],
        ['direct', other],
      ],
      [[key, rangAt]],
      [['late', now]],
    ]);
    await Promise.all([first, second, third, supervisor].map((p) => p.client.close()));
  });

  it('keeps today’s queue statistics from the consoles’ reports', async () => {
    const supervisor = await supervisorWithSnapshot();
    assert.deepEqual(supervisor.snapshot.queues, []);
    assert.equal(supervisor.snapshot.serviceLevelSeconds, 20);
    const [alex, blake, casey] = [await signedIn('Agent'), await signedIn('Agent'), await signedIn('Agent')];
    const latest = new Map<string, QueueStats>();
    /** Moves on by `ms` and reads the supervisor's updates, keeping each queue's latest counts. */
    const later = async (ms: number) => {
      floor.clock.advance(ms);
      const messages = await supervisor.client.settle();
      // What the timers that fell due counted is sent by a timer set meanwhile, due now.
      floor.clock.advance(0);
      for (const message of [...messages, ...(await supervisor.client.settle())]) {
        if (message.type === 'update') for (const q of message.queues) latest.set(q.queue, q);
      }
    };

    // c1 rings on Alex and Blake; it stops on Blake a second before Alex's report says Connected.
    await report(alex.client, [ringing('c1')]);
    await report(blake.client, [ringing('c1')]);
    await later(BATCH_INTERVAL_MS);
    assert.deepEqual(latest.get('Billing'), stats('Billing', { offered: 1 }));
    await later(10_000 - BATCH_INTERVAL_MS);
    await report(blake.client, []);
    await later(1000);
    await report(alex.client, [connected('c1')]);
    await later(ABANDON_GRACE_MS);
    assert.deepEqual(
      latest.get('Billing'),
      stats('Billing', { offered: 1, answered: 1, answeredWithinThreshold: 1 }),
    );

    // c2 waits 30 s for Blake: answered, not within 20 s. c3 rings on Casey and stops: abandoned.
    await report(blake.client, [ringing('c2')]);
    await report(casey.client, [ringing('c3', 'Sales'), ringing('direct', null)]);
    await later(30_000);
    await report(blake.client, [connected('c2')]);
    await report(casey.client, []);
    await later(ABANDON_GRACE_MS - 1);
    assert.deepEqual(latest.get('Sales'), stats('Sales', { offered: 1 }));
    await later(1);
    assert.deepEqual(latest.get('Sales'), stats('Sales', { offered: 1, abandoned: 1 }));

    // Alex (answered at 11 s) hangs up at 71 s; Blake (at 44 s), on hold a while, at 134 s.
    await later(71_000 - 47_000);
    await report(alex.client, []);
    await later(134_000 - 71_000);
    await report(blake.client, [floorCall('c2', { state: 'LocalHold', onHold: true })]);
    await report(blake.client, [floorCall('c2', { state: 'Disconnected' })]);
    await later(BATCH_INTERVAL_MS);
    const billing = stats('Billing', {
      offered: 2,
      answered: 2,
      answeredWithinThreshold: 1,
      handled: 2,
      handleSeconds: 60 + 90,
    });
    assert.deepEqual(latest.get('Billing'), billing);

    // The next supervisor's snapshot has the same day so far.
    const next = await supervisorWithSnapshot();
    assert.deepEqual(
      [...next.snapshot.queues].sort((a, b) => a.queue.localeCompare(b.queue)),
      [billing, stats('Sales', { offered: 1, abandoned: 1 })],
    );
    await Promise.all([alex, blake, casey, supervisor, next].map((p) => p.client.close()));
  });

  it('tells a muted Teams user and the call’s agents who muted whom; a stranger to the call makes no message', async () => {
    const agent = await signedIn('Agent');
    const muted = await signedIn('Agent');
    const stranger = await signedIn('Agent');
    const supervisor = await signedIn('Supervisor');
    await report(agent.client, [floorCall('call-1')]);
    const bySupervisor = { id: supervisor.oid, displayName: supervisor.name };
    const byAgent = { id: agent.oid, displayName: agent.name };

    supervisor.client.send({ type: 'muted', callKey: 'call-1', participantRawId: `8:orgid:${muted.oid}` });
    supervisor.client.send({ type: 'muted', callKey: 'call-1', participantRawId: '4:+14255550123' });
    agent.client.send({ type: 'muted', callKey: 'call-1', participantRawId: `8:gcch:${muted.oid}` });
    agent.client.send({ type: 'muted', callKey: 'call-1', participantRawId: '4:+14255550123' });
    stranger.client.send({ type: 'muted', callKey: 'call-1', participantRawId: `8:orgid:${muted.oid}` });
    await supervisor.client.settle();
    assert.deepEqual(await stranger.client.settle(), [
      { type: 'error', code: 'not_found', message: 'No such call in your last report.' },
    ]);
    // The call's agent reads who muted whom, but not its own mutes back.
    assert.deepEqual(await agent.client.settle(), [
      { type: 'mutedBy', callKey: 'call-1', participantRawId: `8:orgid:${muted.oid}`, by: bySupervisor },
      { type: 'mutedBy', callKey: 'call-1', participantRawId: '4:+14255550123', by: bySupervisor },
    ]);
    assert.deepEqual(await muted.client.settle(), [
      { type: 'mutedBy', callKey: 'call-1', participantRawId: `8:orgid:${muted.oid}`, by: bySupervisor },
      { type: 'mutedBy', callKey: 'call-1', participantRawId: `8:gcch:${muted.oid}`, by: byAgent },
    ]);
    await Promise.all([agent, muted, stranger, supervisor].map((p) => p.client.close()));
  });

  it('closes 4400 on a new message that breaks the protocol', async () => {
    const frames: [unknown, string][] = [
      [{ type: 'ask' }, 'callKey must be a string of 1 to 256 characters'],
      [{ type: 'ask', callKey: 'k', extra: 1 }, 'ask has an unknown field "extra"'],
      [{ type: 'cancel', requestId: '' }, 'requestId must be a string of 1 to 256 characters'],
      [{ type: 'decline', requestId: 7 }, 'requestId must be a string of 1 to 256 characters'],
      [
        { type: 'join', agentId: 'a', callKey: 'k', requestId: null },
        'requestId must be a string of 1 to 256 characters',
      ],
      [{ type: 'muted', callKey: 'k' }, 'participantRawId must be a string of 1 to 256 characters'],
      [
        { type: 'mute', callKey: 'k' },
        'type must be hello, token, report, subscribe, ask, cancel, join, decline, muted or ping',
      ],
    ];
    for (const [frame, problem] of frames) {
      const { client } = await signedIn('Supervisor');
      client.send(frame);
      assert.deepEqual(await client.closed, {
        code: CLOSE.invalidMessage,
        reason: `Invalid message: ${problem}.`,
      });
    }
  });
});
