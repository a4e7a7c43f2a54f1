import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { TeamsIncomingCall } from '@azure/communication-calling';
import { AzureCommunicationTokenCredential } from '@azure/communication-common';
import { WebSocket } from 'ws';
import { CallClient, configure } from '../client';
import { webSocketTransport } from '../client/websocket-transport';
import { startEmulator, type RunningEmulator } from './emulator-server';

describe('emulator server', () => {
  let emulator: RunningEmulator;
  const api = async (path: string, init: RequestInit = {}) => {
    const response = await fetch(`${emulator.url}${path}`, {
      ...init,
      headers: { 'Content-Type': 'application/json', ...init.headers },
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    api(path, { method: 'POST', body: JSON.stringify(body), headers });

  before(async () => {
    emulator = await startEmulator({ port: 0, seed: 9, scenario: false });
  });
  after(async () => {
    await emulator.close();
  });

  it('exchanges a sign-in access token for an ACS token in the production server’s shape', async () => {
    const { body: signIn } = await post('/emulator/sign-in', { userKey: 'blake' });
    const { status, body } = await post(
      '/api/token',
      {},
      { Authorization: `Bearer ${String(signIn['accessToken'])}` },
    );
    assert.equal(status, 200);
    assert.match(String(body['token']), /^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
    assert.ok(Date.parse(String(body['expiresOn'])) > Date.now());
    assert.deepEqual(body['user'], {
      key: 'blake',
      displayName: 'Blake Chen',
      role: 'agent',
      microsoftTeamsUserId: '00000000-0000-4000-8000-00000000a002',
    });
  });

  it('answers bad input with a status and a message that says what to fix', async () => {
    assert.deepEqual(await post('/api/token', {}, { Authorization: 'Bearer nonsense' }), {
      status: 401,
      body: { error: 'Sign in again: the access token is missing, unknown or expired.' },
    });
    assert.equal((await post('/emulator/sign-in', { userKey: 'mallory' })).status, 400);
    assert.deepEqual(await post('/emulator/queue/calls', { from: '0800 123' }), {
      status: 400,
      body: {
        error: '"0800 123" is not an E.164 phone number (a + and up to 15 digits, e.g. +14255550123).',
      },
    });
    assert.equal((await post('/emulator/scenario', { patienceSeconds: [30, 10] })).status, 400);
    assert.equal((await post('/emulator/faults', { op: 'mute' })).status, 400);
    assert.equal((await api('/nowhere')).status, 404);
  });

  it('serves a console over the WebSocket: a queued call rings it, and its listeners are counted', async () => {
    configure({
      transport: webSocketTransport(emulator.url, WebSocket as unknown as typeof globalThis.WebSocket),
    });
    const { body } = await post('/emulator/sign-in', { userKey: 'alex' });
    const { body: token } = await post(
      '/api/token',
      {},
      { Authorization: `Bearer ${String(body['accessToken'])}` },
    );
    const agent = await new CallClient().createTeamsCallAgent(
      new AzureCommunicationTokenCredential(String(token['token'])),
    );
    const ringing = new Promise<TeamsIncomingCall>((resolve) =>
      agent.on('incomingCall', ({ incomingCall }) => resolve(incomingCall)),
    );

    const { status, body: placed } = await post('/emulator/queue/calls', {
      from: '+14255550160',
      queue: 'Sales',
      patienceSeconds: 60,
    });
    assert.equal(status, 201);
    const incoming = await ringing;
    assert.equal(incoming.id, placed['id']);
    assert.equal(incoming.transferorInfo?.displayName, 'Sales');

    const call = await incoming.accept();
    assert.equal(call.state, 'Connected');
    const state = await api('/emulator/state');
    assert.deepEqual((state.body['calls'] as { legs: unknown[] }[])[0].legs, [
      { userKey: 'alex', state: 'Connected', isMuted: false },
    ]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const listeners = await api('/emulator/listeners');
    assert.deepEqual(listeners.body['consoles'], [
      { userKey: 'alex', displayName: 'Alex Rivera', listeners: 1 },
    ]);

    await call.hangUp();
    await agent.dispose();
  });
});
