import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildServer } from './app';
import { readServerConfig } from './config';
import { startTestTenant, testEnvironment } from './testing/test-tenant';

/** ACS is never reached by these requests: each is refused before the exchange. */
const UNREACHED_ACS = `endpoint=http://127.0.0.1:9/;accesskey=${Buffer.from('unused').toString('base64')}`;

const CSP =
  "script-src 'self' 'wasm-unsafe-eval' blob:;object-src 'none';base-uri 'self';frame-ancestors 'self'";

const assertSecurityHeaders = (response: LightMyRequestResponse, what: string) => {
  assert.equal(response.headers['x-content-type-options'], 'nosniff', what);
  assert.equal(response.headers['referrer-policy'], 'no-referrer', what);
  assert.equal(response.headers['content-security-policy'], CSP, what);
};

describe('server/ answers strictly', () => {
  let tenant: Awaited<ReturnType<typeof startTestTenant>>;
  let app: FastifyInstance;
  let dir: string;
  let token: string;
  const post = (contentType: string, payload: string | Buffer) =>
    app.inject({
      method: 'POST',
      url: '/api/token',
      headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
      payload,
    });

  before(async () => {
    tenant = await startTestTenant();
    token = await tenant.mint();
    dir = mkdtempSync(join(tmpdir(), 'switchboard-console-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Switchboard</title><sb-root></sb-root>');
    writeFileSync(join(dir, 'main-AB12CD34.js'), 'console.log("main")');
    app = await buildServer(
      readServerConfig({
        ...testEnvironment(tenant, UNREACHED_ACS),
        SERVE_CONSOLE_DIR: dir,
        ALLOWED_ORIGINS: 'https://allowed.example',
      }),
    );
  });
  after(async () => {
    await app.close();
    await tenant.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a body in any charset but UTF-8 with 415, in the one error shape', async () => {
    const body = JSON.stringify({ teamsUserAadToken: 'not-a-jwt' });
    for (const contentType of [
      'application/json; charset=utf-16',
      'application/json; charset=UTF-16LE',
      'application/json;charset="iso-8859-1"',
      'application/json; charset=',
    ]) {
      const response = await post(contentType, Buffer.from(body, 'utf16le'));
      assert.equal(response.statusCode, 415, contentType);
      assert.equal(response.json().error.code, 'unsupported_media_type', contentType);
      assert.match(response.json().error.message, /UTF-8/);
      assert.deepEqual(Object.keys(response.json()), ['error']);
      assertSecurityHeaders(response, contentType);
    }
    // UTF-8, said or not, is parsed: the token then fails as not a JWT.
    for (const contentType of [
      'application/json',
      'application/json; charset=utf-8',
      'application/json; charset="UTF-8"',
    ]) {
      const response = await post(contentType, body);
      assert.deepEqual(
        response.json(),
        { error: { code: 'invalid_request', message: 'teamsUserAadToken is not a JWT.' } },
        contentType,
      );
    }
  });

  it('sends nosniff, Referrer-Policy and the CSP with every answer, errors included', async () => {
    const answers: Record<string, LightMyRequestResponse> = {
      health: await app.inject({ url: '/health' }),
      config: await app.inject({ url: '/config.json' }),
      console: await app.inject({ url: '/', headers: { accept: 'text/html' } }),
      consolePage: await app.inject({ url: '/supervisor/floor', headers: { accept: 'text/html' } }),
      script: await app.inject({ url: '/main-AB12CD34.js' }),
      notFound: await app.inject({ url: '/api/nothing' }),
      unauthenticated: await app.inject({ method: 'POST', url: '/api/token' }),
      wrongMediaType: await post('text/plain', 'hello'),
      notJson: await post('application/json', '{'),
      tooLarge: await post('application/json', JSON.stringify({ teamsUserAadToken: 'x'.repeat(17 * 1024) })),
      preflightRefused: await app.inject({
        method: 'OPTIONS',
        url: '/api/token',
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
      }),
    };
    assert.equal(answers['preflightRefused']?.statusCode, 403);
    assert.equal(answers['tooLarge']?.statusCode, 413);
    assert.equal(answers['wrongMediaType']?.statusCode, 415);
    for (const [what, response] of Object.entries(answers)) assertSecurityHeaders(response, what);
    assert.equal(answers['console']?.headers['x-frame-options'], 'SAMEORIGIN');
    assert.equal(answers['console']?.headers['strict-transport-security'], undefined);
    assert.equal(answers['console']?.headers['cross-origin-opener-policy'], undefined);
  });

  it('answers headers over 16 KiB with 431 in the one error shape, on a real connection', async () => {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write(
          `GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: ${'x'.repeat(17 * 1024)}\r\n\r\n`,
        );
      });
      let received = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => (received += chunk));
      socket.on('close', () => resolve(received));
      socket.on('error', reject);
    });
    const [head = '', body = ''] = answer.split('\r\n\r\n');
    const [statusLine, ...headerLines] = head.split('\r\n');
    assert.equal(statusLine, 'HTTP/1.1 431 Request Header Fields Too Large');
    const headers = Object.fromEntries(
      headerLines.map((line) => [
        line.slice(0, line.indexOf(':')).toLowerCase(),
        line.slice(line.indexOf(':') + 1).trim(),
      ]),
    );
    assert.equal(headers['content-type'], 'application/json; charset=utf-8');
    assert.equal(headers['content-length'], String(Buffer.byteLength(body)));
    assert.equal(headers['x-content-type-options'], 'nosniff');
    assert.equal(headers['referrer-policy'], 'no-referrer');
    assert.equal(headers['cache-control'], 'no-store');
    assert.deepEqual(JSON.parse(body), {
      error: { code: 'headers_too_large', message: "The request's headers are larger than 16 KiB." },
    });
    // A request under the limit still gets through.
    const health = await fetch(`http://127.0.0.1:${port}/health`, {
      headers: { 'x-padding': 'x'.repeat(8 * 1024) },
    });
    assert.equal(health.status, 200);
  });
});
