import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { ACS_ACCESS_KEY } from '../emulator/server/cloud/acs-identity';
import { startEmulator, type RunningEmulator } from '../emulator/server/emulator-server';
import { signIn, tokensFor } from '../emulator/testing/entra-sign-in';
import { buildServer } from './app';
import { readServerConfig } from './config';
import { serverEnvironment } from '../emulator/testing/server-environment';

/** `server/` configured as `npm start` configures it: the emulator is Entra ID and ACS. */
function emulatorEnvironment(emulator: RunningEmulator, accessKey = ACS_ACCESS_KEY) {
  return serverEnvironment(emulator.url, accessKey);
}

describe('POST /api/token with the emulator as Entra ID and ACS', () => {
  let emulator: RunningEmulator;
  let app: FastifyInstance;
  const exchange = (apiToken: string, teamsUserAadToken: string, on = app) =>
    on.inject({
      method: 'POST',
      url: '/api/token',
      headers: { authorization: `Bearer ${apiToken}` },
      payload: { teamsUserAadToken },
    });

  before(async () => {
    emulator = await startEmulator({ port: 0, seed: 9, scenario: false });
    app = await buildServer(readServerConfig(emulatorEnvironment(emulator)));
  });
  after(async () => {
    await app.close();
    await emulator.close();
  });

  it('exchanges an agent’s sign-in for an ACS token the calling world accepts', async () => {
    const { apiToken, teamsToken } = await tokensFor(emulator.url, 'blake');
    const response = await exchange(apiToken, teamsToken);
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['cache-control'], 'no-store');
    const body = response.json() as { token: string; expiresOn: string; user: unknown };
    assert.deepEqual(body.user, {
      id: '00000000-0000-4000-8000-00000000a002',
      displayName: 'Blake Chen',
      role: 'agent',
      microsoftTeamsUserId: '00000000-0000-4000-8000-00000000a002',
    });
    assert.ok(Date.parse(body.expiresOn) > Date.now());

    const endpoint = emulator.world.open(
      () => undefined,
      () => undefined,
    );
    await emulator.world.request(endpoint, { op: 'hello', token: body.token });
    assert.equal(emulator.world.endpoint(endpoint)?.user?.key, 'blake');
    emulator.world.close(endpoint);
  });

  it('takes the supervisor’s role from the token', async () => {
    const { apiToken, teamsToken } = await tokensFor(emulator.url, 'sam');
    const response = await exchange(apiToken, teamsToken);
    assert.equal(response.json().user.role, 'supervisor');
  });

  it('refuses the ID token as a bearer token, and another user’s Teams token', async () => {
    const alex = await tokensFor(emulator.url, 'alex');
    const casey = await tokensFor(emulator.url, 'casey');
    assert.equal((await exchange(alex.apiToken, casey.teamsToken)).json().error.code, 'teams_token_mismatch');
    const { tokens } = await signIn(emulator.url, 'alex');
    assert.match(
      (await exchange(tokens.id_token, alex.teamsToken)).json().error.message,
      /lacks the delegated scope/,
    );
  });

  it('passes on ACS’s refusal of a forged Teams token as 401, without ACS’s words', async () => {
    const { apiToken, teamsToken } = await tokensFor(emulator.url, 'alex');
    const forged = `${teamsToken.slice(0, teamsToken.lastIndexOf('.'))}.${Buffer.from('forged').toString('base64url')}`;
    const response = await exchange(apiToken, forged);
    assert.equal(response.statusCode, 401);
    assert.deepEqual(response.json(), {
      error: {
        code: 'teams_token_rejected',
        message: 'Azure Communication Services did not accept the Teams token: sign in again.',
      },
    });
  });

  it('answers 502 when ACS refuses the server’s own signature (a wrong access key)', async () => {
    const misconfigured = await buildServer(
      readServerConfig(emulatorEnvironment(emulator, Buffer.from('wrong key').toString('base64'))),
    );
    try {
      const { apiToken, teamsToken } = await tokensFor(emulator.url, 'alex');
      const response = await exchange(apiToken, teamsToken, misconfigured);
      assert.equal(response.statusCode, 502);
      assert.equal(response.json().error.code, 'acs_unavailable');
    } finally {
      await misconfigured.close();
    }
  });
});
