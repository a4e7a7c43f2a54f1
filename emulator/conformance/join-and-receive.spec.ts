import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TeamsCall, TeamsCallAgent, TeamsIncomingCall } from '@azure/communication-calling';
import { AzureCommunicationTokenCredential } from '@azure/communication-common';
import { CallClient } from '../client';
import { documentedWorld } from './documented-world';

/**
 * Microsoft's "Manage calls for Teams users" documentation: "Join a Teams meeting" (its three
 * locators and the meeting ID + passcode rules) and "Receive a Teams incoming call".
 */
describe('Manage calls for Teams users: join a Teams meeting', () => {
  async function joinWorld() {
    const context = await documentedWorld();
    const agent = (key: string) =>
      new CallClient().createTeamsCallAgent(new AzureCommunicationTokenCredential(context.userToken(key)));
    const meeting = context.world.meetings.list().find((m) => !m.lobby)!;
    return { ...context, agent, meeting };
  }

  it('joins by meeting URL, by thread/organizer/tenant/message ids, and by meeting code + passcode: the same meeting', async () => {
    const { emulator, agent, meeting, finish } = await joinWorld();
    const calls: TeamsCall[] = [];
    const agents: TeamsCallAgent[] = [];
    {
      const teamsCallAgent = await agent('alex');
      agents.push(teamsCallAgent);
      // --- sample ---
      const meetingCall = teamsCallAgent.join({ meetingLink: meeting.link });
      // --- end of sample ---
      calls.push(meetingCall);
    }
    {
      const teamsCallAgent = await agent('blake');
      agents.push(teamsCallAgent);
      // The sample does not compile against the SDK's typings, whose `TeamsCallAgent.join` declares
      // only the link and ID locators; it runs as written (cast), and the SDK's bundle takes it too.
      // --- sample ---
      const meetingCall = teamsCallAgent.join({
        threadId: meeting.threadId,
        organizerId: meeting.organizerId,
        tenantId: meeting.tenantId,
        messageId: meeting.messageId,
      } as never);
      // --- end of sample ---
      calls.push(meetingCall);
    }
    {
      const teamsCallAgent = await agent('casey');
      agents.push(teamsCallAgent);
      // --- sample ---
      const meetingCall = teamsCallAgent.join({ meetingId: meeting.meetingId, passcode: meeting.passcode });
      // --- end of sample ---
      calls.push(meetingCall);
    }
    await emulator.settle();
    const serverIds = await Promise.all(calls.map((call) => call.info.getServerCallId()));
    assert.equal(new Set(serverIds).size, 1, 'one meeting');
    // "participants have the same experience" whichever way they joined.
    for (const call of calls) {
      assert.equal(call.state, 'Connected');
      assert.equal(call.info.threadId, meeting.threadId);
      assert.equal(call.remoteParticipants.length, 3, 'the two others and the organizer');
    }
    await finish(...agents);
  });

  it('needs both meeting ID (12 digits) and passcode (6 characters, case-sensitive)', async () => {
    const { emulator, agent, meeting, finish } = await joinWorld();
    const teamsCallAgent = await agent('alex');
    assert.throws(() => teamsCallAgent.join({ meetingId: meeting.meetingId }), { code: 400, subCode: 49005 });
    assert.throws(
      () => teamsCallAgent.join({ meetingId: meeting.meetingId.slice(1), passcode: meeting.passcode }),
      {
        code: 400,
        subCode: 49005,
      },
    );
    assert.throws(() => teamsCallAgent.join({ meetingId: meeting.meetingId, passcode: 'abc' }), {
      code: 400,
      subCode: 49005,
    });
    const wrongCase = teamsCallAgent.join({
      meetingId: meeting.meetingId,
      passcode:
        meeting.passcode.toLowerCase() === meeting.passcode
          ? meeting.passcode.toUpperCase()
          : meeting.passcode.toLowerCase(),
    });
    await emulator.settle();
    assert.deepEqual(wrongCase.callEndReason, { code: 404 });
    await finish(teamsCallAgent);
  });
});

describe('Manage calls for Teams users: receive a Teams incoming call', () => {
  it('runs the documented handler: id, info (preview), callerInfo, accept, callEnded with its callEndReason', async () => {
    const { emulator, userToken, userId, colleagueConsole, track, finish } = await documentedWorld();
    const teamsCallAgent = await new CallClient().createTeamsCallAgent(
      new AzureCommunicationTokenCredential(userToken('blake')),
    );
    const alex = await colleagueConsole('alex');
    const seen: Record<string, unknown> = {};
    const handled: Promise<void>[] = [];

    // The sample accepts the call and then rejects it, which cannot both happen: the reject is
    // refused (41007, the call no longer rings) and is awaited here as such. `incomingCall.info`
    // is a preview API; the emulator has it. The callEnded listener is removed at the end.
    // --- sample ---
    const incomingCallHandler = async (args: { teamsIncomingCall: TeamsIncomingCall }) => {
      const incomingCall = args.teamsIncomingCall;
      // Get Teams incoming call ID
      const incomingCallId = incomingCall.id;
      // Get information about this Call. This API is provided as a preview for developers
      // and may change based on feedback that we receive. Do not use this API in a production environment.
      // To use this API please use 'beta' release of Azure Communication Services Calling Web SDK
      const callInfo = incomingCall.info;
      // Get information about caller
      const callerInfo = incomingCall.callerInfo;
      // Accept the call
      const teamsCall = await incomingCall.accept();
      // Reject the call
      await assert.rejects(incomingCall.reject(), { code: 400, subCode: 41007 });
      // Subscribe to callEnded event and get the call end reason
      const onEnded = (args: { callEndReason: unknown }) => {
        seen['callEnded'] = args.callEndReason;
      };
      incomingCall.on('callEnded', onEnded);
      track(() => incomingCall.off('callEnded', onEnded));
      // callEndReason is also a property of IncomingCall
      const callEndReason = incomingCall.callEndReason;
      Object.assign(seen, { incomingCallId, callInfo, callerInfo, teamsCall, callEndReason });
    };
    const handler = (args: { teamsIncomingCall: TeamsIncomingCall }) =>
      void handled.push(incomingCallHandler(args));
    teamsCallAgent.on('incomingCall', handler as never);
    // --- end of sample ---
    track(() => teamsCallAgent.off('incomingCall', handler as never));

    const call = alex.agent.startCall({ microsoftTeamsUserId: userId('blake') });
    await emulator.settle();
    await Promise.all(handled);
    const teamsCall = seen['teamsCall'] as TeamsCall;
    assert.equal(seen['incomingCallId'], teamsCall.id);
    assert.equal((seen['callerInfo'] as { displayName: string }).displayName, 'Alex Rivera');
    assert.equal(typeof (seen['callInfo'] as { getServerCallId: unknown }).getServerCallId, 'function');
    assert.equal(seen['callEndReason'], undefined, 'not ended yet');
    assert.equal(teamsCall.state, 'Connected');
    await call.hangUp();
    await emulator.settle();
    assert.deepEqual(seen['callEnded'], { code: 0, subCode: 0 });
    await finish(teamsCallAgent);
  });

  it('rejects: the caller’s call ends 603/0 and the incoming call’s callEnded says so', async () => {
    const { emulator, userToken, userId, colleagueConsole, track, finish } = await documentedWorld();
    const teamsCallAgent = await new CallClient().createTeamsCallAgent(
      new AzureCommunicationTokenCredential(userToken('blake')),
    );
    const alex = await colleagueConsole('alex');
    const ended: unknown[] = [];
    const incomingCallHandler = async (args: { teamsIncomingCall: TeamsIncomingCall }) => {
      const incomingCall = args.teamsIncomingCall;
      const onEnded = (args: { callEndReason: unknown }) => ended.push(args.callEndReason);
      incomingCall.on('callEnded', onEnded);
      track(() => incomingCall.off('callEnded', onEnded));
      // Reject the call
      await incomingCall.reject();
    };
    teamsCallAgent.on('incomingCall', incomingCallHandler as never);
    track(() => teamsCallAgent.off('incomingCall', incomingCallHandler as never));
    const call = alex.agent.startCall({ microsoftTeamsUserId: userId('blake') });
    await emulator.settle();
    assert.deepEqual(ended, [{ code: 603, subCode: 0 }]);
    assert.deepEqual(call.callEndReason, { code: 603, subCode: 0 });
    await finish(teamsCallAgent);
  });
});
