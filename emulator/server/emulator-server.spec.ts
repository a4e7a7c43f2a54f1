import assert from 'node:assert/strict';
import { once } from 'node:events';
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

  /** A console's WebSocket without the client library: it sends whatever a test gives it. */
  const rawConsole = async () => {
    const socket = new WebSocket(`${emulator.url.replace(/^http/, 'ws')}/ws`);
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
    await once(socket, 'open');
    const results: unknown[] = [];
    socket.on('message', (data) => results.push(JSON.parse(String(data))));
    /** Sends a request and waits for its result: everything sent before it has been handled. */
    const request = async (requestId: number, operation: object) => {
      socket.send(JSON.stringify({ type: 'request', requestId, operation }));
      while (!results.some((r) => (r as { requestId?: number }).requestId === requestId))
        await once(socket, 'message');
    };
    return { socket, closed, request };
  };

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

  it('refuses a fault for an operation that does not exist, naming the ones that do', async () => {
    const { status, body } = await post('/emulator/faults', { op: 'mutee', code: 500 });
    assert.equal(status, 400);
    assert.match(
      String(body['error']),
      /"op" names the operation to fault: one of createTeamsCallAgent, accept, reject, mute, unmute, hold, resume, hangUp, .* \(not "mutee"\)\./,
    );
    assert.equal((await post('/emulator/faults', { op: 'toString', code: 500 })).status, 400);
    assert.equal((await post('/emulator/faults', { op: 'createTeamsCallAgent', delayMs: 1 })).status, 200);
    emulator.world.faults.clear();
  });

  it(
    'closes a socket whose message breaks the protocol with 1008 and a reason, and keeps serving',
    { timeout: 5_000 },
    async () => {
      for (const [text, reason] of [
        ['null', 'A message must be a JSON object.'],
        ['{"type":"request","requestId":1}', 'request: "operation.op" must name an operation.'],
        ['{"type":"request","requestId":1,"operation":{"op":"mute"}}', 'mute: "callId" must be a string.'],
      ]) {
        const { socket, closed } = await rawConsole();
        socket.send(text);
        assert.deepEqual(await closed, { code: 1008, reason }, text);
      }
      assert.deepEqual((await api('/health')).body, { ok: true });
    },
  );

  it(
    'closes a socket that sends a text frame of invalid UTF-8, and keeps serving',
    { timeout: 5_000 },
    async () => {
      // In `npm run emulator` an unhandled socket 'error' ends the process; under the test runner
      // it only surfaces as an uncaught exception, so the test watches for one.
      const uncaught: unknown[] = [];
      const onUncaught = (error: unknown) => uncaught.push(error);
      process.on('uncaughtException', onUncaught);
      try {
        const { socket, closed } = await rawConsole();
        socket.send(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), { binary: false });
        assert.equal((await closed).code, 1007);
        assert.deepEqual((await api('/health')).body, { ok: true });
        assert.deepEqual(uncaught, []);
      } finally {
        process.off('uncaughtException', onUncaught);
      }
    },
  );

  it('takes only a non-negative integer as a console’s listener count', { timeout: 5_000 }, async () => {
    const { socket, closed, request } = await rawConsole();
    await request(1, { op: 'hello', token: emulator.world.issueToken('casey').token });
    socket.send(JSON.stringify({ type: 'listeners', count: 2 }));
    await request(2, { op: 'hold', callId: 'no-such-call' });
    assert.deepEqual((await api('/emulator/listeners')).body, {
      total: 2,
      consoles: [{ userKey: 'casey', displayName: 'Casey Novak', listeners: 2 }],
    });
    socket.send(JSON.stringify({ type: 'listeners', count: 'abc' }));
    assert.deepEqual(await closed, {
      code: 1008,
      reason: 'listeners: "count" must be a non-negative integer.',
    });
    const { total } = (await api('/emulator/listeners')).body;
    assert.ok(total === 0 || total === 2, `total is ${JSON.stringify(total)}`);
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

  it('answers 409 to a call placed without "from" while every directory caller is on the line', async () => {
    const busy = await startEmulator({ port: 0, seed: 9, scenario: false });
    try {
      const place = () =>
        fetch(`${busy.url}/emulator/queue/calls`, { method: 'POST', body: '{"patienceSeconds":60}' }).then(
          async (response) => ({ status: response.status, body: (await response.json()) as unknown }),
        );
      for (const _caller of busy.world.directory.callers) assert.equal((await place()).status, 201);
      assert.deepEqual(await place(), {
        status: 409,
        body: {
          error:
            'All 12 callers in the directory are already on a call: give "from" (an E.164 number) or wait for a call to end.',
        },
      });
    } finally {
      await busy.close();
    }
  });
});
