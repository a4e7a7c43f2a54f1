import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ServerMessage } from '../protocol/messages';
import { worldWithConsoles } from '../testing/direct-consoles';
import { PRESENCE } from './presence';

const AWAY = { availability: 'Away', activity: 'Away' };
const FIVE_MINUTES = 5 * 60_000;

/** Agents at consoles, the Billing queue routing by presence (alert time as given, else its default). */
async function presenceQueue(agentAlertSeconds?: number) {
  const setup = await worldWithConsoles('alex', 'blake', 'casey');
  setup.world.configureQueue('Billing', {
    presenceBasedRouting: true,
    ...(agentAlertSeconds !== undefined && { agentAlertSeconds }),
  });
  const { world, of } = setup;
  const setPresence = (userKey: string, pair: { availability: string; activity: string }) =>
    world.presence.set(userKey, { sessionId: 'switchboard', ...pair, expirationMs: FIVE_MINUTES });
  /** The ids of the calls that rang this agent, in order. */
  const rang = (userKey: string) =>
    of(userKey, 'incomingCall').map(
      (m) => (m as Extract<ServerMessage, { type: 'incomingCall' }>).incomingCall.id,
    );
  const ended = (userKey: string) => of(userKey, 'incomingCallEnded');
  const ringing = (id: string) => world.snapshot().queue.find((q) => q.id === id)?.ringing ?? [];
  return { ...setup, setPresence, rang, ended, ringing };
}

describe('queue routing by presence', () => {
  it('is off for every queue unless set: an Away agent and one on a call are rung as before', async () => {
    const { world, endpoints, rang, setPresence } = await presenceQueue();
    world.configureQueue('Billing', { presenceBasedRouting: false });
    assert.deepEqual(world.directory.queueSettings('Sales'), {
      presenceBasedRouting: false,
      agentAlertSeconds: 30,
    });
    setPresence('blake', AWAY);
    const first = world.enqueuePhoneCall({ queue: 'Billing' });
    await world.request(endpoints['casey']!, { op: 'accept', incomingCallId: first });
    const second = world.enqueuePhoneCall({ queue: 'Billing' });
    assert.deepEqual(rang('blake'), [first, second]);
    assert.deepEqual(rang('casey'), [first, second], 'call waiting: rung while on a call');
  });

  it('rings only agents who are Available and in no call', async () => {
    const { world, endpoints, rang, setPresence, ringing } = await presenceQueue();
    setPresence('blake', AWAY);
    const first = world.enqueuePhoneCall({ queue: 'Billing' });
    assert.deepEqual(ringing(first), ['alex', 'casey']);
    await world.request(endpoints['casey']!, { op: 'accept', incomingCallId: first });
    const second = world.enqueuePhoneCall({ queue: 'Billing' });
    assert.deepEqual(ringing(second), ['alex']);
    assert.deepEqual(rang('blake'), []);
    assert.deepEqual(rang('casey'), [first]);
    // A session saying Available does not make an agent on a call free.
    setPresence('casey', PRESENCE.available);
    assert.deepEqual(ringing(second), ['alex']);
  });

  it('stops ringing an agent who goes Away (487/0) and rings them again when Available', async () => {
    const { world, rang, ended, setPresence, ringing } = await presenceQueue();
    const id = world.enqueuePhoneCall({ queue: 'Billing' });
    setPresence('alex', AWAY);
    assert.deepEqual(ended('alex'), [
      { type: 'incomingCallEnded', id, callEndReason: { code: 487, subCode: 0 } },
    ]);
    assert.deepEqual(ringing(id), ['blake', 'casey'], 'the caller waits on for the others');
    setPresence('alex', PRESENCE.available);
    assert.deepEqual(rang('alex'), [id, id]);
    assert.deepEqual(ringing(id), ['blake', 'casey', 'alex']);
  });

  it('rings an agent back when their Away session expires or is cleared', async () => {
    const { world, clock, rang, setPresence } = await presenceQueue();
    setPresence('alex', AWAY);
    setPresence('blake', AWAY);
    // A caller waits two minutes at most: the call comes a minute before Alex's session ends.
    clock.advance(FIVE_MINUTES - 60_000);
    const id = world.enqueuePhoneCall({ queue: 'Billing' });
    assert.deepEqual([rang('alex'), rang('blake')], [[], []]);
    assert.equal(world.presence.clear('blake', 'switchboard'), true);
    assert.deepEqual(rang('blake'), [id]);
    clock.advance(59_999);
    assert.deepEqual(rang('alex'), []);
    clock.advance(1);
    assert.deepEqual(rang('alex'), [id]);
  });

  it('rings an agent who signs in only if their presence is Available', async () => {
    const { world, setPresence, ringing } = await presenceQueue();
    const id = world.enqueuePhoneCall({ queue: 'Billing' });
    const signIn = async (userKey: string) => {
      const endpoint = world.open(
        () => undefined,
        () => undefined,
      );
      await world.request(endpoint, { op: 'hello', token: world.issueToken(userKey).token });
    };
    setPresence('alex', AWAY);
    await signIn('alex');
    assert.deepEqual(ringing(id), ['blake', 'casey'], 'Away at a second console too');
    world.presence.clear('alex', 'switchboard');
    assert.deepEqual(ringing(id), ['blake', 'casey', 'alex', 'alex'], 'both of Alex’s consoles');
  });

  it('rings an agent whose call ends while a caller waits', async () => {
    const { world, endpoints, rang, ringing } = await presenceQueue();
    const first = world.enqueuePhoneCall({ queue: 'Billing', talkMs: 600_000 });
    await world.request(endpoints['alex']!, { op: 'accept', incomingCallId: first });
    const second = world.enqueuePhoneCall({ queue: 'Billing' });
    assert.deepEqual(ringing(second), ['blake', 'casey']);
    await world.request(endpoints['alex']!, { op: 'hangUp', callId: first });
    assert.deepEqual(rang('alex'), [first, second]);
  });

  it('withdraws an agent’s other ringing calls (487/0) when they accept one', async () => {
    const { world, endpoints, ended } = await presenceQueue();
    const first = world.enqueuePhoneCall({ queue: 'Billing' });
    const second = world.enqueuePhoneCall({ queue: 'Billing' });
    await world.request(endpoints['alex']!, { op: 'accept', incomingCallId: first });
    assert.deepEqual(
      ended('alex').map((m) => m.type === 'incomingCallEnded' && [m.id, m.callEndReason]),
      [[second, { code: 487, subCode: 0 }]],
    );
  });

  it('stops ringing an agent after the alert time (487/10004) while the call waits for others', async () => {
    const { world, clock, ended, rang, setPresence, ringing } = await presenceQueue(15);
    setPresence('blake', AWAY);
    setPresence('casey', AWAY);
    const id = world.enqueuePhoneCall({ queue: 'Billing', patienceMs: 10 * 60_000 });
    clock.advance(14_999);
    assert.deepEqual(ended('alex'), []);
    clock.advance(1);
    assert.deepEqual(ended('alex'), [
      { type: 'incomingCallEnded', id, callEndReason: { code: 487, subCode: 10004 } },
    ]);
    assert.deepEqual(
      world.snapshot().queue.map((q) => [q.id, q.ringing]),
      [[id, []]],
      'still waiting, ringing nobody',
    );
    // Blake comes back: the call rings him. Alex, still Available, is not rung again ...
    setPresence('blake', PRESENCE.available);
    assert.deepEqual(ringing(id), ['blake']);
    assert.deepEqual(rang('alex'), [id]);
    // ... until Alex leaves Available and comes back.
    setPresence('alex', AWAY);
    setPresence('alex', PRESENCE.available);
    assert.deepEqual(rang('alex'), [id, id]);
    assert.deepEqual(ringing(id), ['blake', 'alex']);
  });

  it('applies a change of settings to the calls already waiting', async () => {
    const { world, setPresence, ringing, ended, clock } = await presenceQueue();
    world.configureQueue('Billing', { presenceBasedRouting: false });
    setPresence('blake', AWAY);
    const id = world.enqueuePhoneCall({ queue: 'Billing', patienceMs: 10 * 60_000 });
    assert.deepEqual(ringing(id), ['alex', 'blake', 'casey']);
    world.configureQueue('Billing', { presenceBasedRouting: true, agentAlertSeconds: 20 });
    assert.deepEqual(ringing(id), ['alex', 'casey']);
    assert.deepEqual(
      ended('blake').map((m) => m.type === 'incomingCallEnded' && m.callEndReason),
      [{ code: 487, subCode: 0 }],
    );
    clock.advance(20_000);
    assert.deepEqual(ringing(id), [], 'the alert time runs from when routing turned on');
    world.configureQueue('Billing', { presenceBasedRouting: false });
    assert.deepEqual(ringing(id), ['alex', 'blake', 'casey'], 'off: everyone rings again');
  });

  it('refuses an unknown queue or an alert time out of range, changing nothing', async () => {
    const { world } = await presenceQueue();
    assert.throws(() => world.configureQueue('Refunds', { presenceBasedRouting: true }), {
      message: 'No call queue named "Refunds" (Billing, Technical support, Sales).',
    });
    for (const agentAlertSeconds of [14, 181, 20.5])
      assert.throws(() => world.configureQueue('Sales', { agentAlertSeconds }), {
        name: 'RangeError',
        message: '"agentAlertSeconds" must be an integer from 15 to 180 (seconds).',
      });
    assert.deepEqual(world.directory.queueSettings('Sales'), {
      presenceBasedRouting: false,
      agentAlertSeconds: 30,
    });
  });

  it('leaves no timer behind: none once a call is answered, none after the world is disposed', async () => {
    const { world, endpoints, clock, setPresence } = await presenceQueue();
    const baseline = clock.pendingTimers;
    const id = world.enqueuePhoneCall({ queue: 'Billing', talkMs: 60_000 });
    await world.request(endpoints['alex']!, { op: 'accept', incomingCallId: id });
    const call = world.calls.all.get(id)!;
    assert.equal(
      ['blake', 'casey'].some((key) => call.hasTimer(`alert:${endpoints[key]}`)),
      false,
    );
    clock.advance(60_000);
    assert.equal(clock.pendingTimers, baseline, 'the call over, its timers are gone');
    setPresence('blake', AWAY);
    assert.equal(clock.pendingTimers, baseline + 1, 'a session expires on a timer');
    world.dispose();
    assert.equal(clock.pendingTimers, 0);
  });
});
