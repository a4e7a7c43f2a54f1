import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import { ManualClock } from '../../engine/clock';
import {
  API_SCOPE,
  OIDC,
  TEAMS_SCOPES,
  discover,
  pickerHandle,
  pkce,
  refresh,
  signIn,
} from '../../testing/entra-sign-in';
import { startEmulator, type RunningEmulator } from '../emulator-server';
import { ISSUER, SWITCHBOARD_CLIENT_ID, TENANT_ID } from './app-registration';

const authorizeUrl = (base: string, params: Record<string, string>) => {
  const { challenge } = pkce();
  return `${base}/${TENANT_ID}/oauth2/v2.0/authorize?${new URLSearchParams({
    client_id: SWITCHBOARD_CLIENT_ID,
    redirect_uri: 'http://localhost:4200/',
    response_type: 'code',
    response_mode: 'fragment',
    scope: `${API_SCOPE} ${OIDC}`,
    state: 's',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...params,
  }).toString()}`;
};

const errorOf = (location: string | null) => {
  const url = new URL(location ?? '');
  return Object.fromEntries(new URLSearchParams(url.hash ? url.hash.slice(1) : url.search));
};

describe('Entra ID (emulated): OpenID Connect for MSAL', () => {
  let emulator: RunningEmulator;
  before(async () => {
    emulator = await startEmulator({ port: 0, seed: 9, scenario: false });
  });
  after(async () => {
    await emulator.close();
  });

  it('publishes an https issuer and endpoints where the caller reached it', async () => {
    const direct = await discover(emulator.url);
    assert.equal(direct.issuer, `https://login.emulator.localhost/${TENANT_ID}/v2.0`);
    assert.equal(direct.authorization_endpoint, `${emulator.url}/${TENANT_ID}/oauth2/v2.0/authorize`);
    assert.equal(direct.jwks_uri, `${emulator.url}/${TENANT_ID}/discovery/v2.0/keys`);

    // Through the console's dev server (which forwards with X-Forwarded-Host): the console's origin.
    const proxied = await fetch(`${emulator.url}/${TENANT_ID}/v2.0/.well-known/openid-configuration`, {
      headers: { 'X-Forwarded-Host': 'localhost:4200', 'X-Forwarded-Proto': 'http' },
    });
    const config = (await proxied.json()) as Record<string, string>;
    assert.equal(config['token_endpoint'], `http://localhost:4200/${TENANT_ID}/oauth2/v2.0/token`);
    assert.equal(config['end_session_endpoint'], `http://localhost:4200/${TENANT_ID}/oauth2/v2.0/logout`);
    assert.equal(config['issuer'], ISSUER);
  });

  it('shows the directory as the account picker and signs the picked user in with code and PKCE', async () => {
    const { config, pickerHtml, back, tokens } = await signIn(emulator.url, 'sam', {
      nonce: 'n-0S6_WzA2Mj',
      state: 'opaque-state',
    });
    for (const text of ['Alex Rivera', 'Blake Chen', 'Casey Novak', 'Sam Okafor', 'Supervisor', 'Agent']) {
      assert.ok(pickerHtml.includes(text), `the picker shows ${text}`);
    }
    assert.equal(back.get('state'), 'opaque-state');

    const keys = createRemoteJWKSet(new URL(config.jwks_uri));
    const { payload: id } = await jwtVerify(tokens.id_token, keys, {
      issuer: ISSUER,
      audience: SWITCHBOARD_CLIENT_ID,
    });
    assert.equal(id['nonce'], 'n-0S6_WzA2Mj');
    assert.deepEqual(
      { oid: id['oid'], tid: id['tid'], name: id['name'], upn: id['preferred_username'], roles: id['roles'] },
      {
        oid: '00000000-0000-4000-8000-000000005001',
        tid: TENANT_ID,
        name: 'Sam Okafor',
        upn: 'sam@switchboard.example',
        roles: ['Supervisor'],
      },
    );
    const { payload: access } = await jwtVerify(tokens.access_token, keys, {
      issuer: ISSUER,
      audience: SWITCHBOARD_CLIENT_ID,
    });
    assert.equal(access['scp'], 'access_as_user');
    assert.equal(access['azp'], SWITCHBOARD_CLIENT_ID);
    assert.deepEqual(access['roles'], ['Supervisor']);
    assert.equal(tokens.scope, API_SCOPE);
    assert.equal(tokens.token_type, 'Bearer');
    assert.ok(tokens.refresh_token);
    assert.deepEqual(JSON.parse(Buffer.from(tokens.client_info, 'base64url').toString()), {
      uid: '00000000-0000-4000-8000-000000005001',
      utid: TENANT_ID,
    });
  });

  it('refreshes for another resource: the Teams token for ACS has its permissions and no app role', async () => {
    const { config, tokens } = await signIn(emulator.url, 'alex');
    const { status, body } = await refresh(config, tokens.refresh_token, `${TEAMS_SCOPES.join(' ')} ${OIDC}`);
    assert.equal(status, 200);
    const teams = decodeJwt(String(body['access_token']));
    assert.equal(teams.aud, 'https://auth.msft.communication.azure.com');
    assert.equal(teams['scp'], 'Teams.ManageCalls Teams.ManageChats');
    assert.equal(teams['appid'], SWITCHBOARD_CLIENT_ID);
    assert.equal(teams['oid'], '00000000-0000-4000-8000-00000000a001');
    assert.equal(teams['roles'], undefined);
    assert.equal(body['scope'], TEAMS_SCOPES.join(' '));
    assert.ok(body['refresh_token'] && body['refresh_token'] !== tokens.refresh_token);
    assert.equal(decodeJwt(String(body['id_token']))['nonce'], undefined);
  });

  it('redeems a code once, with its verifier and its redirect URI only', async () => {
    const config = await discover(emulator.url);
    const { verifier, challenge } = pkce();
    const picker = await fetch(authorizeUrl(emulator.url, { code_challenge: challenge }));
    const picked = await fetch(`${emulator.url}/${TENANT_ID}/login`, {
      method: 'POST',
      body: new URLSearchParams({ ctx: pickerHandle(await picker.text()), user: 'casey' }),
      redirect: 'manual',
    });
    const code = errorOf(picked.headers.get('location'))['code'] ?? '';
    const redeem = async (fields: Record<string, string>) => {
      const response = await fetch(config.token_endpoint, {
        method: 'POST',
        body: new URLSearchParams({
          client_id: SWITCHBOARD_CLIENT_ID,
          grant_type: 'authorization_code',
          code,
          redirect_uri: 'http://localhost:4200/',
          code_verifier: verifier,
          ...fields,
        }),
      });
      const body = (await response.json()) as { error?: string; error_codes?: number[] };
      return { status: response.status, error: body.error, codes: body.error_codes };
    };
    assert.deepEqual(await redeem({ code_verifier: pkce().verifier }), {
      status: 400,
      error: 'invalid_grant',
      codes: [501481],
    });
    assert.deepEqual(await redeem({ code: 'not-a-code' }), {
      status: 400,
      error: 'invalid_grant',
      codes: [70000],
    });
    assert.deepEqual(await redeem({ code: 'x', client_id: 'someone-else' }), {
      status: 400,
      error: 'unauthorized_client',
      codes: [700016],
    });
    // The first redemption spends the code, right or wrong: no second guess at the verifier.
    assert.deepEqual(await redeem({}), { status: 400, error: 'invalid_grant', codes: [54005] });
  });

  it('never redirects for an unknown app or to an unregistered redirect URI', async () => {
    const unregistered: Record<string, string>[] = [
      { client_id: 'someone-else' },
      { redirect_uri: 'https://evil.example/' },
      { redirect_uri: 'http://localhost:4200/other' },
    ];
    for (const params of unregistered) {
      const response = await fetch(authorizeUrl(emulator.url, params), { redirect: 'manual' });
      assert.equal(response.status, 400, JSON.stringify(params));
      assert.equal(response.headers.get('location'), null);
      assert.match(await response.text(), /AADSTS(700016|50011)/);
    }
    // Loopback redirect URIs match on any port.
    const otherPort = await fetch(authorizeUrl(emulator.url, { redirect_uri: 'http://localhost:4280/' }));
    assert.equal(otherPort.status, 200);
  });

  it('compares redirect URIs as strings, as Entra ID does: only a loopback port may differ', async () => {
    const accepted = [
      'http://localhost/redirect',
      'http://localhost:4200/redirect',
      'http://127.0.0.1:65535/sign-in',
      'http://127.0.0.1/',
    ];
    const refused = [
      'http://localhost:4200/redirect/../',
      'http://localhost:4200/%2e%2e/redirect',
      'http://localhost:4200/%72edirect',
      'http://127.1:4200/redirect',
      'http://0x7f000001:4200/redirect',
      'http://LOCALHOST:4200/redirect',
      'http://localhost.:4200/redirect',
      'http://localhost:4200//redirect',
      'http://localhost:4200/redirect/',
      'http://localhost:4200/redirect?x=1',
      'http://localhost:99999/redirect',
      'http://localhost:/redirect',
      'https://localhost:4200/redirect',
      'http://[::1]:4200/redirect',
      'http://user@localhost:4200/redirect',
      'http://localhost:4200',
    ];
    for (const redirect_uri of accepted) {
      const response = await fetch(authorizeUrl(emulator.url, { redirect_uri }), { redirect: 'manual' });
      assert.equal(response.status, 200, redirect_uri);
    }
    for (const redirect_uri of refused) {
      const response = await fetch(authorizeUrl(emulator.url, { redirect_uri }), { redirect: 'manual' });
      assert.equal(response.status, 400, redirect_uri);
      assert.equal(response.headers.get('location'), null, redirect_uri);
      assert.match(await response.text(), /AADSTS50011/, redirect_uri);
    }
  });

  it('takes the picker’s form from its own page only, not from another site', async () => {
    const pick = async (headers: Record<string, string>) => {
      const picker = await fetch(authorizeUrl(emulator.url, {}));
      return fetch(`${emulator.url}/${TENANT_ID}/login`, {
        method: 'POST',
        headers,
        body: new URLSearchParams({ ctx: pickerHandle(await picker.text()), user: 'alex' }),
        redirect: 'manual',
      });
    };
    const foreign: Record<string, string>[] = [
      { Origin: 'https://evil.example' },
      { Origin: 'null' },
      { Origin: 'http://localhost:4200' },
      { 'Sec-Fetch-Site': 'cross-site' },
    ];
    for (const headers of foreign) {
      const refused = await pick(headers);
      assert.equal(refused.status, 403, JSON.stringify(headers));
      assert.equal(refused.headers.get('set-cookie'), null);
      assert.match(await refused.text(), /sent from another site/);
    }
    // The picker's page posts from the origin it was reached at: directly, or through the
    // console's dev server (X-Forwarded-Host), whose origin the browser then names.
    assert.equal((await pick({ Origin: emulator.url })).status, 302);
    assert.equal(
      (await pick({ Origin: 'http://localhost:4200', 'X-Forwarded-Host': 'localhost:4200' })).status,
      302,
    );
    assert.equal((await pick({ 'Sec-Fetch-Site': 'same-origin' })).status, 302);
  });

  it('takes what MSAL adds to its requests, and refuses a parameter given twice', async () => {
    const { config, tokens } = await signIn(emulator.url, 'blake');
    const response = await fetch(config.token_endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded;charset=utf-8' },
      body: new URLSearchParams({
        client_id: SWITCHBOARD_CLIENT_ID,
        grant_type: 'refresh_token',
        refresh_token: tokens.refresh_token,
        scope: `${API_SCOPE} ${OIDC}`,
        client_info: '1',
        'x-client-SKU': 'msal.js.browser',
        'x-client-VER': '4.0.0',
        'x-ms-lib-capability': 'retry-after, h429',
        'x-client-current-telemetry': '5|61,0,,,|,',
        'x-client-last-telemetry': '5|0|||0,0',
        claims: '{"access_token":{"xms_cc":{"values":["CP1"]}}}',
      }),
    });
    assert.equal(response.status, 200);
    // A request that would succeed, but for `scope` given twice (which one would Entra ID mean?).
    const valid = new URLSearchParams({
      client_id: SWITCHBOARD_CLIENT_ID,
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token,
      scope: `${API_SCOPE} ${OIDC}`,
    });
    valid.append('scope', TEAMS_SCOPES.join(' '));
    const twice = await fetch(config.token_endpoint, { method: 'POST', body: valid });
    assert.equal(twice.status, 400);
    assert.deepEqual(((await twice.json()) as Record<string, unknown>)['error'], 'invalid_request');
  });

  it('sends other refusals back to the app, with its state: no PKCE, two resources, Cancel', async () => {
    const refused = async (params: Record<string, string>) =>
      errorOf(
        (await fetch(authorizeUrl(emulator.url, params), { redirect: 'manual' })).headers.get('location'),
      );
    assert.deepEqual(
      { ...(await refused({ code_challenge: '' })), error_description: undefined },
      {
        error: 'invalid_request',
        error_description: undefined,
        error_uri: 'https://login.emulator.localhost/error?code=9002325',
        state: 's',
      },
    );
    assert.match(
      (await refused({ scope: `${API_SCOPE} ${TEAMS_SCOPES[0]}` }))['error_description'] ?? '',
      /^AADSTS28000: .*more than one resource/,
    );
    assert.equal((await refused({ response_type: 'token' }))['error'], 'unsupported_response_type');

    const picker = await fetch(authorizeUrl(emulator.url, {}));
    const cancelled = await fetch(`${emulator.url}/${TENANT_ID}/login`, {
      method: 'POST',
      body: new URLSearchParams({ ctx: pickerHandle(await picker.text()), cancel: '1' }),
      redirect: 'manual',
    });
    assert.deepEqual(
      { error: errorOf(cancelled.headers.get('location'))['error'], state: 's' },
      { error: 'access_denied', state: 's' },
    );
  });

  it('signs in silently (prompt=none) with the browser’s session, and asks for interaction without one', async () => {
    const { cookie } = await signIn(emulator.url, 'blake');
    const silent = (headers: Record<string, string>, params: Record<string, string> = {}) =>
      fetch(authorizeUrl(emulator.url, { prompt: 'none', ...params }), { headers, redirect: 'manual' });

    const withSession = errorOf((await silent({ cookie })).headers.get('location'));
    assert.ok(withSession['code']);
    assert.equal(
      JSON.parse(Buffer.from(withSession['client_info'] ?? '', 'base64url').toString()).uid,
      '00000000-0000-4000-8000-00000000a002',
    );
    assert.equal(errorOf((await silent({})).headers.get('location'))['error'], 'login_required');
    // The redirect names the session, but what it shows cannot stand in for the cookie.
    const sessionState = withSession['session_state'] ?? '';
    assert.ok(sessionState && !cookie.includes(sessionState));
    assert.equal(
      errorOf((await silent({ cookie: `emulator_entra_session=${sessionState}` })).headers.get('location'))[
        'error'
      ],
      'login_required',
    );
    assert.equal(
      errorOf((await silent({ cookie }, { sid: sessionState })).headers.get('location'))['code'] !==
        undefined,
      true,
    );
    assert.equal(
      errorOf((await silent({ cookie }, { login_hint: 'alex@switchboard.example' })).headers.get('location'))[
        'error'
      ],
      'interaction_required',
    );

    const logout = await fetch(
      `${emulator.url}/${TENANT_ID}/oauth2/v2.0/logout?post_logout_redirect_uri=${encodeURIComponent('http://localhost:4200/')}`,
      { headers: { cookie }, redirect: 'manual' },
    );
    assert.equal(logout.headers.get('location'), 'http://localhost:4200/');
    assert.equal(errorOf((await silent({ cookie })).headers.get('location'))['error'], 'login_required');
  });

  it('answers an unknown tenant as Entra ID does', async () => {
    const response = await fetch(
      `${emulator.url}/11111111-1111-4111-8111-111111111111/v2.0/.well-known/openid-configuration`,
    );
    assert.equal(response.status, 400);
    assert.deepEqual(((await response.json()) as { error_codes: number[] }).error_codes, [90002]);
  });
});

describe('Entra ID (emulated): lifetimes on the world’s clock', () => {
  it('expires codes after 10 minutes and a SPA’s refresh token after 24 hours', async () => {
    const clock = new ManualClock();
    const emulator = await startEmulator({ port: 0, clock, scenario: false });
    try {
      const { verifier, challenge } = pkce();
      const picker = await fetch(authorizeUrl(emulator.url, { code_challenge: challenge }));
      const picked = await fetch(`${emulator.url}/${TENANT_ID}/login`, {
        method: 'POST',
        body: new URLSearchParams({ ctx: pickerHandle(await picker.text()), user: 'alex' }),
        redirect: 'manual',
      });
      clock.advance(10 * 60 * 1000);
      const stale = await fetch(`${emulator.url}/${TENANT_ID}/oauth2/v2.0/token`, {
        method: 'POST',
        body: new URLSearchParams({
          client_id: SWITCHBOARD_CLIENT_ID,
          grant_type: 'authorization_code',
          code: errorOf(picked.headers.get('location'))['code'] ?? '',
          redirect_uri: 'http://localhost:4200/',
          code_verifier: verifier,
        }),
      });
      assert.deepEqual(((await stale.json()) as { error_codes: number[] }).error_codes, [70008]);

      const { config, tokens } = await signIn(emulator.url, 'alex');
      // Each refresh hands out a new refresh token, which ends when the sign-in's first one does.
      clock.advance(23 * 60 * 60 * 1000);
      const renewed = await refresh(config, tokens.refresh_token, `${API_SCOPE} ${OIDC}`);
      assert.equal(renewed.status, 200);
      assert.equal(renewed.body['refresh_token_expires_in'], 60 * 60 - 1);
      clock.advance(60 * 60 * 1000);
      for (const token of [tokens.refresh_token, String(renewed.body['refresh_token'])]) {
        const late = await refresh(config, token, `${API_SCOPE} ${OIDC}`);
        assert.equal(late.status, 400);
        assert.deepEqual(late.body['error_codes'], [700084]);
      }
    } finally {
      await emulator.close();
    }
  });
});
