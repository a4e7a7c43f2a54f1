import assert from 'node:assert/strict';
import { once } from 'node:events';
import { after, before, describe, it } from 'node:test';
import { ManualClock } from '../engine/clock';
import { RESUME_WINDOW_MS } from '../engine/world';
import { rawConsole, requestJson } from '../testing/raw-clients';
import { startEmulator, type RunningEmulator } from './emulator-server';

describe('a console’s WebSocket', () => {
  let emulator: RunningEmulator;
  const api = (path: string) => requestJson(emulator.url, path);
  const token = (userKey: string) => emulator.world.issueToken(userKey).token;

  before(async () => {
    emulator = await startEmulator({ port: 0, seed: 9, scenario: false });
  });
  after(async () => {
    await emulator.close();
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
        const { socket, closed } = await rawConsole(emulator.url);
        socket.send(text);
        assert.deepEqual(await closed, { code: 1008, reason }, text);
      }
      assert.deepEqual((await api('/health')).body, { status: 'ok', pid: process.pid });
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
        const { socket, closed } = await rawConsole(emulator.url);
        socket.send(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), { binary: false });
        assert.equal((await closed).code, 1007);
        assert.deepEqual((await api('/health')).body, { status: 'ok', pid: process.pid });
        assert.deepEqual(uncaught, []);
      } finally {
        process.off('uncaughtException', onUncaught);
      }
    },
  );

  it('takes only a non-negative integer as a console’s listener count', { timeout: 5_000 }, async () => {
    const { socket, closed, request } = await rawConsole(emulator.url);
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

  it('refuses a message larger than 64 KiB with 1009', { timeout: 5_000 }, async () => {
    const { socket, closed } = await rawConsole(emulator.url);
    socket.send(JSON.stringify({ type: 'listeners', count: 0, padding: 'x'.repeat(64 * 1024) }));
    assert.equal((await closed).code, 1009);
    assert.deepEqual((await api('/health')).body, { status: 'ok', pid: process.pid });
  });

  it(
    'refuses a second hello on one socket with 1008, whoever’s token it carries',
    { timeout: 5_000 },
    async () => {
      for (const second of ['alex', 'blake']) {
        const { closed, request } = await rawConsole(emulator.url);
        assert.equal((await request(1, { op: 'hello', token: token('alex') })).error, undefined);
        void request(2, { op: 'hello', token: token(second) });
        assert.deepEqual(
          await closed,
          { code: 1008, reason: 'hello: this connection already said hello; sign in on a new one.' },
          second,
        );
        // Refused before the world saw it: the socket never became blake's.
        const users = emulator.world.signedInEndpoints().map((endpoint) => endpoint.user?.key);
        assert.ok(!users.includes('blake'), second);
      }
    },
  );

  it('closes a socket whose hello fails, with 1008 and the reason', { timeout: 5_000 }, async () => {
    const { closed, request } = await rawConsole(emulator.url);
    const result = await request(1, { op: 'hello', token: 'eyJ.forged.token' });
    assert.equal(result.error?.code, 401);
    assert.deepEqual(await closed, {
      code: 1008,
      reason: 'hello: The access token is not valid or has expired.',
    });
  });
});

describe('a console that goes quiet', () => {
  let emulator: RunningEmulator;
  const signedIn = () => emulator.world.signedInEndpoints().map((endpoint) => endpoint.user?.key);

  // The world's clock is a manual one, so the resume window passes without waiting.
  const clock = new ManualClock();

  before(async () => {
    emulator = await startEmulator({
      port: 0,
      seed: 9,
      scenario: false,
      clock,
      pingIntervalMs: 200,
      helloTimeoutMs: 200,
    });
  });
  after(async () => {
    await emulator.close();
  });

  it('is closed with 1008 when it never says hello', { timeout: 5_000 }, async () => {
    const talker = await rawConsole(emulator.url);
    await talker.request(1, { op: 'hello', token: emulator.world.issueToken('casey').token });
    const silent = await rawConsole(emulator.url);
    assert.deepEqual(await silent.closed, { code: 1008, reason: 'No hello within 200 ms of connecting.' });
    // The console that said hello had the same time, and earlier: it is still signed in.
    assert.equal(talker.socket.readyState, talker.socket.OPEN);
    assert.deepEqual(signedIn(), ['casey']);
    talker.socket.close();
    await talker.closed;
  });

  it(
    'is lost once it misses its pongs: its endpoint, call and ringing stay for the resume window, then end',
    { timeout: 10_000 },
    async () => {
      const { world } = emulator;
      const alex = await rawConsole(emulator.url, { autoPong: false });
      await alex.request(1, { op: 'hello', token: world.issueToken('alex').token });
      const blake = await rawConsole(emulator.url);
      await blake.request(1, { op: 'hello', token: world.issueToken('blake').token });
      const talking = world.enqueuePhoneCall({ patienceMs: 600_000, talkMs: 600_000 });
      assert.equal((await alex.request(2, { op: 'accept', incomingCallId: talking })).error, undefined);
      const ringing = () => world.snapshot().queue.map((call) => call.ringing);

      assert.equal((await alex.closed).code, 1006);
      // A call that comes in while its socket is lost rings it all the same (it rings once back).
      clock.advance(1_000);
      world.enqueuePhoneCall({ patienceMs: 600_000 });
      const state = (await requestJson(emulator.url, '/emulator/state')).body as ReturnType<
        typeof world.snapshot
      >;
      assert.deepEqual(ringing(), [['alex', 'blake']]);
      assert.equal(state.calls.length, 1);
      assert.deepEqual(signedIn(), ['alex', 'blake']);

      clock.advance(RESUME_WINDOW_MS - 1_000);
      assert.deepEqual(ringing(), [['blake']]);
      assert.deepEqual(world.snapshot().calls, []);
      assert.deepEqual(signedIn(), ['blake']);

      for (let ping = 0; ping < 3; ping++) await once(blake.socket, 'ping');
      assert.deepEqual(signedIn(), ['blake']);
      blake.socket.close(1000);
      await blake.closed;
      assert.deepEqual(signedIn(), []);
    },
  );

  it(
    'resumes a lost endpoint on a new socket, replaying what it missed, and refuses an unknown one',
    { timeout: 10_000 },
    async () => {
      const { world } = emulator;
      const alex = await rawConsole(emulator.url, { autoPong: false });
      const hello = (await alex.request(1, { op: 'hello', token: world.issueToken('alex').token })) as {
        value: { endpointId: string; resumeSecret: string };
      };
      const { endpointId, resumeSecret } = hello.value;
      await alex.closed;
      const id = world.enqueuePhoneCall({ patienceMs: 600_000 });

      const stranger = await rawConsole(emulator.url);
      const refused = await stranger.request(1, {
        op: 'resumeEndpoint',
        endpointId,
        secret: 'not-the-secret',
        lastSeq: 0,
      });
      assert.deepEqual(refused.error, {
        code: 404,
        subCode: 49016,
        message: 'The calling service does not know this endpoint.',
      });
      assert.equal((await stranger.closed).code, 1008);

      const again = await rawConsole(emulator.url);
      const resumed = await again.request(1, {
        op: 'resumeEndpoint',
        endpointId,
        secret: resumeSecret,
        lastSeq: 0,
      });
      assert.deepEqual(resumed, {
        type: 'result',
        requestId: 1,
        value: { cloud: 'public', endpointId, resumeSecret },
      });
      // What rang while it was away arrives first, numbered from the start, then the answer.
      const replayed = again.received.map((m) => [m.type, m.seq, m.incomingCall?.id]);
      assert.deepEqual(replayed.at(-1), ['result', undefined, undefined]);
      assert.deepEqual(
        replayed.slice(0, -1).map(([, seq]) => seq),
        replayed.slice(0, -1).map((_, index) => index + 1),
      );
      assert.deepEqual(replayed.at(-2), ['incomingCall', replayed.length - 1, id]);
      assert.ok(
        world
          .snapshot()
          .queue.find((call) => call.id === id)
          ?.ringing.includes('alex'),
      );
      again.socket.close(1000);
      await again.closed;
      assert.deepEqual(signedIn(), []);
    },
  );
});
