import assert from 'node:assert/strict';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { decodeJwt } from 'jose';
import { ManualClock } from './clock';
import { hmacSha256, sha256 } from './hmac-sha256';
import { World } from './world';
import wellKnown from '../well-known.json';

const HOUR_MS = 60 * 60 * 1000;

/** A console's `hello` with a token: what the world answers, or the error it refuses with. */
async function hello(world: World, token: string): Promise<unknown> {
  const endpoint = world.open(
    () => undefined,
    () => undefined,
  );
  return world.request(endpoint, { op: 'hello', token }).then(
    () => 'signed in',
    (error: { code: number; subCode?: number }) => `${error.code}/${error.subCode}`,
  );
}

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('ACS tokens: signed with the well-known access key, checked without memory', () => {
  it('are accepted by a world started after the one that issued them (a restarted emulator)', async () => {
    const clock = new ManualClock();
    const token = new World({ clock, seed: 1, scenario: false }).issueToken('alex').token;
    const restarted = new World({ clock, seed: 2, scenario: false });
    assert.equal(await hello(restarted, token), 'signed in');
    assert.ok(restarted.wasOnline('alex'));
  });

  it('refuse a tampered, forged or expired token, and one for a user the directory lacks (401/10009)', async () => {
    const clock = new ManualClock();
    const world = new World({ clock, seed: 1, scenario: false });
    const { token } = world.issueToken('alex', HOUR_MS);
    const [header, payload, mac] = token.split('.') as [string, string, string];

    const asBlake = encode({ ...decodeJwt(token), sbu: 'blake' });
    assert.equal(await hello(world, `${header}.${asBlake}.${mac}`), '401/10009', 'tampered payload');
    const forged = createHmac('sha256', 'not the access key')
      .update(`${header}.${asBlake}`)
      .digest('base64url');
    assert.equal(await hello(world, `${header}.${asBlake}.${forged}`), '401/10009', 'another key');
    assert.equal(await hello(world, `${header}.${payload}`), '401/10009', 'no signature');
    assert.equal(await hello(world, 'not a token'), '401/10009');

    // Signed with the real key, but for nobody in this directory.
    const key = Buffer.from(wellKnown.acsAccessKey, 'base64');
    const nobody = encode({ ...decodeJwt(token), sbu: 'nobody' });
    const signed = createHmac('sha256', key).update(`${header}.${nobody}`).digest('base64url');
    assert.equal(await hello(world, `${header}.${nobody}.${signed}`), '401/10009', 'unknown user');

    // The sign-in stand-in (Graph's) is not an ACS token, though the same key signs it.
    assert.equal(await hello(world, world.signIn('alex')), '401/10009', 'sign-in stand-in');

    assert.equal(await hello(world, token), 'signed in');
    clock.advance(HOUR_MS);
    assert.equal(await hello(world, token), '401/10009', 'expired');
  });

  it('carry the claims the Calling SDK reads, ending when `exp` says', () => {
    const clock = new ManualClock(Date.UTC(2026, 0, 5, 9, 0, 0, 500));
    const world = new World({ clock, seed: 1, scenario: false });
    const issued = world.issueToken('casey', HOUR_MS);
    const claims = decodeJwt(issued.token);
    assert.equal(claims['skypeid'], `orgid:${issued.user.microsoftTeamsUserId}`);
    assert.equal(claims['tid'], wellKnown.tenantId);
    assert.equal(issued.expiresOn, Number(claims.exp) * 1000);
    assert.notEqual(world.issueToken('casey', HOUR_MS).token, issued.token, 'each token is its own');
  });

  it('the sign-in stand-in names its user to a restarted world too', () => {
    const clock = new ManualClock();
    const token = new World({ clock, seed: 1, scenario: false }).signIn('blake');
    const restarted = new World({ clock, seed: 1, scenario: false });
    assert.equal(restarted.accessTokenUser(token)?.key, 'blake');
    assert.equal(restarted.accessTokenUser(restarted.issueToken('blake').token), undefined);
  });
});

describe('HMAC-SHA256 (synchronous, for the browser too)', () => {
  it('matches node:crypto across block boundaries', () => {
    for (const length of [0, 1, 55, 56, 63, 64, 65, 119, 120, 1000]) {
      const message = randomBytes(length);
      const key = randomBytes((length % 100) + 1);
      assert.equal(
        Buffer.from(sha256(message)).toString('hex'),
        createHash('sha256').update(message).digest('hex'),
      );
      assert.equal(
        Buffer.from(hmacSha256(key, message)).toString('hex'),
        createHmac('sha256', key).update(message).digest('hex'),
      );
    }
  });
});
