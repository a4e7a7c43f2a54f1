import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { TeamsIncomingCall } from '@azure/communication-calling';
import { AzureCommunicationTokenCredential } from '@azure/communication-common';
import { WebSocket } from 'ws';
import { CallClient, configure } from '../client';
import { webSocketTransport } from '../client/websocket-transport';
import { ManualClock } from '../engine/clock';
import { postJson } from '../testing/raw-clients';
import { startEmulator, type RunningEmulator } from './emulator-server';

/** Turns of the event loop until `done` holds (sockets and the server run on real I/O). */
async function until(done: () => boolean, what: string): Promise<void> {
  for (let turn = 0; turn < 10_000 && !done(); turn++) await new Promise((resolve) => setImmediate(resolve));
  assert.ok(done(), what);
}

describe('a console over the WebSocket, dropped by the control', () => {
  let emulator: RunningEmulator;

  before(async () => {
    emulator = await startEmulator({ port: 0, seed: 9, scenario: false });
  });
  after(async () => {
    await emulator.close();
  });

  it('comes back with its call after a blip, and ends at once when it closes itself', async () => {
    // The client's retries run on a clock of its own, so the test moves them without waiting.
    const timers = new ManualClock();
    configure({
      transport: webSocketTransport(emulator.url, WebSocket as unknown as typeof globalThis.WebSocket),
      timers,
    });
    const { token } = emulator.world.issueToken('alex');
    const agent = await new CallClient().createTeamsCallAgent(new AzureCommunicationTokenCredential(token));
    const states: string[] = [];
    const onState = (args: { newValue: string; reason?: string }) =>
      states.push(`${args.newValue}${args.reason ? ` (${args.reason})` : ''}`);
    agent.on('connectionStateChanged', onState);
    const ringing = new Promise<TeamsIncomingCall>((resolve) =>
      agent.on('incomingCall', ({ incomingCall }) => resolve(incomingCall)),
    );
    emulator.world.enqueuePhoneCall({ patienceMs: 600_000, talkMs: 600_000 });
    const call = await (await ringing).accept();

    const dropped = await postJson(emulator.url, '/emulator/connections/drop', { userKey: 'alex' });
    assert.deepEqual(dropped, { status: 200, body: { dropped: 1 } });
    await until(() => states.length === 1, 'the agent heard its socket was lost');
    assert.deepEqual(states, ['Disconnected (connectionIssue)']);
    assert.equal(call.state, 'Connected');

    timers.advance(500);
    await until(() => states.length === 2, 'the agent resumed');
    assert.deepEqual(states, ['Disconnected (connectionIssue)', 'Connected']);
    assert.equal(call.state, 'Connected');
    await call.hold();
    assert.equal(call.state, 'LocalHold');
    assert.equal(emulator.world.snapshot().calls[0]?.parties[1]?.leg?.state, 'LocalHold');

    agent.off('connectionStateChanged', onState);
    await agent.dispose();
    await until(() => emulator.world.signedInEndpoints().length === 0, 'the close ended the endpoint');
    assert.deepEqual(emulator.world.snapshot().calls, []);
    assert.equal(timers.pendingTimers, 0);
  });
});
