import assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { CommunicationIdentityClient } from '@azure/communication-identity';
import { decodeJwt } from 'jose';
import { ManualClock } from '../../engine/clock';
import { tokensFor } from '../../testing/entra-sign-in';
import { startEmulator, type RunningEmulator } from '../emulator-server';
import { ACS_ACCESS_KEY } from './acs-identity';
import { SWITCHBOARD_CLIENT_ID } from './app-registration';
import { refusal } from '../../testing/sdk-refusal';

const ALEX = '00000000-0000-4000-8000-00000000a001';
const BLAKE = '00000000-0000-4000-8000-00000000a002';

describe('ACS identity (emulated): getTokenForTeamsUser', () => {
  let emulator: RunningEmulator;
  let identity: CommunicationIdentityClient;
  before(async () => {
    emulator = await startEmulator({ port: 0, seed: 9, scenario: false });
    // The SDK refuses plain http unless told; the emulator is on loopback.
    identity = new CommunicationIdentityClient(`endpoint=${emulator.url}/;accesskey=${ACS_ACCESS_KEY}`, {
      allowInsecureConnection: true,
    });
  });
  after(async () => {
    await emulator.close();
  });

  it('exchanges a Teams user’s Entra token for an ACS token the calling world accepts', async () => {
    const { teamsToken } = await tokensFor(emulator.url, 'alex');
    const acs = await identity.getTokenForTeamsUser({
      teamsUserAadToken: teamsToken,
      clientId: SWITCHBOARD_CLIENT_ID,
      userObjectId: ALEX,
    });
    assert.equal(acs.expiresOn.getTime(), Number(decodeJwt(teamsToken).exp) * 1000);
    assert.equal(decodeJwt(acs.token)['skypeid'], `orgid:${ALEX}`);

    const endpoint = emulator.world.open(
      () => undefined,
      () => undefined,
    );
    await emulator.world.request(endpoint, { op: 'hello', token: acs.token });
    assert.equal(emulator.world.endpoint(endpoint)?.user?.key, 'alex');
    emulator.world.close(endpoint);
  });

  it('refuses a request signed with another access key', async () => {
    const { teamsToken } = await tokensFor(emulator.url, 'alex');
    const stranger = new CommunicationIdentityClient(
      `endpoint=${emulator.url}/;accesskey=${Buffer.from('another key').toString('base64')}`,
      { allowInsecureConnection: true },
    );
    assert.deepEqual(
      await refusal(
        stranger.getTokenForTeamsUser({
          teamsUserAadToken: teamsToken,
          clientId: SWITCHBOARD_CLIENT_ID,
          userObjectId: ALEX,
        }),
      ),
      { status: 401, code: 'Denied' },
    );
  });

  it('refuses a token that is not a Teams token for ACS, or whose app or user is not the one named', async () => {
    const { apiToken, teamsToken } = await tokensFor(emulator.url, 'alex');
    const exchange = (teamsUserAadToken: string, clientId = SWITCHBOARD_CLIENT_ID, userObjectId = ALEX) =>
      refusal(identity.getTokenForTeamsUser({ teamsUserAadToken, clientId, userObjectId }));
    assert.deepEqual(await exchange(apiToken), { status: 401, code: 'InvalidAccessToken' });
    assert.deepEqual(await exchange(`${teamsToken.slice(0, -4)}AAAA`), {
      status: 401,
      code: 'InvalidAccessToken',
    });
    assert.deepEqual(await exchange(teamsToken, '11111111-1111-4111-8111-111111111111'), {
      status: 400,
      code: 'ValidationError',
    });
    assert.deepEqual(await exchange(teamsToken, SWITCHBOARD_CLIENT_ID, BLAKE), {
      status: 400,
      code: 'ValidationError',
    });
  });

  it('checks the signature over the body and the date, as the service does', async () => {
    const { teamsToken } = await tokensFor(emulator.url, 'alex');
    const url = new URL(`${emulator.url}/teamsUser/:exchangeAccessToken?api-version=2023-10-01`);
    const body = JSON.stringify({ token: teamsToken, appId: SWITCHBOARD_CLIENT_ID, userId: ALEX });
    const send = (signedBody: string, sentBody: string, date = new Date().toUTCString()) => {
      const hash = createHash('sha256').update(signedBody).digest('base64');
      const signature = createHmac('sha256', Buffer.from(ACS_ACCESS_KEY, 'base64'))
        .update(`POST\n${url.pathname}?${url.searchParams.toString()}\n${date};${url.host};${hash}`)
        .digest('base64');
      return fetch(url, {
        method: 'POST',
        body: sentBody,
        headers: {
          'Content-Type': 'application/json',
          'x-ms-date': date,
          'x-ms-content-sha256': hash,
          Authorization: `HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=${signature}`,
        },
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as { error?: { message: string } } }));
    };
    assert.equal((await send(body, body)).status, 200);
    const tampered = await send(body, body.replace(ALEX, BLAKE));
    assert.equal(tampered.status, 401);
    assert.match(tampered.body.error?.message ?? '', /x-ms-content-sha256/);
    const stale = await send(body, body, new Date(Date.now() - 20 * 60 * 1000).toUTCString());
    assert.match(stale.body.error?.message ?? '', /x-ms-date/);
    const unsigned = await fetch(url, { method: 'POST', body });
    assert.deepEqual(await unsigned.json(), {
      error: {
        code: 'Denied',
        message:
          'Denied by the resource provider: the request is not signed (Authorization: HMAC-SHA256 SignedHeaders=...&Signature=...).',
      },
    });
  });
});

describe('ACS identity (emulated): an expired Teams token', () => {
  it('is refused with 401, on the world’s clock', async () => {
    const clock = new ManualClock();
    const emulator = await startEmulator({ port: 0, clock, scenario: false });
    try {
      const identity = new CommunicationIdentityClient(
        `endpoint=${emulator.url}/;accesskey=${ACS_ACCESS_KEY}`,
        {
          allowInsecureConnection: true,
        },
      );
      const { teamsToken } = await tokensFor(emulator.url, 'alex');
      clock.advance(60 * 60 * 1000);
      assert.deepEqual(
        await refusal(
          identity.getTokenForTeamsUser({
            teamsUserAadToken: teamsToken,
            clientId: SWITCHBOARD_CLIENT_ID,
            userObjectId: ALEX,
          }),
        ),
        { status: 401, code: 'InvalidAccessToken' },
      );
    } finally {
      await emulator.close();
    }
  });
});
