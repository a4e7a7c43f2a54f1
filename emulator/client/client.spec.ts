import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type {
  Features as SdkFeatures,
  RemoteParticipant,
  TeamsCall,
  TeamsIncomingCall,
} from '@azure/communication-calling';
import { AzureCommunicationTokenCredential } from '@azure/communication-common';
import { msUntilCallerSpeaks } from '../testing/speaking-probe';
import { RESUME_WINDOW_MS } from '../engine/world';
import { createInMemoryEmulator } from '../testing/in-memory';
import { CallClient, configure, Features, listenerCount } from './index';

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

/**
 * Alex on a call whose caller is mid-sentence now (and hangs up at `talkMs`, by default 1 ms
 * later), with the call's and the caller's changes written down as they happen.
 */
async function callWithCallerSpeaking(talkMs?: number) {
  const speaksAt = await msUntilCallerSpeaks(5);
  const { emulator, signIn } = await setUp();
  const alex = await signIn('alex');
  emulator.world.enqueuePhoneCall({ patienceMs: 60_000, talkMs: talkMs ?? speaksAt + 1 });
  await emulator.settle();
  const call = await alex.ringing[0].accept();
  const caller = call.remoteParticipants[0];
  await emulator.advance(speaksAt);
  assert.equal(caller.isSpeaking, true);
  const seen: string[] = [];
  const reason = (r: { code: number; subCode?: number } | undefined) => (r ? ` ${r.code}/${r.subCode}` : '');
  const onState = () => seen.push(`call ${call.state}${reason(call.callEndReason)}`);
  const onCaller = () => seen.push(`caller ${caller.state}${reason(caller.callEndReason)}`);
  const onSpeaking = () => seen.push(`caller isSpeaking ${caller.isSpeaking}`);
  const onRoster = ({ removed }: { removed: RemoteParticipant[] }) =>
    seen.push(...removed.map((p) => (p === caller ? 'caller removed' : 'someone else removed')));
  call.on('stateChanged', onState);
  call.on('remoteParticipantsUpdated', onRoster);
  caller.on('stateChanged', onCaller);
  caller.on('isSpeakingChanged', onSpeaking);
  const stopWatching = () => {
    call.off('stateChanged', onState);
    call.off('remoteParticipantsUpdated', onRoster);
    caller.off('stateChanged', onCaller);
    caller.off('isSpeakingChanged', onSpeaking);
    alex.stop();
  };
  return { emulator, agent: alex.agent, call, caller, seen, stopWatching };
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

  it('refuses a second createTeamsCallAgent made while the first is still connecting, with 409/40230', async () => {
    const baseline = listenerCount();
    const { emulator } = await setUp();
    const client = new CallClient();
    const token = () => new AzureCommunicationTokenCredential(emulator.tokenFor('alex'));
    const forged = new AzureCommunicationTokenCredential(
      emulator.tokenFor('alex').replace(/\.[^.]*$/, '.forged'),
    );
    await assert.rejects(client.createTeamsCallAgent(forged), { code: 401, subCode: 10009 });

    // A failed creation leaves the client free; of two concurrent ones, only the first succeeds.
    const [first, second] = await Promise.allSettled([
      client.createTeamsCallAgent(token()),
      client.createTeamsCallAgent(token()),
    ]);
    assert.equal(first.status, 'fulfilled');
    assert.equal(second.status, 'rejected');
    assert.equal(second.status === 'rejected' && second.reason.code, 409);
    assert.equal(second.status === 'rejected' && second.reason.subCode, 40230);
    await emulator.settle();
    assert.equal(emulator.world.signedInEndpoints().length, 1);

    await client.dispose();
    await emulator.settle();
    assert.equal(emulator.world.signedInEndpoints().length, 0);
    assert.equal(listenerCount(), baseline);
  });

  it('reports one listener count per client, covering its device manager and DebugInfo too', async () => {
    const baseline = listenerCount();
    const { emulator } = await setUp();
    const client = new CallClient();
    const onDevices = () => undefined;
    const onTab = () => undefined;
    const onIncoming = () => undefined;
    const devices = await client.getDeviceManager();
    devices.on('audioDevicesUpdated', onDevices);
    // Typed as consumers see it: they compile against the SDK's `Features`.
    const DebugInfo = Features.DebugInfo as unknown as typeof SdkFeatures.DebugInfo;
    const debugInfo = client.feature(DebugInfo);
    assert.equal(client.feature(DebugInfo), debugInfo);
    debugInfo.on('isCallClientActiveInAnotherTabChanged', onTab);
    const agent = await client.createTeamsCallAgent(
      new AzureCommunicationTokenCredential(emulator.tokenFor('alex')),
    );
    agent.on('incomingCall', onIncoming);
    await emulator.settle();
    assert.deepEqual(emulator.world.listenerCounts().consoles, [
      { userKey: 'alex', displayName: 'Alex Rivera', listeners: 3 },
    ]);

    devices.off('audioDevicesUpdated', onDevices);
    debugInfo.off('isCallClientActiveInAnotherTabChanged', onTab);
    await emulator.settle();
    assert.equal(emulator.world.listenerCounts().total, 1);
    agent.off('incomingCall', onIncoming);
    await emulator.settle();
    assert.equal(emulator.world.listenerCounts().total, 0);
    assert.equal(listenerCount(), baseline);
    await client.dispose();
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

  it('reports a long drop: Disconnected at once with its calls, which end 496/7 once the window passes', async () => {
    const { emulator, signIn } = await setUp();
    const alex = await signIn('alex');
    emulator.world.enqueuePhoneCall({ talkMs: 600_000 });
    await emulator.settle();
    const call = await alex.ringing[0].accept();
    const changes: string[] = [];
    const onConnection = (a: { newValue: string; reason?: string }) =>
      changes.push(`${a.newValue} ${a.reason}`);
    alex.agent.on('connectionStateChanged', onConnection);
    emulator.world.dropConnection('alex', 180);
    await emulator.settle();
    assert.deepEqual(changes, ['Disconnected connectionIssue']);
    assert.equal(alex.agent.connectionState, 'Disconnected');
    assert.equal(call.state, 'Connected');
    await assert.rejects(call.mute(), { code: 408, subCode: 40114, message: /being re-established/ });
    await emulator.advance(RESUME_WINDOW_MS);
    assert.deepEqual(call.callEndReason, { code: 496, subCode: 7 });
    assert.deepEqual(changes, ['Disconnected connectionIssue']);
    alex.agent.off('connectionStateChanged', onConnection);
    alex.stop();
  });

  it('says clearly what it does not model (screen sharing), with 501', async () => {
    const { emulator, signIn } = await setUp();
    const alex = await signIn('alex');
    emulator.world.enqueuePhoneCall({ talkMs: 60_000 });
    await emulator.settle();
    const call = await alex.ringing[0].accept();
    await assert.rejects(call.startScreenSharing(), {
      code: 501,
      message: /startScreenSharing is not modelled/,
    });
    await call.hangUp();
    alex.stop();
  });

  it('has a caller who hangs up mid-sentence stop speaking before turning Disconnected', async () => {
    const baseline = listenerCount();
    const { emulator, caller, seen, stopWatching } = await callWithCallerSpeaking();
    await emulator.advance(1);
    assert.deepEqual(seen, [
      'caller isSpeaking false',
      'caller Disconnected 0/560000',
      'caller removed',
      'call Disconnecting',
      'call Disconnected 0/560000',
    ]);
    assert.equal(caller.isSpeaking, false);
    stopWatching();
    assert.equal(listenerCount(), baseline);
  });

  it('ends the caller Disconnected 0/0 and empties the roster before the call ends, when the agent hangs up', async () => {
    const baseline = listenerCount();
    const { emulator, call, caller, seen, stopWatching } = await callWithCallerSpeaking(600_000);
    await call.hangUp();
    await emulator.settle();
    assert.deepEqual(seen, [
      'caller isSpeaking false',
      'caller Disconnected 0/0',
      'caller removed',
      'call Disconnecting',
      'call Disconnected 0/0',
    ]);
    assert.equal(caller.state, 'Disconnected');
    assert.deepEqual(caller.callEndReason, { code: 0, subCode: 0 });
    assert.deepEqual(call.remoteParticipants, []);
    stopWatching();
    assert.equal(listenerCount(), baseline);
  });

  it('ends the caller, then the call, Disconnected 0/0 when the agent is disposed', async () => {
    const baseline = listenerCount();
    const { agent, call, caller, seen, stopWatching } = await callWithCallerSpeaking(600_000);
    await agent.dispose();
    assert.deepEqual(seen, [
      'caller isSpeaking false',
      'caller Disconnected 0/0',
      'caller removed',
      'call Disconnecting',
      'call Disconnected 0/0',
    ]);
    assert.deepEqual(caller.callEndReason, { code: 0, subCode: 0 });
    assert.deepEqual(call.remoteParticipants, []);
    stopWatching();
    assert.equal(listenerCount(), baseline);
  });

  it('ends the caller, then the call, Disconnected 496/7 when a drop outlasts the window', async () => {
    const baseline = listenerCount();
    const { emulator, agent, call, caller, seen, stopWatching } = await callWithCallerSpeaking(600_000);
    emulator.world.dropConnection('alex', 3600);
    await emulator.advance(RESUME_WINDOW_MS);
    assert.deepEqual(seen, [
      'caller isSpeaking false',
      'caller Disconnected 496/7',
      'caller removed',
      'call Disconnecting',
      'call Disconnected 496/7',
    ]);
    assert.deepEqual(caller.callEndReason, { code: 496, subCode: 7 });
    assert.deepEqual(call.remoteParticipants, []);
    assert.equal(agent.connectionState, 'Disconnected');
    stopWatching();
    assert.equal(listenerCount(), baseline);
  });
});
