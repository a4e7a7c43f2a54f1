import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { TeamsIncomingCall, TransferCallFeature } from '@azure/communication-calling';
import { AzureCommunicationTokenCredential } from '@azure/communication-common';
import { createStatefulCallClient, type StatefulCallClient } from '@azure/communication-react';
// The same module the UI library gets for its `import ... from '@azure/communication-calling'`:
// the bundle aliases the package name to this file (see run.mjs).
import { configure, Features, listenerCount } from '../../client';
import { USERS } from '../../engine/directory';
import { createInMemoryEmulator } from '../../testing/in-memory';

/**
 * Microsoft's StatefulCallClient, written by nobody here, follows a queued call on the emulator:
 * the state it keeps is the proof that the emulator's objects behave as the SDK's do.
 */
describe("Microsoft's StatefulCallClient on the emulator", () => {
  const emulator = createInMemoryEmulator({ seed: 5 });
  configure({ transport: emulator.transport });
  const alex = USERS.find((user) => user.key === 'alex')!;
  const baseline = listenerCount();
  let client: StatefulCallClient;
  let transferring: StatefulCallClient;

  const alexId = { kind: 'microsoftTeamsUser', microsoftTeamsUserId: alex.microsoftTeamsUserId } as const;

  /** Alex's agent on a stateful client, recording what rings it (`onIncoming` to remove). */
  const signIn = async (stateful: StatefulCallClient) => {
    const agent = await stateful.createTeamsCallAgent(
      new AzureCommunicationTokenCredential(emulator.tokenFor('alex')),
    );
    const ringing: TeamsIncomingCall[] = [];
    const onIncoming = ({ incomingCall }: { incomingCall: TeamsIncomingCall }) => ringing.push(incomingCall);
    agent.on('incomingCall', onIncoming);
    return { agent, ringing, onIncoming };
  };

  after(async () => {
    await client?.dispose();
    await transferring?.dispose();
  });

  it('follows a queued call from ringing to ended, and leaves no listener behind', async () => {
    client = createStatefulCallClient({ userId: alexId });
    const { agent, ringing, onIncoming } = await signIn(client);
    const state = () => client.getState();

    emulator.world.enqueuePhoneCall({ patienceMs: 60_000, talkMs: 600_000 });
    await emulator.settle();
    assert.equal(ringing.length, 1);
    const incoming = ringing[0];
    assert.deepEqual(Object.keys(state().incomingCalls), [incoming.id]);
    const callerId = incoming.callerInfo.identifier;
    assert.equal(state().incomingCalls[incoming.id].callerInfo.identifier, callerId);

    const call = await incoming.accept();
    await emulator.settle();
    const live = () => state().calls[call.id];
    assert.equal(live()?.state, 'Connected');
    assert.equal(live().direction, 'Incoming');
    const participants = Object.values(live().remoteParticipants);
    assert.equal(participants.length, 1);
    assert.deepEqual(participants[0].identifier, callerId);
    assert.equal(participants[0].displayName, incoming.callerInfo.displayName);
    assert.equal(participants[0].state, 'Connected');
    // The library is listening now (calls, participants, features): the baseline below means something.
    assert.ok(listenerCount() > baseline + 10, `only ${listenerCount() - baseline} listeners on a live call`);

    await call.mute();
    await emulator.settle();
    assert.equal(live().isMuted, true);
    await call.unmute();
    await emulator.settle();
    assert.equal(live().isMuted, false);

    await call.hold();
    await emulator.settle();
    assert.equal(live().state, 'LocalHold');
    await call.resume();
    await emulator.settle();
    assert.equal(live().state, 'Connected');

    await call.hangUp();
    await emulator.settle();
    assert.equal(state().calls[call.id], undefined);
    const ended = state().callsEnded[call.id];
    assert.equal(ended?.state, 'Disconnected');
    assert.deepEqual(ended.callEndReason, { code: 0, subCode: 0 });

    agent.off('incomingCall', onIncoming);
    await agent.dispose();
    await emulator.settle();
    assert.equal(listenerCount(), baseline);
  });

  it('transfers a call through its Transfer feature: Transferred, then the call ends 0/7015 in its state', async () => {
    const before = listenerCount();
    transferring = createStatefulCallClient({ userId: alexId });
    const { agent, ringing, onIncoming } = await signIn(transferring);
    emulator.world.enqueuePhoneCall({ patienceMs: 60_000, talkMs: 600_000 });
    await emulator.settle();
    const call = await ringing[0].accept();
    await emulator.settle();

    // Through the library's proxy of the feature, as a console using it would.
    const feature = call.feature(Features.Transfer as never) as TransferCallFeature;
    const transfer = feature.transfer({ targetParticipant: { phoneNumber: '+14255550123' } });
    const states: string[] = [];
    const onState = () => states.push(transfer.state);
    transfer.on('stateChanged', onState);
    await emulator.settle();
    assert.equal(transferring.getState().calls[call.id]?.state, 'LocalHold');
    await emulator.advance(5_000);
    assert.deepEqual(states, ['Transferring', 'Transferred']);
    assert.equal(transferring.getState().calls[call.id], undefined);
    assert.deepEqual(transferring.getState().callsEnded[call.id]?.callEndReason, { code: 0, subCode: 7015 });

    transfer.off('stateChanged', onState);
    agent.off('incomingCall', onIncoming);
    await agent.dispose();
    await emulator.settle();
    assert.equal(listenerCount(), before);
  });
});
