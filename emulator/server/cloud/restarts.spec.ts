import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { CommunicationIdentityClient } from '@azure/communication-identity';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from 'jose';
import { OIDC, TEAMS_SCOPES, refresh, signIn, tokensFor } from '../../testing/entra-sign-in';
import wellKnown from '../../well-known.json';
import { startEmulator, type RunningEmulator } from '../emulator-server';
import { ManualClock } from '../../engine/clock';
import { ACS_ACCESS_KEY } from './acs-identity';
import { ISSUER, SWITCHBOARD_CLIENT_ID, TENANT_ID } from './app-registration';
import { REFRESH_TOKEN_LIFETIME_MS } from './entra-grants';

const directory = mkdtempSync(join(tmpdir(), 'switchboard-emulator-state-'));
after(() => rmSync(directory, { recursive: true, force: true }));

const start = (stateFile?: string) =>
  startEmulator({ port: 0, seed: 9, scenario: false, ...(stateFile && { cloud: { stateFile } }) });

/** MSAL's silent sign-in with the browser's session cookie: a code, or Entra ID's error. */
async function silentSignIn(emulator: RunningEmulator, cookie: string): Promise<string> {
  const url = new URL(`${emulator.url}/${TENANT_ID}/oauth2/v2.0/authorize`);
  url.search = new URLSearchParams({
    client_id: SWITCHBOARD_CLIENT_ID,
    redirect_uri: 'http://localhost:4200/',
    response_type: 'code',
    response_mode: 'fragment',
    scope: OIDC,
    prompt: 'none',
    code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    code_challenge_method: 'S256',
  }).toString();
  const response = await fetch(url, { headers: { cookie }, redirect: 'manual' });
  const back = new URLSearchParams(new URL(response.headers.get('location') ?? '').hash.slice(1));
  return back.get('code') ? 'code' : String(back.get('error'));
}

const keys = async (emulator: RunningEmulator) =>
  (await (await fetch(`${emulator.url}/${TENANT_ID}/discovery/v2.0/keys`)).json()) as JSONWebKeySet;

const rotate = async (emulator: RunningEmulator, init: RequestInit = {}) => {
  const response = await fetch(`${emulator.url}/emulator/keys/rotate`, { method: 'POST', ...init });
  return { status: response.status, body: (await response.json()) as Record<string, string> };
};

describe('the emulated Entra ID across restarts', () => {
  it('keeps refresh grants and sessions in the state file, and a signed-out session stays ended', async () => {
    const stateFile = join(directory, 'grants.json');
    const first = await start(stateFile);
    const alex = await signIn(first.url, 'alex');
    const blake = await signIn(first.url, 'blake');
    await fetch(`${first.url}/${TENANT_ID}/oauth2/v2.0/logout`, {
      headers: { cookie: blake.cookie },
      redirect: 'manual',
    });
    await first.close();

    assert.equal(statSync(stateFile).mode & 0o777, 0o600, 'only its owner reads the secrets');
    const second = await start(stateFile);
    try {
      const config = { ...alex.config, token_endpoint: `${second.url}/${TENANT_ID}/oauth2/v2.0/token` };
      const renewed = await refresh(config, alex.tokens.refresh_token, `${TEAMS_SCOPES.join(' ')} ${OIDC}`);
      assert.equal(renewed.status, 200, 'the refresh token from before the restart still redeems');
      assert.equal(await silentSignIn(second, alex.cookie), 'code', 'the session cookie still signs in');
      assert.equal(await silentSignIn(second, blake.cookie), 'login_required', 'signed out stays signed out');
      // Tokens signed before the restart verify against the keys published after it.
      const { payload } = await jwtVerify(alex.tokens.id_token, createLocalJWKSet(await keys(second)), {
        issuer: ISSUER,
        audience: SWITCHBOARD_CLIENT_ID,
      });
      assert.equal(payload['name'], 'Alex Rivera');
    } finally {
      await second.close();
    }
  });

  it('forgets refresh grants and sessions on restart without a state file', async () => {
    const first = await start();
    const alex = await signIn(first.url, 'alex');
    await first.close();
    const second = await start();
    try {
      const config = { ...alex.config, token_endpoint: `${second.url}/${TENANT_ID}/oauth2/v2.0/token` };
      assert.equal((await refresh(config, alex.tokens.refresh_token, OIDC)).status, 400);
      assert.equal(await silentSignIn(second, alex.cookie), 'login_required');
    } finally {
      await second.close();
    }
  });

  it('drops expired refresh grants from the file', async () => {
    const stateFile = join(directory, 'expired.json');
    const clock = new ManualClock(Date.now());
    const emulator = await startEmulator({ port: 0, seed: 9, scenario: false, clock, cloud: { stateFile } });
    try {
      const { config, tokens } = await signIn(emulator.url, 'casey');
      assert.ok(readFileSync(stateFile, 'utf8').includes(tokens.refresh_token));
      clock.advance(REFRESH_TOKEN_LIFETIME_MS);
      assert.equal((await refresh(config, tokens.refresh_token, OIDC)).status, 400);
      assert.ok(!readFileSync(stateFile, 'utf8').includes(tokens.refresh_token));
    } finally {
      await emulator.close();
    }
  });
});

describe('POST /emulator/keys/rotate', () => {
  it('signs with a new key, publishes it beside the one before, and still takes tokens the old one signed', async () => {
    const emulator = await start();
    const identity = new CommunicationIdentityClient(
      `endpoint=${emulator.url}/;accesskey=${ACS_ACCESS_KEY}`,
      {
        allowInsecureConnection: true,
      },
    );
    const exchange = (teamsToken: string, userObjectId: string) =>
      identity.getTokenForTeamsUser({
        teamsUserAadToken: teamsToken,
        clientId: SWITCHBOARD_CLIENT_ID,
        userObjectId,
      });
    try {
      const wellKnownKid = wellKnown.entraSigningKey.kid;
      assert.deepEqual(
        (await keys(emulator)).keys.map((key) => key.kid),
        [wellKnownKid],
      );
      const before = await tokensFor(emulator.url, 'alex');
      assert.equal(decodeProtectedHeader(before.apiToken).kid, wellKnownKid);

      const first = await rotate(emulator);
      assert.equal(first.status, 200);
      const after = await tokensFor(emulator.url, 'blake');
      assert.equal(decodeProtectedHeader(after.apiToken).kid, first.body['kid']);
      assert.deepEqual(
        (await keys(emulator)).keys.map((key) => key.kid),
        [first.body['kid'], wellKnownKid],
      );
      // The identity exchange takes a Teams token signed by either published key.
      assert.ok((await exchange(before.teamsToken, '00000000-0000-4000-8000-00000000a001')).token);
      assert.ok((await exchange(after.teamsToken, '00000000-0000-4000-8000-00000000a002')).token);

      const second = await rotate(emulator, { headers: { 'content-type': 'application/json' }, body: '{}' });
      assert.deepEqual(
        (await keys(emulator)).keys.map((key) => key.kid),
        [second.body['kid'], first.body['kid']],
        'the key before the previous one is dropped',
      );
      await assert.rejects(exchange(before.teamsToken, '00000000-0000-4000-8000-00000000a001'));
      assert.ok((await exchange(after.teamsToken, '00000000-0000-4000-8000-00000000a002')).token);
    } finally {
      await emulator.close();
    }
  });

  it('takes no fields, and is a control: pages elsewhere may not turn the key', async () => {
    const emulator = await start();
    try {
      const json = { 'content-type': 'application/json' };
      assert.deepEqual(await rotate(emulator, { headers: json, body: '{"kid":"mine"}' }), {
        status: 400,
        body: { error: 'The body takes no fields: send {} or no body.' },
      });
      assert.equal((await rotate(emulator, { headers: json, body: '[' })).status, 400);
      assert.equal(
        (await rotate(emulator, { headers: { origin: 'https://elsewhere.example' } })).status,
        403,
      );
    } finally {
      await emulator.close();
    }
  });
});
