import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { OIDC, signIn, tokensFor } from '../../testing/entra-sign-in';
import { startEmulator, type RunningEmulator } from '../emulator-server';

const GRAPH_SCOPES = 'Chat.ReadWrite User.Read.All Presence.Read.All';

describe('Microsoft Graph (emulated) with its Entra ID’s tokens', () => {
  let emulator: RunningEmulator;
  before(async () => {
    emulator = await startEmulator({ port: 0, seed: 9, scenario: false });
  });
  after(() => emulator.close());

  const me = (token: string) =>
    fetch(`${emulator.url}/v1.0/users?$select=displayName&$top=1`, {
      headers: { Authorization: `Bearer ${token}` },
    });

  it('answers a request with the Graph token MSAL gets for Graph’s scopes', async () => {
    const { tokens } = await signIn(emulator.url, 'alex', { scope: `${GRAPH_SCOPES} ${OIDC}` });
    const response = await me(tokens.access_token);
    assert.equal(response.status, 200);
    assert.ok(((await response.json()) as { value: unknown[] }).value.length > 0);
  });

  it('refuses a token for another audience, as Graph does', async () => {
    const { apiToken, teamsToken } = await tokensFor(emulator.url, 'alex');
    for (const token of [apiToken, teamsToken, 'not-a-token']) {
      const response = await me(token);
      assert.equal(response.status, 401);
      assert.equal(
        ((await response.json()) as { error: { code: string } }).error.code,
        'InvalidAuthenticationToken',
      );
    }
  });
});
