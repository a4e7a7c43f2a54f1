import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { TeamsIncomingCall } from '@azure/communication-calling';
import { AzureCommunicationTokenCredential } from '@azure/communication-common';
import { WebSocket } from 'ws';
import { CallClient, configure } from '../client';
import { webSocketTransport } from '../client/websocket-transport';
import { postJson, rawHttp, requestJson } from '../testing/raw-clients';
import { startEmulator, type RunningEmulator } from './emulator-server';

describe('emulator server', () => {
  let emulator: RunningEmulator;
  const api = (path: string, init?: RequestInit) => requestJson(emulator.url, path, init);
  const post = (path: string, body: unknown, headers?: Record<string, string>) =>
    postJson(emulator.url, path, body, headers);

  before(async () => {
    emulator = await startEmulator({ port: 0, seed: 9, scenario: false });
  });
  after(async () => {
    await emulator.close();
  });

  it('leaves sign-in to its Entra ID and the token exchange to server/', async () => {
    assert.deepEqual(await post('/emulator/sign-in', { userKey: 'blake' }), {
      status: 404,
      body: { error: 'No route POST /emulator/sign-in.' },
    });
    assert.deepEqual(await post('/api/token', {}), {
      status: 404,
      body: { error: 'No route POST /api/token.' },
    });
  });

  it('answers bad input with a status and a message that says what to fix', async () => {
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

  it('refuses numbers out of range, naming the field and its range, and stores nothing', async () => {
    const refusals: [string, string, string][] = [
      [
        '/emulator/queue/calls',
        '{"talkSeconds":1e308}',
        '"talkSeconds" must be an integer from 0 to 86400 (seconds).',
      ],
      [
        '/emulator/queue/calls',
        '{"patienceSeconds":1e999}',
        '"patienceSeconds" must be an integer from 0 to 86400 (seconds).',
      ],
      [
        '/emulator/queue/calls',
        '{"talkSeconds":-1}',
        '"talkSeconds" must be an integer from 0 to 86400 (seconds).',
      ],
      [
        '/emulator/scenario',
        '{"patienceSeconds":[0,1e999]}',
        '"patienceSeconds" must be [min, max] with min <= max, each an integer from 0 to 86400 (seconds).',
      ],
      [
        '/emulator/scenario',
        '{"talkSeconds":[30,10]}',
        '"talkSeconds" must be [min, max] with min <= max, each an integer from 0 to 86400 (seconds).',
      ],
      [
        '/emulator/scenario',
        '{"maxWaiting":2.5}',
        '"maxWaiting" must be an integer from 1 to 1000 (callers).',
      ],
      [
        '/emulator/scenario',
        '{"arrivalsPerMinute":0}',
        '"arrivalsPerMinute" must be a number from 0.01 to 600 (calls per minute).',
      ],
      ['/emulator/faults', '{"op":"mute","code":1.5}', '"code" must be an integer from 100 to 699.'],
      ['/emulator/faults', '{"op":"mute","code":"500"}', '"code" must be an integer from 100 to 699.'],
      [
        '/emulator/faults',
        '{"op":"mute","code":500,"subCode":-1}',
        '"subCode" must be an integer from 0 to 999999.',
      ],
      [
        '/emulator/faults',
        '{"op":"mute","subCode":41015}',
        'Give a "code" to fail with, a "delayMs", or both.',
      ],
      [
        '/emulator/faults',
        '{"op":"mute","delayMs":1,"subCode":41015}',
        'A "subCode" needs the "code" it belongs to.',
      ],
      [
        '/emulator/faults',
        '{"op":"hold","delayMs":1e308}',
        '"delayMs" must be an integer from 0 to 600000 (milliseconds).',
      ],
    ];
    const settings = (await api('/emulator/scenario')).body;
    for (const [path, body, error] of refusals) {
      assert.deepEqual(await post(path, body), { status: 400, body: { error } }, body);
    }
    assert.deepEqual((await api('/emulator/scenario')).body, settings);
    assert.equal(emulator.world.waitingCount(), 0);
    assert.equal(emulator.world.faults.takeFailure('mute'), undefined);
    assert.equal(emulator.world.faults.takeDelay('hold'), 0);
  });

  it('refuses unknown fields, naming them, instead of ignoring them', async () => {
    const refusals: [string, string, RegExp][] = [
      [
        '/emulator/queue/calls',
        '{"fromm":"+14255550111"}',
        /^Unknown field "fromm": the body takes "from", /,
      ],
      ['/emulator/scenario', '{"runing":false}', /^Unknown field "runing"/],
      ['/emulator/faults', '{"op":"mute","code":500,"subcode":7}', /^Unknown field "subcode"/],
      ['/emulator/queue/calls', '{"__proto__":{"from":"+14255550111"}}', /^Unknown field "__proto__"/],
      ['/emulator/threads', '{"members":[],"constructor":{"prototype":{}}}', /^Unknown field "constructor"/],
      ['/emulator/connections/drop', '{"user":"alex"}', /^Unknown field "user"/],
      ['/emulator/meetings', '{"organizer":"sam","lobbby":true}', /^Unknown field "lobbby"/],
    ];
    for (const [path, body, error] of refusals) {
      const answer = await post(path, body);
      assert.equal(answer.status, 400, body);
      assert.match(String(answer.body['error']), error, body);
    }
    assert.equal(emulator.world.waitingCount(), 0);
    assert.equal(emulator.world.faults.takeFailure('mute'), undefined);
    assert.equal(emulator.world.meetings.list().length, 2);
  });

  it('reads the scenario with GET; a POST must change something', async () => {
    const settings = await api('/emulator/scenario');
    assert.equal(settings.status, 200);
    assert.equal(settings.body['running'], false);
    assert.deepEqual(settings.body['patienceSeconds'], emulator.world.scenario.settings.patienceSeconds);
    const empty = await post('/emulator/scenario', {});
    assert.equal(empty.status, 400);
    assert.match(String(empty.body['error']), /GET \/emulator\/scenario reads them/);
  });

  it('refuses -0, fractions of a second and names longer than 256 characters', async () => {
    const refusals: [string, string, string][] = [
      ['/emulator/queue/calls', '{"talkSeconds":-0}', '"talkSeconds" is -0: send 0.'],
      [
        '/emulator/queue/calls',
        '{"patienceSeconds":0.0001}',
        '"patienceSeconds" must be an integer from 0 to 86400 (seconds).',
      ],
      [
        '/emulator/queue/calls',
        JSON.stringify({ displayName: 'x'.repeat(60 * 1024) }),
        '"displayName" must be a non-empty string of at most 256 characters.',
      ],
      [
        '/emulator/queue/calls',
        JSON.stringify({ displayName: 'x'.repeat(257) }),
        '"displayName" must be a non-empty string of at most 256 characters.',
      ],
      [
        '/emulator/meetings',
        '{"organizer":"sam","autoAdmitSeconds":0.0001}',
        '"autoAdmitSeconds" must be an integer from 0 to 3600 (seconds).',
      ],
      ['/emulator/scenario', '{"patienceSeconds":[-0,10]}', '"patienceSeconds.0" is -0: send 0.'],
    ];
    for (const [path, body, error] of refusals) {
      assert.deepEqual(await post(path, body), { status: 400, body: { error } }, body.slice(0, 60));
    }
    assert.equal(emulator.world.waitingCount(), 0);
  });

  it('answers 404 to dropping a user the directory does not have', async () => {
    assert.deepEqual(await post('/emulator/connections/drop', { userKey: 'mallory' }), {
      status: 404,
      body: { error: 'No user "mallory" in the directory: one of alex, blake, casey, sam.' },
    });
    assert.deepEqual(await post('/emulator/connections/drop', { userKey: 'casey' }), {
      status: 200,
      body: { dropped: 0 },
    });
  });

  it('drops a user for whole seconds from 0 to 3600, and refuses any other length, naming the range', async () => {
    const problem = '"seconds" must be an integer from 0 to 3600 (seconds).';
    for (const body of [
      '{"userKey":"casey","seconds":-1}',
      '{"userKey":"casey","seconds":3601}',
      '{"userKey":"casey","seconds":1.5}',
      '{"userKey":"casey","seconds":"30"}',
      '{"userKey":"casey","seconds":null}',
    ])
      assert.deepEqual(
        await post('/emulator/connections/drop', body),
        { status: 400, body: { error: problem } },
        body,
      );
    assert.deepEqual(await post('/emulator/connections/drop', '{"userKey":"casey","secs":30}'), {
      status: 400,
      body: { error: 'Unknown field "secs": the body takes "userKey", "seconds".' },
    });
    for (const seconds of [0, 3600])
      assert.deepEqual(await post('/emulator/connections/drop', { userKey: 'casey', seconds }), {
        status: 200,
        body: { dropped: 0 },
      });
    // Dropped for an hour: casey's console cannot sign in until the world's clock passes it.
    const token = emulator.world.issueToken('casey').token;
    const endpoint = emulator.world.open(
      () => undefined,
      () => undefined,
    );
    await assert.rejects(emulator.world.request(endpoint, { op: 'hello', token }), {
      code: 408,
      subCode: 40114,
      message: 'The calling service cannot be reached.',
    });
    emulator.world.close(endpoint);
  });

  it('takes numbers at the edges of their ranges', async () => {
    const edges = await startEmulator({ port: 0, seed: 9, scenario: false });
    try {
      const fault = { op: 'mute', code: 699, subCode: 999_999, delayMs: 600_000 };
      assert.deepEqual(await postJson(edges.url, '/emulator/faults', fault), { status: 200, body: fault });
      const placed = await postJson(edges.url, '/emulator/queue/calls', {
        patienceSeconds: 86_400,
        talkSeconds: 0,
      });
      assert.equal(placed.status, 201);
      const call = edges.world.calls.all.get(String(placed.body['id']));
      assert.equal([...(call?.parties.values() ?? [])][0]?.talkMs, 0);
      const named = await postJson(edges.url, '/emulator/queue/calls', { displayName: 'y'.repeat(256) });
      assert.equal(named.status, 201);
      const scenario = { arrivalsPerMinute: 600, maxWaiting: 1000, patienceSeconds: [0, 86_400] };
      assert.equal((await postJson(edges.url, '/emulator/scenario', scenario)).status, 200);
    } finally {
      await edges.close();
    }
  });

  it(
    'answers a request whose target is not a path with 400, an upgrade too, and keeps serving',
    { timeout: 5_000 },
    async () => {
      const status = (answer: string) => answer.split('\r\n')[0];
      const get = (target: string, headers = '') =>
        rawHttp(emulator.url, `GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n${headers}\r\n`);
      const upgrade =
        'Connection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\n' +
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n';

      const answer = await get('//a:99999');
      assert.equal(status(answer), 'HTTP/1.1 400 Bad Request');
      assert.match(answer, /\{"error":"The request target is not a valid path\."\}/);
      assert.equal(status(await get('//[')), 'HTTP/1.1 400 Bad Request');
      assert.equal(status(await get('//[', upgrade)), 'HTTP/1.1 400 Bad Request');
      assert.equal(status(await get('//a:99999', upgrade)), 'HTTP/1.1 400 Bad Request');
      assert.equal(status(await get('/nowhere', upgrade)), 'HTTP/1.1 404 Not Found');
      assert.deepEqual(await api('/health'), { status: 200, body: { status: 'ok', pid: process.pid } });
    },
  );

  it('serves a console over the WebSocket: a queued call rings it, and its listeners are counted', async () => {
    configure({
      transport: webSocketTransport(emulator.url, WebSocket as unknown as typeof globalThis.WebSocket),
    });
    // The ACS token its identity endpoint would hand server/ for Alex.
    const { token } = emulator.world.issueToken('alex');
    const agent = await new CallClient().createTeamsCallAgent(new AzureCommunicationTokenCredential(token));
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
    const parties = (state.body['calls'] as { parties: { kind: string; leg?: unknown }[] }[])[0].parties;
    assert.deepEqual(
      parties.map((party) => [party.kind, party.leg]),
      [
        ['phone', undefined],
        ['console', { userKey: 'alex', callId: incoming.id, direction: 'Incoming', state: 'Connected' }],
      ],
    );
    // The client reports its listener count on its next turn; a request after that rides the same
    // socket behind the report, so once it is answered the world has the count.
    await new Promise((resolve) => setImmediate(resolve));
    await call.unmute();
    const listeners = await api('/emulator/listeners');
    assert.deepEqual(listeners.body['consoles'], [
      { userKey: 'alex', displayName: 'Alex Rivera', listeners: 1 },
    ]);

    await call.hangUp();
    await agent.dispose();
  });

  it('lets no page from another site drive its controls or read its meetings', async () => {
    const fromPage = (origin: string, path: string, init: RequestInit = {}) =>
      fetch(`${emulator.url}${path}`, { ...init, headers: { Origin: origin, ...init.headers } });
    // A page elsewhere can POST text/plain without asking first: refused, nothing placed.
    const evil = await fromPage('https://evil.example', '/emulator/queue/calls', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: '{"from":"+14255550111"}',
    });
    assert.equal(evil.status, 403);
    assert.equal(evil.headers.get('access-control-allow-origin'), null);
    assert.equal((await fromPage('https://evil.example', '/emulator/meetings')).status, 403);
    assert.equal(emulator.world.waitingCount(), 0);
    // Without an Origin (curl, tests), or from this machine, a POST must still say it is JSON.
    const plain = await fetch(`${emulator.url}/emulator/queue/calls`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: '{"from":"+14255550111"}',
    });
    assert.equal(plain.status, 415);
    const local = await fromPage('http://localhost:4200', '/emulator/meetings');
    assert.equal(local.status, 200);
    assert.equal(local.headers.get('access-control-allow-origin'), 'http://localhost:4200');
  });

  it('answers 409 to a call placed without "from" while every directory caller is on the line', async () => {
    const busy = await startEmulator({ port: 0, seed: 9, scenario: false });
    try {
      const place = () =>
        fetch(`${busy.url}/emulator/queue/calls`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: '{"patienceSeconds":60}',
        }).then(async (response) => ({ status: response.status, body: (await response.json()) as unknown }));
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
