import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { CommunicationIdentityClient } from '@azure/communication-identity';
import { decodeJwt } from 'jose';
import { refresh, signIn, TEAMS_SCOPES, OIDC, tokensFor } from '../testing/entra-sign-in';
import { postJson, requestJson } from '../testing/raw-clients';
import { ACS_ACCESS_KEY } from './cloud/acs-identity';
import { SWITCHBOARD_CLIENT_ID } from './cloud/app-registration';
import { startEmulator, type RunningEmulator } from './emulator-server';
import { refusal } from '../testing/sdk-refusal';

const ALEX = '00000000-0000-4000-8000-00000000a001';

describe('fault injection in Microsoft’s cloud (POST /emulator/faults)', () => {
  let emulator: RunningEmulator;
  let identity: CommunicationIdentityClient;
  const post = (path: string, body: unknown) => postJson(emulator.url, path, body);
  const patch = (path: string, body: unknown) =>
    requestJson(emulator.url, path, { method: 'PATCH', body: JSON.stringify(body) });
  const clearFaults = async () => {
    const response = await fetch(`${emulator.url}/emulator/faults`, { method: 'DELETE' });
    return { status: response.status, body: (await response.json()) as unknown };
  };

  before(async () => {
    emulator = await startEmulator({ port: 0, seed: 9, scenario: false });
    identity = new CommunicationIdentityClient(`endpoint=${emulator.url}/;accesskey=${ACS_ACCESS_KEY}`, {
      allowInsecureConnection: true,
    });
  });
  afterEach(async () => {
    assert.equal((await clearFaults()).status, 200);
    await patch('/emulator/identity', { tokenLifetimeSeconds: null });
  });
  after(() => emulator.close());

  const exchange = (teamsUserAadToken: string) =>
    identity.getTokenForTeamsUser({ teamsUserAadToken, clientId: SWITCHBOARD_CLIENT_ID, userObjectId: ALEX });

  it('fails ACS identity’s token exchange as many times as asked, in ACS’s error shape, then exchanges again', async () => {
    const { teamsToken } = await tokensFor(emulator.url, 'alex');
    for (let i = 0; i < 3; i++)
      assert.equal((await post('/emulator/faults', { op: 'getTokenForTeamsUser', code: 429 })).status, 200);
    assert.equal((await post('/emulator/faults', { op: 'getTokenForTeamsUser', code: 403 })).status, 200);

    // A 429 without Retry-After is not retried by the SDK: each call meets one fault.
    for (let i = 0; i < 3; i++)
      assert.deepEqual(await refusal(exchange(teamsToken)), { status: 429, code: 'TooManyRequests' });
    assert.deepEqual(await refusal(exchange(teamsToken)), { status: 403, code: 'Forbidden' });
    const acs = await exchange(teamsToken);
    assert.equal(decodeJwt(acs.token)['skypeid'], `orgid:${ALEX}`);
  });

  it('fails Entra ID’s token endpoint once, in Entra’s error shape, and the next refresh grant is served', async () => {
    const { config, tokens } = await signIn(emulator.url, 'alex');
    assert.deepEqual(await post('/emulator/faults', { op: 'entraToken', code: 503 }), {
      status: 200,
      body: { op: 'entraToken', code: 503 },
    });
    const scope = `${TEAMS_SCOPES.join(' ')} ${OIDC}`;
    const refused = await refresh(config, tokens.refresh_token, scope);
    assert.equal(refused.status, 503);
    assert.equal(refused.body['error'], 'temporarily_unavailable');
    assert.match(String(refused.body['error_description']), /^entraToken failed \(injected fault, 503\)\./);
    const served = await refresh(config, tokens.refresh_token, scope);
    assert.equal(served.status, 200);
    assert.equal(typeof served.body['access_token'], 'string');
  });

  it('fails the next Graph request of a method and path, and only that one', async () => {
    const token = emulator.world.signIn('alex');
    const graph = (path: string, method = 'GET') =>
      fetch(`${emulator.url}/v1.0${path}`, { method, headers: { Authorization: `Bearer ${token}` } });
    assert.deepEqual(
      await post('/emulator/faults', { op: 'graph', code: 500, method: 'GET', path: '/me/presence' }),
      { status: 200, body: { op: 'graph', code: 500, method: 'GET', path: '/me/presence' } },
    );
    assert.equal((await graph('/me')).status, 200);
    const refused = await graph('/me/presence');
    assert.equal(refused.status, 500);
    assert.equal(((await refused.json()) as { error: { code: string } }).error.code, 'InternalServerError');
    assert.equal((await graph('/me/presence')).status, 200);

    // No method and no path: the next Graph request, whatever it is.
    await post('/emulator/faults', { op: 'graph', code: 429 });
    assert.equal((await graph(`/users/${ALEX}`)).status, 429);
    assert.equal((await graph(`/users/${ALEX}`)).status, 200);
  });

  it('refuses a cloud fault it cannot inject, saying why, and keeps nothing', async () => {
    const refusals: [unknown, string][] = [
      [
        { op: 'entraToken' },
        'A fault of entraToken answers an HTTP status: "code" must be an integer from 400 to 599.',
      ],
      [
        { op: 'getTokenForTeamsUser', code: 302 },
        'A fault of getTokenForTeamsUser answers an HTTP status: "code" must be an integer from 400 to 599.',
      ],
      [
        { op: 'getTokenForTeamsUser', code: 500, subCode: 1 },
        'A fault of getTokenForTeamsUser takes a "code" (an HTTP status) only.',
      ],
      [{ op: 'graph', code: 500, delayMs: 10 }, 'A fault of graph takes a "code" (an HTTP status) only.'],
      [{ op: 'mute', code: 500, path: '/chats' }, '"method" and "path" narrow a "graph" fault only.'],
      [
        { op: 'graph', code: 500, method: 'HEAD' },
        '"method" is "GET" or "POST" or "PATCH" or "PUT" or "DELETE".',
      ],
      [
        { op: 'graph', code: 500, path: 'chats' },
        '"path" is the start of a Graph path after /v1.0, e.g. "/chats".',
      ],
    ];
    for (const [body, error] of refusals)
      assert.deepEqual(
        await post('/emulator/faults', body),
        { status: 400, body: { error } },
        JSON.stringify(body),
      );
    const unknown = await post('/emulator/faults', { op: 'graphh', code: 500 });
    assert.match(
      String(unknown.body['error']),
      /one of createTeamsCallAgent, .*, getTokenForTeamsUser, entraToken, graph \(not "graphh"\)\.$/,
    );
    assert.equal(emulator.cloud.faults.take('entraToken'), undefined);
    assert.equal(emulator.cloud.faults.take('getTokenForTeamsUser'), undefined);
    assert.equal(emulator.cloud.faults.graph.take('GET', '/chats'), undefined);
  });

  it('drops every fault still waiting on DELETE, calling and cloud alike', async () => {
    await post('/emulator/faults', { op: 'hold', code: 500, subCode: 41033 });
    await post('/emulator/faults', { op: 'entraToken', code: 500 });
    await post('/emulator/faults', { op: 'graph', code: 500 });
    assert.deepEqual(await clearFaults(), {
      status: 200,
      body: { cleared: true },
    });
    assert.equal(emulator.world.faults.takeFailure('hold'), undefined);
    assert.equal(emulator.cloud.faults.take('entraToken'), undefined);
    assert.equal(emulator.cloud.faults.graph.take('GET', '/me'), undefined);
  });

  it('issues ACS tokens that live no longer than the identity setting says, and as long as the Entra token again after null', async () => {
    const { teamsToken } = await tokensFor(emulator.url, 'alex');
    assert.deepEqual(await requestJson(emulator.url, '/emulator/identity'), {
      status: 200,
      body: { tokenLifetimeSeconds: null },
    });
    assert.deepEqual(await patch('/emulator/identity', { tokenLifetimeSeconds: 60 }), {
      status: 200,
      body: { tokenLifetimeSeconds: 60 },
    });
    const short = await exchange(teamsToken);
    const issuedAt = Number(decodeJwt(short.token).iat) * 1000;
    assert.equal(short.expiresOn.getTime() - issuedAt, 60_000);

    await patch('/emulator/identity', { tokenLifetimeSeconds: null });
    const full = await exchange(teamsToken);
    assert.equal(full.expiresOn.getTime(), Number(decodeJwt(teamsToken).exp) * 1000);

    for (const tokenLifetimeSeconds of [29, 86_401, 60.5, '60'])
      assert.deepEqual(await patch('/emulator/identity', { tokenLifetimeSeconds }), {
        status: 400,
        body: {
          error:
            '"tokenLifetimeSeconds" must be an integer from 30 to 86400 (seconds), or null (as long as the Entra token).',
        },
      });
    assert.equal(emulator.cloud.identity.tokenLifetimeMs, null);
  });
});
