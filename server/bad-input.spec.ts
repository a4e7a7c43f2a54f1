import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WebSocket } from 'ws';
import { rawHttp } from '../emulator/testing/raw-clients';
import {
  corpusText,
  framePayload,
  type BadFrameEntry,
  type BadRequestEntry,
  type ForgedTokenEntry,
} from '../test-corpus/corpus';
import { readCorpus } from '../test-corpus/read-corpus';
import { forgedToken } from './testing/forged-tokens';
import { useFloorServer } from './testing/floor-server';

const REQUESTS = readCorpus<BadRequestEntry>('http-requests.json', 'server');
const TOKENS = readCorpus<ForgedTokenEntry>('tokens.json', 'apiTokens');
const FRAMES = readCorpus<BadFrameEntry>('websocket-frames.json', 'floor');

/** An answer's status and the message of server/'s one error shape. */
async function send(baseUrl: string, entry: BadRequestEntry, bearer: string) {
  if (entry.raw !== undefined) {
    const answer = await rawHttp(baseUrl, corpusText(entry.raw));
    const body = answer.slice(answer.indexOf('\r\n\r\n') + 4);
    return { status: Number(answer.split(' ')[1]), body };
  }
  const response = await fetch(`${baseUrl}${corpusText(entry.path ?? '/')}`, {
    method: entry.method,
    headers: { ...entry.headers, ...(entry.auth && { authorization: `Bearer ${bearer}` }) },
    ...(entry.body !== undefined && { body: corpusText(entry.body) }),
  });
  return { status: response.status, body: await response.text() };
}

const messageOf = (body: string) => (JSON.parse(body) as { error: { message: string } }).error.message;

/** Opens the floor, sends one frame as it is, and gives the close that answers it. */
async function closeAfter(url: string, origin: string, data: string | Uint8Array, binary: boolean) {
  const socket = new WebSocket(url, { origin });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  // ws reports a close it had to make itself (a frame over the limit) as an error first.
  socket.on('error', () => undefined);
  await new Promise((resolve) => socket.once('open', resolve));
  socket.send(data, { binary });
  return closed;
}

describe('server/ and the bad-input corpus (test-corpus/)', () => {
  const floor = useFloorServer();

  it('answers every malformed request with its status and a message that says what is wrong', async () => {
    const bearer = await floor.mint();
    for (const entry of REQUESTS) {
      const { status, body } = await send(floor.origin, entry, bearer);
      assert.equal(status, entry.status, `${entry.what}: status`);
      assert.ok(messageOf(body).includes(entry.message), `${entry.what}: "${messageOf(body)}"`);
      assert.ok(!body.includes(bearer), `${entry.what}: the answer echoes the token`);
      assert.ok(!body.includes('secret-code-1234'), `${entry.what}: the answer echoes the query`);
    }
    assert.equal((await fetch(`${floor.origin}/health`)).status, 200);
  });

  it('refuses every forged or edited token at POST /api/token, naming the check it failed', async () => {
    for (const entry of TOKENS) {
      const token = await forgedToken(entry.recipe, floor.mint, Math.floor(floor.clock.now() / 1000));
      const response = await fetch(`${floor.origin}/api/token`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ teamsUserAadToken: token }),
      });
      const body = await response.text();
      assert.equal(response.status, 401, `${entry.what}: status`);
      assert.deepEqual(JSON.parse(body), { error: { code: entry.code, message: entry.message } }, entry.what);
      assert.equal(response.headers.get('www-authenticate'), 'Bearer error="invalid_token"', entry.what);
    }
  });

  it('closes the floor on every forged or edited token, saying why, and still welcomes a real one', async () => {
    for (const entry of TOKENS) {
      const token = await forgedToken(entry.recipe, floor.mint, Math.floor(floor.clock.now() / 1000));
      const { code, reason } = await closeAfter(
        floor.url,
        floor.origin,
        JSON.stringify({ type: 'hello', token }),
        false,
      );
      const expected = entry.floor ?? { close: 4401, reason: `${entry.code}: ${entry.message}` };
      assert.equal(code, expected.close, `${entry.what}: close code`);
      assert.equal(reason, expected.reason.slice(0, 123), `${entry.what}: close reason`);
    }
    const agent = await floor.signedIn('Agent');
    await agent.client.close();
  });

  it('closes the floor on every malformed frame with 4400 and what was wrong, and keeps serving', async () => {
    for (const entry of FRAMES) {
      const { data, binary } = framePayload(entry);
      let closed: { code: number; reason: string };
      if (entry.afterHello) {
        const agent = await floor.signedIn('Agent');
        agent.client.send(data);
        closed = await agent.client.closed;
      } else {
        closed = await closeAfter(floor.url, floor.origin, data, binary);
      }
      assert.equal(closed.code, entry.close, `${entry.what}: close code`);
      assert.ok(closed.reason.includes(entry.reason), `${entry.what}: "${closed.reason}"`);
    }
    const supervisor = await floor.supervisorWithSnapshot();
    assert.deepEqual(supervisor.snapshot.agents, []);
    await supervisor.client.close();
  });
});
