import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';

export const TENANT_ID = '11111111-1111-4111-8111-111111111111';
export const CLIENT_ID = '22222222-2222-4222-8222-222222222222';
export const API_SCOPE = `api://${CLIENT_ID}/access_as_user`;
export const OID = '33333333-3333-4333-8333-333333333333';

/**
 * An Entra tenant of the test's own: keys made with jose, its JWKS and OpenID discovery served on
 * loopback, and tokens minted with whatever claims a test needs, signed with the tenant's key or
 * with a stranger's under the same key id.
 */
export async function startTestTenant() {
  const tenantKey = await generateKeyPair('RS256');
  const strangerKey = await generateKeyPair('RS256');
  const kid = 'tenant-key-1';
  const jwks = { keys: [{ ...(await exportJWK(tenantKey.publicKey)), kid, alg: 'RS256', use: 'sig' }] };
  let issuer = '';
  let discoveryIssuer: string | null = null;
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://tenant').pathname;
    const body =
      path === '/keys'
        ? jwks
        : path === `/${TENANT_ID}/v2.0/.well-known/openid-configuration`
          ? { issuer: discoveryIssuer ?? issuer, jwks_uri: `${url}/keys` }
          : null;
    response.writeHead(body ? 200 : 404, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify(body ?? {}));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  issuer = `${url}/${TENANT_ID}/v2.0`;

  /** An access token for the API, valid now unless `claims` or `options` say otherwise. */
  const mint = (
    claims: JWTPayload = {},
    options: { signedBy?: 'tenant' | 'stranger'; alg?: string; nowS?: number } = {},
  ) => {
    const now = options.nowS ?? Math.floor(Date.now() / 1000);
    return new SignJWT({
      iss: issuer,
      aud: CLIENT_ID,
      tid: TENANT_ID,
      oid: OID,
      name: 'Robin Agent',
      azp: CLIENT_ID,
      scp: 'access_as_user',
      roles: ['Agent'],
      iat: now,
      nbf: now,
      exp: now + 3600,
      ver: '2.0',
      ...claims,
    })
      .setProtectedHeader({ alg: options.alg ?? 'RS256', kid })
      .sign(options.signedBy === 'stranger' ? strangerKey.privateKey : tenantKey.privateKey);
  };

  return {
    url,
    issuer,
    jwksUrl: `${url}/keys`,
    mint,
    /** Makes discovery name another issuer than the one it is fetched for. */
    discoveryNames: (other: string) => {
      discoveryIssuer = other;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The environment `server/` reads, for this tenant and an ACS endpoint. */
export function testEnvironment(
  tenant: { issuer: string; jwksUrl: string },
  acsConnectionString: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    ENTRA_TENANT_ID: TENANT_ID,
    ENTRA_CLIENT_ID: CLIENT_ID,
    ENTRA_ISSUER: tenant.issuer,
    ENTRA_JWKS_URL: tenant.jwksUrl,
    ACS_CONNECTION_STRING: acsConnectionString,
    LOG_LEVEL: 'silent',
    ...extra,
  };
}
