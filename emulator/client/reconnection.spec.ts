import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TeamsCall, TeamsIncomingCall } from '@azure/communication-calling';
import type { CommunicationTokenCredential } from '@azure/communication-common';
import { ManualClock } from '../engine/clock';
import { END } from '../engine/codes';
import { RESUME_WINDOW_MS } from '../engine/world';
import { createInMemoryEmulator, type InMemoryEmulator } from '../testing/in-memory';
import { CallClient, configure, listenerCount } from './index';
import { FIRST_RETRY_MS, MAX_RETRY_MS } from './reconnection';

type Reason = { code: number; subCode?: number } | undefined;
const reasonOf = (reason: Reason) => (reason ? ` ${reason.code}/${reason.subCode ?? '-'}` : '');

/** A credential that asks the world it reaches now for a fresh token, as a token refresher does. */
function freshTokens(emulator: InMemoryEmulator, key: string): CommunicationTokenCredential {
  return {
    getToken: async () => ({ token: emulator.tokenFor(key), expiresOnTimestamp: Date.now() + 3_600_000 }),
    dispose: () => undefined,
  };
}

/**
 * An agent over the in-memory emulator (its retries on the world's clock unless `timers` says),
 * with what it says written down in words: connection states with their reason, calls ringing,
 * calls ending with their reason.
 */
async function agentFor(
  emulator: InMemoryEmulator,
  key: string,
  credential: CommunicationTokenCredential = freshTokens(emulator, key),
) {
  const agent = await new CallClient().createTeamsCallAgent(credential);
  const log: string[] = [];
  const ringing: TeamsIncomingCall[] = [];
  const onConnection = (args: { newValue: string; oldValue: string; reason?: string }) =>
    log.push(`${args.oldValue} -> ${args.newValue}${args.reason ? ` (${args.reason})` : ''}`);
  const onIncoming = ({ incomingCall }: { incomingCall: TeamsIncomingCall }) => {
    ringing.push(incomingCall);
    log.push(`rings ${incomingCall.callerInfo.displayName}`);
  };
  const onCalls = ({ removed }: { removed: TeamsCall[] }) =>
    removed.forEach((call) => log.push(`call ended${reasonOf(call.callEndReason)}`));
  agent.on('connectionStateChanged', onConnection);
  agent.on('incomingCall', onIncoming);
  agent.on('callsUpdated', onCalls);
  const stop = async () => {
    agent.off('connectionStateChanged', onConnection);
    agent.off('incomingCall', onIncoming);
    agent.off('callsUpdated', onCalls);
    await agent.dispose();
    await emulator.settle();
  };
  return { agent, log, ringing, stop };
}

async function setUp() {
  const emulator = createInMemoryEmulator({ seed: 11 });
  configure({ transport: emulator.transport });
  return { emulator, baseline: listenerCount() };
}

/** A queued phone call from this caller, answered by `agent`. */
async function answered(emulator: InMemoryEmulator, ringing: TeamsIncomingCall[], displayName: string) {
  emulator.world.enqueuePhoneCall({ displayName, patienceMs: 600_000, talkMs: 3_600_000 });
  await emulator.settle();
  return ringing.at(-1)!.accept();
}

describe('a lost connection (the emulated SDK reconnecting by itself)', () => {
  it('keeps a connected and a held call through a 30 s drop, and delivers what happened meanwhile, in order', async () => {
    const { emulator, baseline } = await setUp();
    const alex = await agentFor(emulator, 'alex');
    const held = await answered(emulator, alex.ringing, 'Robin Held');
    await held.hold();
    const talking = await answered(emulator, alex.ringing, 'Casey Talking');
    await emulator.settle();
    alex.log.length = 0;

    emulator.world.dropConnection('alex', 30);
    await emulator.settle();
    assert.deepEqual(alex.log, ['Connected -> Disconnected (connectionIssue)']);
    assert.equal(alex.agent.connectionState, 'Disconnected');
    assert.deepEqual([held.state, talking.state], ['LocalHold', 'Connected']);
    await assert.rejects(talking.mute(), {
      code: 408,
      subCode: 40114,
      message: /lost and is being re-established/,
    });

    // Meanwhile the held caller hangs up and a new caller rings.
    await emulator.advance(10_000);
    const model = emulator.world.calls.all.get(held.id)!;
    const robin = [...model.parties.values()].find((party) => party.kind === 'phone')!;
    emulator.world.calls.leave(model, robin, END.phoneParticipantHungUp);
    emulator.world.enqueuePhoneCall({ displayName: 'Sam Meanwhile', patienceMs: 600_000 });
    await emulator.advance(19_999);
    assert.deepEqual(alex.log, ['Connected -> Disconnected (connectionIssue)']);

    await emulator.advance(1 + MAX_RETRY_MS);
    assert.deepEqual(alex.log, [
      'Connected -> Disconnected (connectionIssue)',
      'call ended 0/560000',
      'rings Sam Meanwhile',
      'Disconnected -> Connected',
    ]);
    assert.deepEqual(
      alex.agent.calls.map((call) => call.state),
      ['Connected'],
    );
    await talking.mute();
    assert.equal(talking.isMuted, true);
    await alex.ringing.at(-1)!.reject();
    await talking.hangUp();
    await alex.stop();
    assert.equal(listenerCount(), baseline);
  });

  it('ends the call 496/7 after a 180 s drop, and stops trying; the other party sees it leave', async () => {
    const { emulator, baseline } = await setUp();
    const alex = await agentFor(emulator, 'alex');
    const blake = await agentFor(emulator, 'blake');
    const blakeId = emulator.world.directory.user('blake')!.microsoftTeamsUserId;
    const call = alex.agent.startCall({ microsoftTeamsUserId: blakeId });
    await emulator.settle();
    await blake.ringing[0]!.accept();
    await emulator.settle();
    blake.log.length = 0;

    emulator.world.dropConnection('blake', 180);
    await emulator.advance(RESUME_WINDOW_MS - 1);
    assert.equal(call.state, 'Connected');
    await emulator.advance(1);
    assert.equal(`${call.state}${reasonOf(call.callEndReason)}`, 'Disconnected 0/4521');
    assert.deepEqual(blake.log, ['Connected -> Disconnected (connectionIssue)', 'call ended 496/7']);

    // Reachable again, it does not come back by itself: the consumer creates a new agent.
    await emulator.advance(600_000);
    assert.deepEqual(blake.log, ['Connected -> Disconnected (connectionIssue)', 'call ended 496/7']);
    assert.deepEqual(
      emulator.world.signedInEndpoints().map((endpoint) => endpoint.user?.key),
      ['alex'],
    );
    // A call placed now fails at once, saying why.
    const late = blake.agent.startCall({ phoneNumber: '+14255550123' });
    await emulator.settle();
    assert.equal(`${late.state}${reasonOf(late.callEndReason)}`, 'Disconnected 408/40114');
    await blake.stop();
    await alex.stop();
    assert.equal(listenerCount(), baseline);
  });

  it('registers again after the service restarted: its calls end 496/7, and queued calls ring it again', async () => {
    const { emulator, baseline } = await setUp();
    const alex = await agentFor(emulator, 'alex');
    await answered(emulator, alex.ringing, 'Casey Before');
    alex.log.length = 0;

    const world = emulator.restart();
    world.enqueuePhoneCall({ displayName: 'Sam After', patienceMs: 600_000 });
    await emulator.advance(FIRST_RETRY_MS);
    assert.deepEqual(alex.log, [
      'Connected -> Disconnected (connectionIssue)',
      'call ended 496/7',
      'rings Sam After',
      'Disconnected -> Connected',
    ]);
    assert.deepEqual(
      world.signedInEndpoints().map((endpoint) => endpoint.user?.key),
      ['alex'],
    );
    const call = await alex.ringing.at(-1)!.accept();
    assert.equal(call.state, 'Connected');
    await call.hangUp();
    await alex.stop();
    assert.equal(listenerCount(), baseline);
  });

  it('says invalidToken and stops when its token is refused at registering again', async () => {
    const { emulator, baseline } = await setUp();
    const first = emulator.tokenFor('alex');
    let asked = 0;
    const alex = await agentFor(emulator, 'alex', {
      getToken: async () => ({ token: asked++ === 0 ? first : 'eyJ.forged.token', expiresOnTimestamp: 0 }),
      dispose: () => undefined,
    });
    await answered(emulator, alex.ringing, 'Casey Before');
    alex.log.length = 0;

    emulator.restart();
    await emulator.advance(FIRST_RETRY_MS);
    assert.deepEqual(alex.log, [
      'Connected -> Disconnected (connectionIssue)',
      'call ended 496/7',
      'Disconnected -> Disconnected (invalidToken)',
    ]);
    await emulator.advance(600_000);
    assert.equal(asked, 2, 'no more tries after the refusal');
    assert.deepEqual(emulator.world.signedInEndpoints(), []);
    await alex.stop();
    assert.equal(listenerCount(), baseline);
  });

  it('retries on its own timers: 0.5 s doubling to 4 s, then gives up two minutes after the loss', async () => {
    const { emulator, baseline } = await setUp();
    const timers = new ManualClock();
    const tries: number[] = [];
    let counting = false;
    // The same transport, counting the sockets the agent opens (each a try) by when it opens them.
    configure({
      transport: {
        connect: (handlers) => {
          if (counting) tries.push(timers.now() - started);
          return emulator.transport.connect(handlers);
        },
      },
      timers,
    });
    const alex = await agentFor(emulator, 'alex');
    await answered(emulator, alex.ringing, 'Casey Waiting');
    alex.log.length = 0;
    const started = timers.now();
    counting = true;
    emulator.world.dropConnection('alex', 3600);
    await emulator.settle();
    for (let step = 0; step < 32; step++) {
      timers.advance(500);
      await emulator.settle();
    }
    assert.deepEqual(tries, [500, 1500, 3500, 7500, 11500, 15500]);
    assert.deepEqual(alex.log, ['Connected -> Disconnected (connectionIssue)']);
    timers.advance(120_000 - 16_000 - 1);
    await emulator.settle();
    assert.deepEqual(alex.log, ['Connected -> Disconnected (connectionIssue)']);
    timers.advance(1);
    await emulator.settle();
    assert.deepEqual(alex.log, ['Connected -> Disconnected (connectionIssue)', 'call ended 496/7']);
    assert.equal(timers.pendingTimers, 0, 'no retry left once it gave up');
    await alex.stop();
    configure({ transport: emulator.transport });
    assert.equal(listenerCount(), baseline);
  });

  it('leaves no timer and no listener when disposed while reconnecting', async () => {
    const { emulator, baseline } = await setUp();
    const timers = new ManualClock();
    configure({ transport: emulator.transport, timers });
    const alex = await agentFor(emulator, 'alex');
    await answered(emulator, alex.ringing, 'Casey Waiting');
    emulator.world.dropConnection('alex', 3600);
    await emulator.settle();
    timers.advance(FIRST_RETRY_MS);
    // Disposed while its first try is on its way.
    await alex.stop();
    assert.equal(timers.pendingTimers, 0);
    assert.equal(listenerCount(), baseline);
    assert.deepEqual(alex.agent.calls, []);
    // The world, which could not be told, lets the endpoint go once its window passes.
    await emulator.advance(RESUME_WINDOW_MS);
    assert.deepEqual(emulator.world.signedInEndpoints(), []);
    configure({ transport: emulator.transport });
  });

  it('ends a console at once when its client closes the connection (a close frame, not a loss)', async () => {
    const { emulator } = await setUp();
    const { world } = emulator;
    const open = async (key: string) => {
      const id = world.open(
        () => undefined,
        () => undefined,
      );
      await world.request(id, { op: 'hello', token: world.issueToken(key).token });
      return id;
    };
    const alex = await open('alex');
    const blake = await open('blake');
    const lost = await open('casey');
    world.close(lost, 'lost');
    world.close(blake);
    assert.deepEqual(
      world.signedInEndpoints().map((endpoint) => endpoint.user?.key),
      ['alex', 'casey'],
    );
    world.close(alex, 'closed');
    assert.deepEqual(
      world.signedInEndpoints().map((endpoint) => endpoint.user?.key),
      ['casey'],
    );
  });
});
