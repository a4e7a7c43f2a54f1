import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AzureCommunicationTokenCredential } from '@azure/communication-common';
import { AzureLogger, setLogLevel } from '@azure/logger';
import { CallClient } from '../client';
import { documentedWorld } from './documented-world';

/**
 * Microsoft's "Manage calls for Teams users" documentation: "Initialize required objects" and
 * "Place a call", each sample as written there (placeholders filled from the world), against the
 * emulator's module in place of `@azure/communication-calling`.
 */
describe('Manage calls for Teams users: initialize required objects', () => {
  it('creates a TeamsCallAgent from a token credential, and the device manager', async () => {
    const { userToken, finish } = await documentedWorld();
    const logged: unknown[][] = [];
    const originalLog = AzureLogger.log;

    // --- sample (with `require` as ES imports, and the log kept instead of printed) ---
    // Set the logger's log level
    setLogLevel('verbose');
    // Redirect log output to wherever desired. To console, file, buffer, REST API, etc...
    AzureLogger.log = (...args) => {
      logged.push(args); // Redirect log output to console
    };
    const callClient = new CallClient();
    const tokenCredential = new AzureCommunicationTokenCredential(userToken('alex'));
    const teamsCallAgent = await callClient.createTeamsCallAgent(tokenCredential);
    const deviceManager = await callClient.getDeviceManager();
    // --- end of sample ---

    AzureLogger.log = originalLog;
    setLogLevel('warning');
    assert.equal(String(teamsCallAgent.kind), 'TeamsCallAgent');
    assert.equal(teamsCallAgent.connectionState, 'Connected');
    assert.equal(typeof deviceManager.getCameras, 'function');
    await finish(callClient);
  });
});

describe('Manage calls for Teams users: place a call', () => {
  it('starts a one-to-one VoIP call to a Teams user: their console rings, and once answered the call is Connected', async () => {
    const { emulator, userToken, userId, colleagueConsole, finish } = await documentedWorld();
    const teamsCallAgent = await new CallClient().createTeamsCallAgent(
      new AzureCommunicationTokenCredential(userToken('alex')),
    );
    const blake = await colleagueConsole('blake');

    // --- sample ---
    const userCallee = { microsoftTeamsUserId: userId('blake') };
    const oneToOneCall = teamsCallAgent.startCall(userCallee);
    // --- end of sample ---

    await emulator.settle();
    assert.equal(oneToOneCall.state, 'Ringing');
    await blake.ringing[0].accept();
    await emulator.settle();
    assert.equal(oneToOneCall.state, 'Connected');
    assert.equal(oneToOneCall.direction, 'Outgoing');
    await oneToOneCall.hangUp();
    await finish(teamsCallAgent);
  });

  it('starts a one-to-one phone call to an E.164 number, through EarlyMedia to Connected', async () => {
    const { emulator, userToken, finish } = await documentedWorld();
    const teamsCallAgent = await new CallClient().createTeamsCallAgent(
      new AzureCommunicationTokenCredential(userToken('alex')),
    );
    const states: string[] = [];

    // --- sample ---
    const phoneCallee = { phoneNumber: '+14255550123' };
    const oneToOneCall = teamsCallAgent.startCall(phoneCallee);
    // --- end of sample ---

    const onState = () => states.push(oneToOneCall.state);
    oneToOneCall.on('stateChanged', onState);
    await emulator.advance(5_000);
    assert.deepEqual(states, ['Connecting', 'EarlyMedia', 'Connected']);
    oneToOneCall.off('stateChanged', onState);
    await oneToOneCall.hangUp();
    await finish(teamsCallAgent);
  });

  it('starts a group call to a Teams user and a phone number with the chat’s threadId, which the call keeps', async () => {
    const { emulator, userToken, userId, threadId, colleagueConsole, finish } = await documentedWorld();
    const teamsCallAgent = await new CallClient().createTeamsCallAgent(
      new AzureCommunicationTokenCredential(userToken('alex')),
    );
    const blake = await colleagueConsole('blake');
    const chat = threadId('alex', 'blake');

    // --- sample ---
    const userCallee = { microsoftTeamsUserId: userId('blake') };
    const phoneCallee = { phoneNumber: '+14255550123' };
    const groupCall = teamsCallAgent.startCall([userCallee, phoneCallee], { threadId: chat });
    // --- end of sample ---

    await emulator.settle();
    await blake.ringing[0].accept();
    await emulator.advance(5_000);
    // "Created TeamsCall instance has property threadId capturing this thread": it is `info.threadId`.
    assert.equal(groupCall.info.threadId, chat);
    assert.equal(groupCall.state, 'Connected');
    assert.deepEqual(
      groupCall.remoteParticipants.map((p) => p.state),
      ['Connected', 'Connected'],
    );
    await groupCall.hangUp();
    await finish(teamsCallAgent);
  });

  it('refuses a group call without the chat’s threadId, as the note says it requires one', async () => {
    const { userToken, userId, finish } = await documentedWorld();
    const teamsCallAgent = await new CallClient().createTeamsCallAgent(
      new AzureCommunicationTokenCredential(userToken('alex')),
    );
    const userCallee = { microsoftTeamsUserId: userId('blake') };
    const phoneCallee = { phoneNumber: '+14255550123' };
    assert.throws(() => teamsCallAgent.startCall([userCallee, phoneCallee]), { code: 400, subCode: 49001 });
    assert.deepEqual(teamsCallAgent.calls, []);
    await finish(teamsCallAgent);
  });
});
