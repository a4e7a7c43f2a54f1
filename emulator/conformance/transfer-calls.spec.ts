import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TeamsCall, TransferCallFeature } from '@azure/communication-calling';
import { AzureCommunicationTokenCredential } from '@azure/communication-common';
import { CallClient, Features } from '../client';
import { documentedWorld } from './documented-world';

/**
 * Microsoft's "Transfer calls" how-to (calling SDK, JavaScript): `call.feature(Features.Transfer)`,
 * `transfer({ targetParticipant })` and `transfer({ targetCallId })`, the `Transfer` followed
 * through `stateChanged`, in the shape the page's samples use, against the emulator's module.
 */
async function alexCallsANumber() {
  const world = await documentedWorld();
  const teamsCallAgent = await new CallClient().createTeamsCallAgent(
    new AzureCommunicationTokenCredential(world.userToken('alex')),
  );
  const call = teamsCallAgent.startCall({ phoneNumber: '+14255550123' });
  await world.emulator.advance(5_000);
  assert.equal(call.state, 'Connected');
  return { ...world, teamsCallAgent, call };
}

const transferApiOf = (call: TeamsCall) => call.feature(Features.Transfer as never) as TransferCallFeature;

describe('Transfer calls', () => {
  it('transfers a call to a participant: the transfer goes Transferring, then Transferred once they answer, and the call ends', async () => {
    const { emulator, userId, colleagueConsole, track, finish, teamsCallAgent, call } =
      await alexCallsANumber();
    const blake = await colleagueConsole('blake');
    const states: string[] = [];

    // --- sample ---
    const callTransferApi = transferApiOf(call);
    const id = { microsoftTeamsUserId: userId('blake') };
    const transfer = callTransferApi.transfer({ targetParticipant: id });
    const onState = () => states.push(transfer.state);
    transfer.on('stateChanged', onState);
    // --- end of sample ---
    track(() => transfer.off('stateChanged', onState));

    await emulator.settle();
    assert.deepEqual(states, ['Transferring']);
    await blake.ringing[0].accept();
    await emulator.settle();
    assert.deepEqual(states, ['Transferring', 'Transferred']);
    assert.equal(transfer.error, undefined);
    assert.equal(call.state, 'Disconnected');
    assert.deepEqual(call.callEndReason, { code: 0, subCode: 7015 });
    await finish(teamsCallAgent);
  });

  it('transfers a call to another call (consult first): both of the transferor’s calls end', async () => {
    const { emulator, userId, colleagueConsole, finish, teamsCallAgent, call } = await alexCallsANumber();
    const blake = await colleagueConsole('blake');
    await call.hold();
    const consult = teamsCallAgent.startCall({ microsoftTeamsUserId: userId('blake') });
    await emulator.settle();
    const blakeCall = await blake.ringing[0].accept();
    await emulator.settle();

    // --- sample ---
    const callTransferApi = transferApiOf(call);
    const transfer = callTransferApi.transfer({ targetCallId: consult.id });
    // --- end of sample ---

    await emulator.settle();
    assert.equal(transfer.state, 'Transferred');
    assert.deepEqual(teamsCallAgent.calls, []);
    assert.deepEqual(
      blakeCall.remoteParticipants.map((p) => p.identifier),
      [{ kind: 'phoneNumber', phoneNumber: '+14255550123', rawId: '4:+14255550123' }],
    );
    await blakeCall.hangUp();
    await finish(teamsCallAgent);
  });

  it('says why a transfer failed in `error`, and the call goes on', async () => {
    const { emulator, userId, finish, teamsCallAgent, call } = await alexCallsANumber();
    const transfer = transferApiOf(call).transfer({
      targetParticipant: { microsoftTeamsUserId: userId('jordan') },
    });
    await emulator.advance(2_000);
    assert.equal(transfer.state, 'Failed');
    assert.deepEqual(transfer.error, { code: 603, subCode: 0 });
    assert.equal(call.state, 'LocalHold');
    await call.hangUp();
    await finish(teamsCallAgent);
  });
});
