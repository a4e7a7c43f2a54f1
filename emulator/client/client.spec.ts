import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RemoteParticipant, TeamsCall, TeamsIncomingCall } from '@azure/communication-calling';
import { AzureCommunicationTokenCredential } from '@azure/communication-common';
import { createInMemoryEmulator } from '../testing/in-memory';
import { CallClient, configure, listenerCount } from './index';

async function setUp() {
  const emulator = createInMemoryEmulator({ seed: 5 });
  configure({ transport: emulator.transport });
  const signIn = async (key: string) => {
    const agent = await new CallClient().createTeamsCallAgent(
      new AzureCommunicationTokenCredential(emulator.tokenFor(key)),
    );
    const ringing: TeamsIncomingCall[] = [];
    const onIncoming = (args: { incomingCall: TeamsIncomingCall }) => ringing.push(args.incomingCall);
    agent.on('incomingCall', onIncoming);
    return { agent, ringing, stop: () => agent.off('incomingCall', onIncoming) };
  };
  return { emulator, signIn };
}

describe('emulator client (the drop-in SDK module)', () => {
  it('refuses a token the world did not issue with 401/10009, and a second agent per client with 409/40230', async () => {
    const { emulator } = await setUp();
    const forged = new AzureCommunicationTokenCredential(
      emulator.tokenFor('alex').replace(/\.[^.]*$/, '.forged'),
    );
    await assert.rejects(new CallClient().createTeamsCallAgent(forged), { code: 401, subCode: 10009 });
    const client = new CallClient();
    const agent = await client.createTeamsCallAgent(
      new AzureCommunicationTokenCredential(emulator.tokenFor('alex')),
    );
    await assert.rejects(
      client.createTeamsCallAgent(new AzureCommunicationTokenCredential(emulator.tokenFor('alex'))),
      {
        code: 409,
        subCode: 40230,
      },
    );
    await agent.dispose();
  });

  it('announces a queued call with the caller and the queue, under both argument names the docs use', async () => {
    const { emulator, signIn } = await setUp();
    const { agent } = await signIn('alex');
    let args: { incomingCall: TeamsIncomingCall; teamsIncomingCall?: TeamsIncomingCall } | undefined;
    const listener = (a: typeof args) => (args = a);
    agent.on('incomingCall', listener);
    const id = emulator.world.enqueuePhoneCall({
      from: '+14255550150',
      displayName: 'Pat Kim',
      queue: 'Billing',
    });
    await emulator.settle();
    assert.equal(args?.incomingCall.id, id);
    assert.equal(args?.teamsIncomingCall, args?.incomingCall);
    assert.deepEqual(args?.incomingCall.callerInfo, {
      identifier: { kind: 'phoneNumber', phoneNumber: '+14255550150', rawId: '4:+14255550150' },
      displayName: 'Pat Kim',
    });
    assert.equal(args?.incomingCall.transferorInfo?.displayName, 'Billing');
    agent.off('incomingCall', listener);
  });

  it('accepts into a connected call with the caller on it; the other agent’s ringing ends 487/10003', async () => {
    const { emulator, signIn } = await setUp();
    const alex = await signIn('alex');
    const blake = await signIn('blake');
    emulator.world.enqueuePhoneCall({ talkMs: 60_000 });
    await emulator.settle();
    const blakeEnded: unknown[] = [];
    const onEnded = (a: unknown) => blakeEnded.push(a);
    blake.ringing[0].on('callEnded', onEnded);

    const events: string[] = [];
    const onCalls = () => events.push('callsUpdated');
    alex.agent.on('callsUpdated', onCalls);
    const call = await alex.ringing[0].accept();
    await emulator.settle();
    assert.equal(call.id, alex.ringing[0].id);
    assert.equal(call.state, 'Connected');
    assert.equal(call.direction, 'Incoming');
    assert.equal(call.remoteParticipants[0].identifier.kind, 'phoneNumber');
    assert.equal(call.remoteParticipants[0].state, 'Connected');
    assert.deepEqual(alex.agent.calls, [call]);
    assert.deepEqual(events, ['callsUpdated']);
    assert.deepEqual(blakeEnded, [{ callEndReason: { code: 487, subCode: 10003 } }]);
    assert.deepEqual(blake.ringing[0].callEndReason, { code: 487, subCode: 10003 });
    await assert.rejects(blake.ringing[0].accept(), { code: 400, subCode: 41006 });

    blake.ringing[0].off('callEnded', onEnded);
    alex.agent.off('callsUpdated', onCalls);
    await call.hangUp();
  });

  it('follows the caller hanging up: participant removed, call Disconnected 0/560000, leaves agent.calls', async () => {
    const { emulator, signIn } = await setUp();
    const alex = await signIn('alex');
    emulator.world.enqueuePhoneCall({ talkMs: 20_000 });
    await emulator.settle();
    const incoming = alex.ringing[0];
    const call: TeamsCall = await incoming.accept();
    const seen: string[] = [];
    const onState = () => seen.push(call.state);
    const onRoster = (a: { removed: RemoteParticipant[] }) =>
      seen.push(`removed ${a.removed[0].callEndReason?.subCode}`);
    const onIncomingEnded = () => seen.push('incoming ended');
    call.on('stateChanged', onState);
    call.on('remoteParticipantsUpdated', onRoster);
    incoming.on('callEnded', onIncomingEnded);
    await emulator.advance(20_000);
    assert.deepEqual(seen, ['removed 560000', 'Disconnecting', 'Disconnected', 'incoming ended']);
    assert.deepEqual(call.callEndReason, { code: 0, subCode: 560000 });
    assert.deepEqual(alex.agent.calls, []);
    call.off('stateChanged', onState);
    call.off('remoteParticipantsUpdated', onRoster);
    incoming.off('callEnded', onIncomingEnded);
  });

  it('counts listeners: back to the baseline once every on has its off, however many calls passed', async () => {
    const baseline = listenerCount();
    const { emulator, signIn } = await setUp();
    const alex = await signIn('alex');
    emulator.world.enqueuePhoneCall();
    await emulator.settle();
    const handler = () => undefined;
    alex.ringing[0].on('callEnded', handler);
    alex.ringing[0].off('callEnded', () => undefined); // a different function: removes nothing
    assert.equal(listenerCount(), baseline + 2);
    alex.ringing[0].off('callEnded', handler);
    alex.stop();
    assert.equal(listenerCount(), baseline);
    await emulator.settle();
    assert.equal(emulator.world.listenerCounts().total, 0);
    await alex.agent.dispose();
  });

  it('delivers calls that were already waiting once the new agent can listen', async () => {
    const { emulator, signIn } = await setUp();
    const id = emulator.world.enqueuePhoneCall();
    const alex = await signIn('alex');
    await emulator.settle();
    assert.deepEqual(
      alex.ringing.map((c) => c.id),
      [id],
    );
  });

  it('reports a dropped connection: Disconnected, and live calls end 496/7', async () => {
    const { emulator, signIn } = await setUp();
    const alex = await signIn('alex');
    emulator.world.enqueuePhoneCall({ talkMs: 600_000 });
    await emulator.settle();
    const call = await alex.ringing[0].accept();
    const changes: string[] = [];
    const onConnection = (a: { newValue: string }) => changes.push(a.newValue);
    alex.agent.on('connectionStateChanged', onConnection);
    emulator.world.dropConnection('alex');
    await emulator.settle();
    assert.deepEqual(changes, ['Disconnected']);
    assert.equal(alex.agent.connectionState, 'Disconnected');
    assert.deepEqual(call.callEndReason, { code: 496, subCode: 7 });
    await assert.rejects(call.mute(), { code: 408, subCode: 40114 });
    alex.agent.off('connectionStateChanged', onConnection);
  });

  it('says clearly what it does not model yet', async () => {
    const { signIn } = await setUp();
    const { agent } = await signIn('alex');
    assert.throws(() => agent.startCall({ phoneNumber: '+14255550100' }), {
      code: 501,
      message: /startCall is not modelled/,
    });
  });
});
