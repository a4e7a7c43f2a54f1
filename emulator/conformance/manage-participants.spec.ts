import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RemoteParticipant } from '@azure/communication-calling';
import { AzureCommunicationTokenCredential } from '@azure/communication-common';
import { CallClient, LocalVideoStream } from '../client';
import { FAKE_CAMERA } from '../testing/consoles';
import { documentedWorld } from './documented-world';

/**
 * Microsoft's "Manage calls for Teams users" documentation: "Mute and unmute", "Mute other
 * participants", "Manage remote participants", "Remote participants" and "Enable and disable video",
 * in a group call Alex places to Blake (a console) and a phone number, with its chat thread.
 */
async function groupCall() {
  const context = await documentedWorld();
  const { emulator, userToken, userId, threadId, colleagueConsole } = context;
  const teamsCallAgent = await new CallClient().createTeamsCallAgent(
    new AzureCommunicationTokenCredential(userToken('alex')),
  );
  const blake = await colleagueConsole('blake');
  const chat = threadId('alex', 'blake', 'riley');
  const call = teamsCallAgent.startCall(
    [{ microsoftTeamsUserId: userId('blake') }, { phoneNumber: '+14255550123' }],
    {
      threadId: chat,
    },
  );
  await emulator.settle();
  const blakeCall = await blake.ringing[0].accept();
  await emulator.advance(5_000);
  return { ...context, teamsCallAgent, call, blakeCall, chat };
}

describe('Manage calls for Teams users: mute', () => {
  it('mutes and unmutes the local device', async () => {
    const { call, blakeCall, emulator, teamsCallAgent, finish } = await groupCall();
    // --- sample ---
    //mute local device
    await call.mute();
    //unmute local device
    await call.unmute();
    // --- end of sample ---
    assert.equal(call.isMuted, false);
    await call.mute();
    await emulator.settle();
    assert.equal(blakeCall.remoteParticipants[0].isMuted, true, 'the others see the local mute');
    await finish(teamsCallAgent);
  });

  it('mutes all other participants, and a specific one; the muted console hears of it (mutedByOthers)', async () => {
    const { call, blakeCall, emulator, teamsCallAgent, track, finish } = await groupCall();
    let mutedByOthers = 0;
    const onMutedByOthers = () => mutedByOthers++;
    blakeCall.on('mutedByOthers', onMutedByOthers);
    track(() => blakeCall.off('mutedByOthers', onMutedByOthers));
    // --- sample ---
    //mute all participants except yourself
    await call.muteAllRemoteParticipants();
    // --- end of sample ---
    await emulator.settle();
    assert.deepEqual(
      call.remoteParticipants.map((p) => p.isMuted),
      [true, true],
    );
    assert.equal(blakeCall.isMuted, true);
    assert.equal(mutedByOthers, 1);
    await blakeCall.unmute();
    // --- sample ---
    //mute a specific participant
    await call.remoteParticipants[0].mute();
    // --- end of sample ---
    await emulator.settle();
    assert.equal(blakeCall.isMuted, true);
    assert.equal(mutedByOthers, 2);
    await finish(teamsCallAgent);
  });
});

describe('Manage calls for Teams users: manage remote participants', () => {
  it('lists, adds (synchronously, with the thread) and removes a Teams user and a phone number', async () => {
    const { call, emulator, teamsCallAgent, userId, chat, track, finish } = await groupCall();
    const updates: string[] = [];
    const onUpdated = (args: { added: RemoteParticipant[]; removed: RemoteParticipant[] }) =>
      updates.push(`+${args.added.length} -${args.removed.length}`);
    call.on('remoteParticipantsUpdated', onUpdated);
    track(() => call.off('remoteParticipantsUpdated', onUpdated));

    // --- sample ---
    const participants = call.remoteParticipants; // [remoteParticipant, remoteParticipant....]
    // --- end of sample ---
    assert.equal(participants.length, 2);

    {
      // --- sample ---
      const teamsUser = { microsoftTeamsUserId: userId('riley') };
      const phoneUser = { phoneNumber: '+14255550124' };
      const remoteParticipant = call.addParticipant(teamsUser, { threadId: chat });
      const remoteParticipant2 = call.addParticipant(phoneUser, { threadId: chat });
      // --- end of sample ---
      assert.deepEqual([remoteParticipant.state, remoteParticipant2.state], ['Idle', 'Idle']);
      assert.deepEqual(updates, ['+1 -0', '+1 -0']);
      await emulator.advance(5_000);
      assert.deepEqual([remoteParticipant.state, remoteParticipant2.state], ['Connected', 'Connected']);
    }
    {
      // --- sample ---
      const teamsUser = { microsoftTeamsUserId: userId('riley') };
      const phoneUser = { phoneNumber: '+14255550124' };
      await call.removeParticipant(teamsUser);
      await call.removeParticipant(phoneUser);
      // --- end of sample ---
      assert.equal(call.remoteParticipants.length, 2, 'resolved once they left remoteParticipants');
      assert.deepEqual(updates.slice(2), ['+0 -1', '+0 -1']);
    }
    await finish(teamsCallAgent);
  });

  it('reads a remote participant as documented: identifier, state, callEndReason, isMuted, isSpeaking, videoStreams, displayName', async () => {
    const { call, blakeCall, emulator, teamsCallAgent, finish } = await groupCall();
    const remoteParticipant = call.remoteParticipants[1];
    await emulator.advance(10_000);
    // --- sample ---
    const identifier = remoteParticipant.identifier;
    const state = remoteParticipant.state;
    const isMuted = remoteParticipant.isMuted;
    const isSpeaking = remoteParticipant.isSpeaking;
    const videoStreams = remoteParticipant.videoStreams; // [RemoteVideoStream, ...]
    const displayName = remoteParticipant.displayName;
    // --- end of sample ---
    assert.equal(identifier.kind, 'phoneNumber');
    assert.equal(state, 'Connected');
    assert.equal(isMuted, false);
    assert.equal(typeof isSpeaking, 'boolean');
    assert.deepEqual(videoStreams, []);
    assert.equal(displayName, undefined, 'a number the directory does not know has no name');
    // "Communication Services calling SDK doesn't set this value for Teams users."
    assert.equal(call.remoteParticipants[0].displayName, undefined);

    const blakeSeen = call.remoteParticipants[0];
    await blakeCall.hangUp();
    await emulator.settle();
    {
      const remoteParticipant = blakeSeen;
      // --- sample ---
      const callEndReason = remoteParticipant.callEndReason;
      const callEndReasonCode = callEndReason!.code;
      const callEndReasonSubCode = callEndReason!.subCode;
      // --- end of sample ---
      assert.deepEqual([callEndReasonCode, callEndReasonSubCode], [0, 0]);
      assert.equal(remoteParticipant.state, 'Disconnected');
    }
    await finish(teamsCallAgent);
  });

  it('enables and disables video: localVideoStreams here, the participant’s videoStreams there', async () => {
    const { call, blakeCall, emulator, teamsCallAgent, finish } = await groupCall();
    const camera = new LocalVideoStream(FAKE_CAMERA);
    await call.startVideo(camera as never);
    await emulator.settle();
    assert.deepEqual(call.localVideoStreams, [camera]);
    const alexSeen = blakeCall.remoteParticipants.find((p) => p.identifier.kind === 'microsoftTeamsUser')!;
    assert.equal(alexSeen.videoStreams[0].isAvailable, true);
    await call.stopVideo(camera as never);
    await emulator.settle();
    assert.deepEqual(call.localVideoStreams, []);
    assert.equal(alexSeen.videoStreams[0].isAvailable, false);
    await finish(teamsCallAgent);
  });
});
