import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildServer } from './app';
import { readServerConfig } from './config';
import { CLIENT_ID, OID, startTestTenant, testEnvironment } from './testing/test-tenant';

/** ACS is never reached by these requests: each is refused before the exchange. */
const UNREACHED_ACS = `endpoint=http://127.0.0.1:9/;accesskey=${Buffer.from('unused').toString('base64')}`;

describe('POST /api/token: the Entra access token', () => {
  let tenant: Awaited<ReturnType<typeof startTestTenant>>;
  let app: FastifyInstance;
  const post = (headers: Record<string, string>, payload: unknown = {}) =>
    app.inject({ method: 'POST', url: '/api/token', headers, payload: payload as object });
  const refusal = async (headers: Record<string, string>) => {
    const response = await post(headers);
    return {
      status: response.statusCode,
      ...(response.json() as { error: { code: string; message: string } }).error,
    };
  };
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  before(async () => {
    tenant = await startTestTenant();
    app = await buildServer(readServerConfig(testEnvironment(tenant, UNREACHED_ACS)));
  });
  after(async () => {
    await app.close();
    await tenant.close();
  });

  it('refuses a missing or malformed token, saying how to send it', async () => {
    assert.deepEqual(await refusal({}), {
      status: 401,
      code: 'token_missing',
      message: 'Send the Entra access token: Authorization: Bearer <token>.',
    });
    assert.equal((await post({})).headers['www-authenticate'], 'Bearer error="invalid_token"');
    assert.equal((await refusal({ authorization: 'Basic dXNlcjpwYXNz' })).code, 'token_malformed');
    assert.equal((await refusal(bearer('not-a-jwt'))).code, 'token_malformed');
    assert.equal((await refusal(bearer('eyJhbGciOiJub25lIn0.eyJvaWQiOiJ4In0.'))).code, 'token_malformed');
  });

  it('refuses an expired token, and one not valid yet', async () => {
    const twoHoursAgo = Math.floor(Date.now() / 1000) - 7200;
    assert.deepEqual(await refusal(bearer(await tenant.mint({}, { nowS: twoHoursAgo }))), {
      status: 401,
      code: 'token_expired',
      message: 'The access token has expired: sign in again.',
    });
    const inAnHour = Math.floor(Date.now() / 1000) + 3600;
    assert.equal(
      (await refusal(bearer(await tenant.mint({ nbf: inAnHour })))).message,
      'The access token is not valid yet.',
    );
  });

  it('refuses a token for another audience, from another issuer, or signed with another key', async () => {
    assert.deepEqual(await refusal(bearer(await tenant.mint({ aud: 'api://someone-else' }))), {
      status: 401,
      code: 'token_invalid',
      message: 'The access token is for another audience.',
    });
    assert.equal(
      (await refusal(bearer(await tenant.mint({ iss: 'https://login.microsoftonline.com/other/v2.0' }))))
        .message,
      'The access token is from another issuer.',
    );
    assert.equal(
      (await refusal(bearer(await tenant.mint({}, { signedBy: 'stranger' })))).message,
      "The access token's signature does not verify with the tenant's keys.",
    );
    assert.equal(
      (await refusal(bearer(await tenant.mint({ tid: 'another-tenant' })))).message,
      'The access token is from another tenant.',
    );
    assert.equal(
      (await refusal(bearer(await tenant.mint({ azp: 'another-app' })))).message,
      'The access token was issued to another application.',
    );
  });

  it('refuses an ID token (it has no scope for the API) and a user with neither app role', async () => {
    assert.match(
      (await refusal(bearer(await tenant.mint({ scp: undefined })))).message,
      /lacks the delegated scope/,
    );
    assert.deepEqual(await refusal(bearer(await tenant.mint({ roles: ['Reader'] }))), {
      status: 403,
      code: 'no_role',
      message:
        'Your account has neither the Agent nor the Supervisor role in Switchboard: ask an administrator to assign one.',
    });
  });

  it('asks for the Teams token in the body, and refuses one of another user or app before ACS sees it', async () => {
    const token = await tenant.mint();
    assert.equal((await refusal(bearer(token))).code, 'invalid_request');
    const teams = (claims: Record<string, string>) =>
      post(bearer(token), {
        teamsUserAadToken: `eyJhbGciOiJSUzI1NiJ9.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.c2ln`,
      });
    assert.deepEqual((await teams({ oid: 'someone-else', appid: CLIENT_ID })).json(), {
      error: {
        code: 'teams_token_mismatch',
        message: 'The Teams token belongs to another user than the one signed in.',
      },
    });
    assert.equal((await teams({ oid: OID, appid: 'another-app' })).statusCode, 403);
  });

  it('answers 413 to a body over 16 KiB, in the one error shape', async () => {
    const response = await post(bearer(await tenant.mint()), { teamsUserAadToken: 'x'.repeat(17 * 1024) });
    assert.equal(response.statusCode, 413);
    assert.deepEqual(response.json(), {
      error: { code: 'payload_too_large', message: 'The request body is larger than 16 KiB.' },
    });
  });

  it('marks every answer no-store', async () => {
    assert.equal((await post({})).headers['cache-control'], 'no-store');
    assert.equal((await app.inject({ url: '/health' })).headers['cache-control'], 'no-store');
    assert.deepEqual((await app.inject({ url: '/health' })).json(), { status: 'ok', pid: process.pid });
  });
});

describe('POST /api/token: rate limit, CORS and logs', () => {
  let tenant: Awaited<ReturnType<typeof startTestTenant>>;
  before(async () => {
    tenant = await startTestTenant();
  });
  after(async () => {
    await tenant.close();
  });

  it('limits each user, and each address before a token checks out, with 429 and Retry-After', async () => {
    const app = await buildServer(
      readServerConfig(
        testEnvironment(tenant, UNREACHED_ACS, { RATE_LIMIT_MAX: '3', RATE_LIMIT_WINDOW_SECONDS: '3600' }),
      ),
    );
    try {
      const send = async (authorization: string, remoteAddress = '10.0.0.1') =>
        (
          await app.inject({
            method: 'POST',
            url: '/api/token',
            headers: { authorization },
            payload: {},
            remoteAddress,
          })
        ).statusCode;
      const robin = `Bearer ${await tenant.mint()}`;
      const kim = `Bearer ${await tenant.mint({ oid: '44444444-4444-4444-8444-444444444444' })}`;
      // Within the limit, Robin's requests get as far as the body check (400).
      assert.deepEqual([await send(robin), await send(robin), await send(robin)], [400, 400, 400]);
      const limited = await app.inject({
        method: 'POST',
        url: '/api/token',
        headers: { authorization: robin },
        payload: {},
      });
      assert.equal(limited.statusCode, 429);
      assert.equal(limited.json().error.code, 'rate_limited');
      assert.ok(Number(limited.headers['retry-after']) > 0);
      // Another user from the same address is not held back by Robin's count...
      assert.equal(await send(kim), 400);
      // ...but bad tokens count against the address they come from.
      assert.deepEqual(
        [
          await send('Bearer x', '10.0.0.2'),
          await send('Bearer x', '10.0.0.2'),
          await send('Bearer x', '10.0.0.2'),
        ],
        [401, 401, 401],
      );
      assert.equal(await send('Bearer x', '10.0.0.2'), 429);
    } finally {
      await app.close();
    }
  });

  it('answers preflights from configured origins only', async () => {
    const app = await buildServer(
      readServerConfig(
        testEnvironment(tenant, UNREACHED_ACS, { ALLOWED_ORIGINS: 'https://console.example' }),
      ),
    );
    try {
      const preflight = (origin: string) =>
        app.inject({
          method: 'OPTIONS',
          url: '/api/token',
          headers: {
            origin,
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'authorization',
          },
        });
      const allowed = await preflight('https://console.example');
      assert.equal(allowed.statusCode, 204);
      assert.equal(allowed.headers['access-control-allow-origin'], 'https://console.example');
      assert.match(String(allowed.headers['access-control-allow-headers']), /Authorization/);

      const refused = await preflight('https://evil.example');
      assert.equal(refused.statusCode, 403);
      assert.equal(refused.headers['access-control-allow-origin'], undefined);
      assert.equal(refused.json().error.code, 'origin_not_allowed');

      const simple = await app.inject({
        method: 'GET',
        url: '/health',
        headers: { origin: 'https://evil.example' },
      });
      assert.equal(simple.headers['access-control-allow-origin'], undefined);
    } finally {
      await app.close();
    }
  });

  it('logs requests without any token text', async () => {
    let logs = '';
    const stream = new Writable({
      write(chunk, _encoding, done) {
        logs += String(chunk);
        done();
      },
    });
    const app = await buildServer(
      readServerConfig(testEnvironment(tenant, UNREACHED_ACS, { LOG_LEVEL: 'debug' })),
      {
        logger: { stream },
      },
    );
    try {
      const good = await tenant.mint();
      const expired = await tenant.mint({}, { nowS: Math.floor(Date.now() / 1000) - 7200 });
      // Another user's Teams token: refused before ACS, after the body was read.
      const teams = `eyJhbGciOiJSUzI1NiJ9.${Buffer.from('{"oid":"someone-else"}').toString('base64url')}.dGVhbXM`;
      for (const token of [good, expired]) {
        await app.inject({
          method: 'POST',
          url: '/api/token?code=secret-code',
          headers: { authorization: `Bearer ${token}`, cookie: 'session=secret-cookie' },
          payload: { teamsUserAadToken: teams },
        });
      }
      assert.match(logs, /"url":"\/api\/token"/);
      assert.match(logs, /"statusCode":401/);
      for (const secret of [
        good,
        expired,
        teams,
        good.split('.')[2],
        expired.split('.')[1],
        'secret-code',
        'secret-cookie',
      ]) {
        assert.ok(!logs.includes(secret ?? ''), `the logs hold ${secret?.slice(0, 12)}…`);
      }
    } finally {
      await app.close();
    }
  });
});
