import { SignJWT } from 'jose';
import type { startTestTenant } from './test-tenant';

type Tenant = Awaited<ReturnType<typeof startTestTenant>>;
type Mint = Tenant['mint'];

const segment = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const HOUR_S = 3600;

/**
 * Each recipe of the bad-input corpus (`test-corpus/tokens.json`) as a token for Switchboard's API:
 * forged (alg none, HS256, a stranger's key), edited after signing, or signed by the tenant with
 * one claim wrong. `mint` is the tenant's (with the clock the server checks against), `nowS` that
 * clock in seconds.
 */
export async function forgedToken(recipe: string, mint: Mint, nowS: number): Promise<string> {
  const [header = '', payload = '', signature = ''] = (await mint()).split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
  switch (recipe) {
    case 'empty':
      return '';
    case 'garbage':
      return 'this-is-not-a-token';
    case 'twoSegments':
      return `${header}.${payload}`;
    case 'algNone':
      return `${segment({ alg: 'none', typ: 'JWT' })}.${payload}.${signature}`;
    case 'hs256':
      return new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256' })
        .sign(new TextEncoder().encode('a secret of the forger’s own, 32 bytes+'));
    case 'headerNotJson':
      return `${Buffer.from('not json').toString('base64url')}.${payload}.${signature}`;
    case 'payloadNotJson':
      return `${header}.${Buffer.from('not json').toString('base64url')}.${signature}`;
    case 'wrongKey':
      return mint({}, { signedBy: 'stranger', nowS });
    case 'editedPayload':
      return `${header}.${segment({ ...claims, roles: ['Supervisor'] })}.${signature}`;
    case 'unknownKid': {
      const decoded = JSON.parse(Buffer.from(header, 'base64url').toString()) as Record<string, unknown>;
      return `${segment({ ...decoded, kid: 'a-key-the-tenant-never-had' })}.${payload}.${signature}`;
    }
    case 'expired':
      return mint({}, { nowS: nowS - 2 * HOUR_S });
    case 'notYetValid':
      return mint({ nbf: nowS + HOUR_S }, { nowS });
    case 'wrongAudience':
      return mint({ aud: 'api://someone-else' }, { nowS });
    case 'wrongIssuer':
      return mint({ iss: 'https://login.microsoftonline.com/another-tenant/v2.0' }, { nowS });
    case 'otherTenant':
      return mint({ tid: 'another-tenant' }, { nowS });
    case 'otherApp':
      return mint({ azp: 'another-app' }, { nowS });
    case 'noOid':
      return mint({ oid: undefined }, { nowS });
    case 'huge':
      return `${header}.${'A'.repeat(12 * 1024)}.${signature}`;
    default:
      throw new Error(`No token recipe "${recipe}".`);
  }
}
