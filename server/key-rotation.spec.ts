import assert from 'node:assert/strict';
import { after, before, describe, it, mock } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { startEmulator, type RunningEmulator } from '../emulator/server/emulator-server';
import { tokensFor } from '../emulator/testing/entra-sign-in';
import { buildServer } from './app';
import { readServerConfig } from './config';
import { serverEnvironment } from '../emulator/testing/server-environment';

/**
 * A signing key rolled over under a running `server/`: its JWKS (jose's remote key set, as
 * `EntraTokenValidator` builds it) refetches on an unknown `kid`, but at most once per 30 s
 * cooldown. jose times the cooldown with `Date.now()`, so the test moves `Date` (node's mock
 * timers) and nothing else: the sockets and fetches run on real timers.
 */
describe('server/ after the tenant rotates its signing key', () => {
  let emulator: RunningEmulator;
  let app: FastifyInstance;
  const exchange = ({ apiToken, teamsToken }: { apiToken: string; teamsToken: string }) =>
    app.inject({
      method: 'POST',
      url: '/api/token',
      headers: { authorization: `Bearer ${apiToken}` },
      payload: { teamsUserAadToken: teamsToken },
    });

  before(async () => {
    mock.timers.enable({ apis: ['Date'], now: Date.now() });
    emulator = await startEmulator({ port: 0, seed: 9, scenario: false });
    app = await buildServer(readServerConfig(serverEnvironment(emulator.url)));
  });
  after(async () => {
    await app.close();
    await emulator.close();
    mock.timers.reset();
  });

  it('refuses a token signed by the new key until jose’s 30 s cooldown passes, then accepts it', async () => {
    // The first request fetches the keys: the well-known one.
    const alex = await tokensFor(emulator.url, 'alex');
    assert.equal((await exchange(alex)).statusCode, 200);

    const rotated = await fetch(`${emulator.url}/emulator/keys/rotate`, { method: 'POST' });
    assert.equal(rotated.status, 200);
    const blake = await tokensFor(emulator.url, 'blake');

    const refused = await exchange(blake);
    assert.equal(refused.statusCode, 401);
    assert.equal(
      (refused.json() as { error: { message: string } }).error.message,
      "The access token's signature does not verify with the tenant's keys.",
    );
    mock.timers.tick(29_999);
    assert.equal((await exchange(blake)).statusCode, 401, 'still within the cooldown');
    mock.timers.tick(1);
    assert.equal((await exchange(blake)).statusCode, 200, 'the keys are fetched again');
    // A token the old key signed verifies still: the JWKS publishes both.
    assert.equal((await exchange(alex)).statusCode, 200);
  });
});
