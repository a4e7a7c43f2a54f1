import assert from 'node:assert/strict';
import { once } from 'node:events';
import { connect, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { WebSocket } from 'ws';
import { postJson, rawHttp, requestJson } from '../testing/raw-clients';
import { startEmulator, type RunningEmulator } from './emulator-server';

/** A plain TCP connection that collects what the server answers and notices when it closes. */
async function tcp(baseUrl: string) {
  const { hostname, port } = new URL(baseUrl);
  const socket: Socket = connect(Number(port), hostname);
  socket.setNoDelay(true);
  let received = '';
  socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
  socket.on('error', () => undefined);
  const closed = once(socket, 'close').then(() => true);
  await once(socket, 'connect');
  /** Resolves once what has arrived matches `pattern`. */
  const until = async (pattern: RegExp) => {
    while (!pattern.test(received)) await once(socket, 'data');
    return received;
  };
  return { socket, closed, until, received: () => received };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('emulator server: HTTP on the wire', () => {
  let emulator: RunningEmulator;
  before(async () => {
    emulator = await startEmulator({ port: 0, seed: 9, scenario: false });
  });
  after(async () => {
    await emulator.close();
  });

  it('reads a JSON body whose multi-byte character is split across two TCP chunks intact', async () => {
    const displayName = 'Zoë 名前 Ødegård';
    const body = Buffer.from(JSON.stringify({ from: '+14255550181', displayName }), 'utf8');
    // Cut in the middle of 名 (three bytes in UTF-8).
    const cut = body.indexOf(Buffer.from('名', 'utf8')) + 1;
    const connection = await tcp(emulator.url);
    connection.socket.write(
      'POST /emulator/queue/calls HTTP/1.1\r\nHost: emulator\r\nContent-Type: application/json\r\n' +
        `Content-Length: ${body.length}\r\nConnection: close\r\n\r\n`,
    );
    connection.socket.write(body.subarray(0, cut));
    await tick();
    connection.socket.write(body.subarray(cut));
    await connection.closed;
    const answer = connection.received();
    assert.match(answer, /^HTTP\/1\.1 201 /);
    const id = String((JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as { id: string }).id);
    const caller = [...(emulator.world.calls.all.get(id)?.parties.values() ?? [])][0];
    assert.equal(caller?.displayName, displayName);
  });

  it('measures the body limit in bytes, not characters', async () => {
    // 33,000 two-byte characters: 66,000 bytes (over 64 KiB), 33,000 UTF-16 units (under).
    const tooLarge = await postJson(emulator.url, '/emulator/queue/calls', {
      displayName: 'é'.repeat(33_000),
    });
    assert.deepEqual(tooLarge, { status: 413, body: { error: 'The request body is larger than 64 KiB.' } });
    // Under the limit in bytes, the same field is the schema's to refuse.
    const under = await postJson(emulator.url, '/emulator/queue/calls', { displayName: 'é'.repeat(32_000) });
    assert.equal(under.status, 400);
  });

  it('closes the connection after a 413, so the unread body is never read as a request', async () => {
    for (const path of ['/emulator/queue/calls', '/v1.0/chats']) {
      const connection = await tcp(emulator.url);
      connection.socket.write(
        `POST ${path} HTTP/1.1\r\nHost: emulator\r\nContent-Type: application/json\r\n` +
          `Content-Length: ${70 * 1024}\r\n\r\n{"displayName":"`,
      );
      const answer = await connection.until(/\r\n\r\n\{.*\}$/s);
      assert.match(answer, /^HTTP\/1\.1 413 /, path);
      assert.match(answer, /\r\nconnection: close\r\n/i, path);
      assert.equal(await connection.closed, true, path);
    }
    assert.deepEqual(await requestJson(emulator.url, '/health'), {
      status: 200,
      body: { status: 'ok', pid: process.pid },
    });
  });

  it('answers a CONNECT request, and carries on', async () => {
    const answer = await rawHttp(
      emulator.url,
      'CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n',
    );
    assert.match(answer, /^HTTP\/1\.1 405 Method Not Allowed\r\n/);
    assert.match(answer, /\{"error":"CONNECT is not served here\."\}$/);
    assert.deepEqual(await requestJson(emulator.url, '/health'), {
      status: 200,
      body: { status: 'ok', pid: process.pid },
    });
  });

  it('opens /ws to pages on this machine only, as the controls answer them', async () => {
    const open = (origin?: string) =>
      new Promise<number>((resolve) => {
        const socket = new WebSocket(`${emulator.url.replace(/^http/, 'ws')}/ws`, {
          ...(origin && { origin }),
        });
        socket.on('open', () => {
          socket.terminate();
          resolve(101);
        });
        socket.on('unexpected-response', (_request, response) => {
          resolve(response.statusCode ?? 0);
          socket.terminate();
        });
        socket.on('error', () => undefined);
      });
    assert.equal(await open('https://evil.example'), 403);
    assert.equal(await open('null'), 403);
    assert.equal(await open('http://localhost:4200'), 101);
    assert.equal(await open(), 101);
  });
});
