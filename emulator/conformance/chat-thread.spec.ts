import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AzureCommunicationTokenCredential } from '@azure/communication-common';
import { CallClient } from '../client';
import { documentedWorld } from './documented-world';

/**
 * Microsoft's "Manage calls for Teams users" documentation: "Manage chat thread", its scenario
 * step by step (Alice is Alex, Bob is Blake, Charlie is Casey, Dan is Riley, a colleague the world
 * plays; the Graph steps act on the world's chat threads, as the emulator's Graph does), its
 * information barrier, and its recommendation for escalating a 1:1 phone call.
 */
describe('Manage calls for Teams users: manage chat thread', () => {
  it('runs the scenario: a chat for Alice, Bob and Charlie; Alice calls them; Dan is added to chat and call, then removed from both', async () => {
    const { emulator, world, userToken, userId, colleagueConsole, finish } = await documentedWorld();
    const teamsCallAgent = await new CallClient().createTeamsCallAgent(
      new AzureCommunicationTokenCredential(userToken('alex')),
    );
    const bob = await colleagueConsole('blake');
    const charlie = await colleagueConsole('casey');
    // Create a chat thread between Alice, Bob, and Charlie. Keep the chat threadId for later.
    const thread = world.threads.create(
      { members: ['alex', 'blake', 'casey'].map(userId) },
      world.clock.now(),
    );
    const threadId = thread.id;
    // Alice calls Bob and Charlie using startCall method on TeamsCallAgent instance.
    const call = teamsCallAgent.startCall(
      [{ microsoftTeamsUserId: userId('blake') }, { microsoftTeamsUserId: userId('casey') }],
      { threadId },
    );
    await emulator.settle();
    const bobCall = await bob.ringing[0].accept();
    await charlie.ringing[0].accept();
    await emulator.settle();
    // Add Dan to chat thread with threadId using Chat Graph API to add member
    world.threads.addMember(threadId, userId('riley'));
    // Alice adds Dan to the call using addParticipant method on call and specifies the threadId
    const dan = call.addParticipant({ microsoftTeamsUserId: userId('riley') }, { threadId });
    await emulator.advance(3_000);
    assert.equal(dan.state, 'Connected');
    assert.equal(bobCall.remoteParticipants.length, 3, 'Bob sees Alice, Charlie and Dan');
    // 3 minutes later, Alice removes Dan from the call using removeParticipant
    await emulator.advance(3 * 60_000);
    await call.removeParticipant({ microsoftTeamsUserId: userId('riley') });
    assert.equal(call.remoteParticipants.includes(dan), false);
    // Remove Dan from chat thread with threadId using Chat Graph API to remove member
    world.threads.removeMember(threadId, userId('riley'));
    assert.deepEqual([...thread.members], ['alex', 'blake', 'casey'].map(userId));
    await emulator.settle();
    assert.equal(bobCall.remoteParticipants.length, 2);
    await finish(teamsCallAgent);
  });

  it('refuses a Teams user who is not in the chat when the chat has an information barrier', async () => {
    const { emulator, world, userToken, userId, finish } = await documentedWorld();
    const teamsCallAgent = await new CallClient().createTeamsCallAgent(
      new AzureCommunicationTokenCredential(userToken('alex')),
    );
    const barred = world.threads.create(
      { members: [userId('alex')], informationBarrier: true },
      world.clock.now(),
    );
    const call = teamsCallAgent.startCall({ phoneNumber: '+14255550123' });
    await emulator.advance(5_000);
    const outsider = call.addParticipant({ microsoftTeamsUserId: userId('riley') }, { threadId: barred.id });
    await emulator.settle();
    assert.equal(outsider.state, 'Disconnected');
    assert.deepEqual(outsider.callEndReason, { code: 403, subCode: 49020 });
    // Added to the chat first, as the documentation advises, the user can join the call.
    world.threads.addMember(barred.id, userId('riley'));
    const member = call.addParticipant({ microsoftTeamsUserId: userId('riley') }, { threadId: barred.id });
    await emulator.advance(3_000);
    assert.equal(member.state, 'Connected');
    await finish(teamsCallAgent);
  });

  it('escalates a 1:1 phone call by adding another phone participant, with a chat of the Teams user and the all-zero member', async () => {
    const { emulator, userToken, threadId, finish } = await documentedWorld();
    const teamsCallAgent = await new CallClient().createTeamsCallAgent(
      new AzureCommunicationTokenCredential(userToken('alex')),
    );
    const call = teamsCallAgent.startCall({ phoneNumber: '+14255550123' });
    await emulator.advance(5_000);
    const chat = threadId('alex');
    const second = call.addParticipant({ phoneNumber: '+442079460199' }, { threadId: chat });
    await emulator.advance(5_000);
    assert.equal(second.state, 'Connected');
    assert.equal(call.info.threadId, chat);
    assert.deepEqual(
      call.remoteParticipants.map((p) => p.state),
      ['Connected', 'Connected'],
    );
    await finish(teamsCallAgent);
  });
});
