import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CommunicationIdentityClient } from '@azure/communication-identity';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { API_SCOPE, pkce, signIn, tokensFor } from '../../testing/entra-sign-in';
import { startEmulator, type RunningEmulator } from '../emulator-server';
import { ACS_ACCESS_KEY } from './acs-identity';
import { accountPickerPage } from './account-picker';
import { ISSUER, SWITCHBOARD_CLIENT_ID, TENANT_ID } from './app-registration';
import { Directory } from '../../engine/directory';

const SUPERVISOR_0002 = '00000000-0000-4000-8000-500000000002';
const AGENT_0017 = '00000000-0000-4000-8000-a00000000017';

describe('a generated tenant in the emulated cloud (25 agents, 3 supervisors)', () => {
  let emulator: RunningEmulator;
  before(async () => {
    emulator = await startEmulator({
      port: 0,
      seed: 9,
      scenario: false,
      generatedUsers: { agents: 25, supervisors: 3 },
    });
  });
  after(async () => {
    await emulator.close();
  });

  it('offers the built-in users as buttons and the generated ones in one list box', async () => {
    const { challenge } = pkce();
    const picker = await fetch(
      `${emulator.url}/${TENANT_ID}/oauth2/v2.0/authorize?${new URLSearchParams({
        client_id: SWITCHBOARD_CLIENT_ID,
        redirect_uri: 'http://localhost:4200/',
        response_type: 'code',
        response_mode: 'fragment',
        scope: API_SCOPE,
        code_challenge: challenge,
        code_challenge_method: 'S256',
      }).toString()}`,
    );
    const html = await picker.text();
    assert.equal(picker.status, 200);
    assert.equal(html.match(/class="account"/g)?.length, 4);
    assert.match(html, /<label for="generated-account">Generated accounts<\/label>/);
    assert.match(html, /<select id="generated-account" name="user" size="8" required/);
    assert.equal(html.match(/<option /g)?.length, 28);
    assert.ok(html.includes('<option value="agent0001">Agent 0001 (agent0001@switchboard.example)</option>'));
    assert.ok(html.includes('<optgroup label="Supervisor"><option value="supervisor0001">'));
    assert.ok(html.includes('25 agents and 3 supervisors'));
  });

  it('signs a generated supervisor in, with the app role Supervisor in their ID and API tokens', async () => {
    const { config, tokens } = await signIn(emulator.url, 'supervisor0002');
    const keys = createRemoteJWKSet(new URL(config.jwks_uri));
    const { payload: id } = await jwtVerify(tokens.id_token, keys, {
      issuer: ISSUER,
      audience: SWITCHBOARD_CLIENT_ID,
    });
    assert.deepEqual(
      { oid: id['oid'], name: id['name'], upn: id['preferred_username'], roles: id['roles'] },
      {
        oid: SUPERVISOR_0002,
        name: 'Supervisor 0002',
        upn: 'supervisor0002@switchboard.example',
        roles: ['Supervisor'],
      },
    );
    const { payload: access } = await jwtVerify(tokens.access_token, keys, {
      issuer: ISSUER,
      audience: SWITCHBOARD_CLIENT_ID,
    });
    assert.equal(access['oid'], SUPERVISOR_0002);
    assert.deepEqual(access['roles'], ['Supervisor']);
  });

  it('signs a generated agent in as Agent, and exchanges their Teams token for an ACS token', async () => {
    const { apiToken, teamsToken, config } = await tokensFor(emulator.url, 'agent0017');
    const keys = createRemoteJWKSet(new URL(config.jwks_uri));
    const { payload } = await jwtVerify(apiToken, keys, { issuer: ISSUER, audience: SWITCHBOARD_CLIENT_ID });
    assert.deepEqual(payload['roles'], ['Agent']);

    const identity = new CommunicationIdentityClient(
      `endpoint=${emulator.url}/;accesskey=${ACS_ACCESS_KEY}`,
      {
        allowInsecureConnection: true,
      },
    );
    const acs = await identity.getTokenForTeamsUser({
      teamsUserAadToken: teamsToken,
      clientId: SWITCHBOARD_CLIENT_ID,
      userObjectId: AGENT_0017,
    });
    const endpoint = emulator.world.open(
      () => undefined,
      () => undefined,
    );
    await emulator.world.request(endpoint, { op: 'hello', token: acs.token });
    assert.equal(emulator.world.endpoint(endpoint)?.user?.key, 'agent0017');
    emulator.world.close(endpoint);
  });

  it('lets Microsoft Graph’s user search find generated users', async () => {
    const token = emulator.world.signIn('alex');
    const search = async (clause: string) => {
      const response = await fetch(
        `${emulator.url}/v1.0/users?$search=${encodeURIComponent(clause)}&$select=id,displayName,userPrincipalName`,
        { headers: { Authorization: `Bearer ${token}`, ConsistencyLevel: 'eventual' } },
      );
      assert.equal(response.status, 200);
      return ((await response.json()) as { value: Record<string, string>[] }).value;
    };
    assert.deepEqual(await search('"displayName:Agent 0017"'), [
      { id: AGENT_0017, displayName: 'Agent 0017', userPrincipalName: 'agent0017@switchboard.example' },
    ]);
    assert.equal((await search('"displayName:agent"')).length, 25);
    assert.deepEqual(
      (await search('"supervisor"')).map((user) => user['displayName']),
      ['Supervisor 0001', 'Supervisor 0002', 'Supervisor 0003'],
    );
    const byName = await fetch(`${emulator.url}/v1.0/users/supervisor0003@switchboard.example`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    assert.equal(((await byName.json()) as { id: string }).id, '00000000-0000-4000-8000-500000000003');
  });

  it('lists the generated users among the directory, and names their range when a key is unknown', async () => {
    const users = (await (await fetch(`${emulator.url}/emulator/users`)).json()) as { key: string }[];
    assert.equal(users.length, 32);
    assert.deepEqual(
      users.slice(0, 5).map((user) => user.key),
      ['alex', 'blake', 'casey', 'sam', 'agent0001'],
    );
    const drop = await fetch(`${emulator.url}/emulator/connections/drop`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ userKey: 'agent0026' }),
    });
    assert.equal(drop.status, 404);
    assert.deepEqual(await drop.json(), {
      error:
        'No user "agent0026" in the directory: one of alex, blake, casey, sam, agent0001 to agent0025, supervisor0001 to supervisor0003.',
    });
  });
});

describe('the account picker with the largest generated tenant', () => {
  it('renders 5,500 generated accounts in one list box, quickly', () => {
    const directory = new Directory('public', { agents: 5000, supervisors: 500 });
    const started = performance.now();
    const html = accountPickerPage(directory.builtInUsers, 'handle', directory.generatedUsers);
    const elapsed = performance.now() - started;
    assert.equal(html.match(/<option /g)?.length, 5500);
    assert.equal(html.match(/<button /g)?.length, 4 + 2);
    assert.ok(html.length < 600_000, `the page is ${html.length} characters`);
    assert.ok(elapsed < 1000, `rendering took ${elapsed} ms`);
  });
});
