import { createHash, randomUUID } from 'node:crypto';
import {
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  importJWK,
  jwtVerify,
  SignJWT,
  type CryptoKey,
  type JSONWebKeySet,
  type JWK,
  type JWTPayload,
} from 'jose';
import type { DirectoryUser } from '../../engine/directory';
import wellKnown from '../../well-known.json';
import {
  appRole,
  ISSUER,
  SWITCHBOARD_CLIENT_ID,
  TENANT_ID,
  userPrincipalName,
  type ScopeRequest,
} from './app-registration';

/** Entra ID's defaults: access and ID tokens live an hour; a SPA's refresh token a day. */
export const TOKEN_LIFETIME_S = 3600;

const seconds = (ms: number) => Math.floor(ms / 1000);

type PublicJwk = JSONWebKeySet['keys'][number];

/** A key the tenant signs with: the private half, and the public half its JWKS publishes. */
interface SigningKey {
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly publicJwk: PublicJwk;
}

async function signingKey(privateJwk: JWK & { kid: string }): Promise<SigningKey> {
  const privateKey = (await importJWK({ ...privateJwk, alg: 'RS256' }, 'RS256')) as CryptoKey;
  const { kty, n, e, kid } = privateJwk;
  return { kid, privateKey, publicJwk: { kty, n, e, kid, use: 'sig', alg: 'RS256' } };
}

/**
 * The emulated tenant's signing keys and the tokens it signs: RS256 JWTs whose claims follow Entra
 * ID's (`oid`, `tid`, `name`, `preferred_username`, `roles`, `scp`, `azp`/`appid`), so MSAL,
 * `jose` in `server/` and the ACS identity endpoint read them as they read real ones.
 *
 * It starts with the well-known key (`emulator/well-known.json`, published like the access key,
 * not a secret), so tokens from an earlier run still verify after a restart, as Entra ID's do.
 * `rotate` makes a new key and signs with it from then on; the JWKS publishes it and the one
 * before (older ones are dropped), as Entra ID publishes the next key beside the current one.
 * Tokens the emulator receives verify against any key it publishes.
 */
export class EntraSigner {
  private constructor(
    private current: SigningKey,
    private previous: SigningKey | undefined,
  ) {}

  static async create(): Promise<EntraSigner> {
    return new EntraSigner(await signingKey(wellKnown.entraSigningKey), undefined);
  }

  get kid(): string {
    return this.current.kid;
  }

  /** A new signing key, used from now on; the current one stays published until the next rotation. */
  async rotate(): Promise<string> {
    const { privateKey } = await generateKeyPair('RS256', { extractable: true });
    const next = await signingKey({ ...(await exportJWK(privateKey)), kid: randomUUID() });
    this.previous = this.current;
    this.current = next;
    return next.kid;
  }

  /** `jwks_uri`'s document: the current key first. */
  jwks(): JSONWebKeySet {
    return { keys: [this.current, this.previous].flatMap((key) => (key ? [key.publicJwk] : [])) };
  }

  /** An ID token for Switchboard's app (`aud` = its client id), with its app role. */
  idToken(user: DirectoryUser, now: number, extra: { nonce?: string; sid?: string }): Promise<string> {
    return this.sign(
      {
        ...this.userClaims(user),
        sub: pairwiseSubject(user),
        roles: [appRole(user)],
        ver: '2.0',
        ...(extra.nonce !== undefined && { nonce: extra.nonce }),
        ...(extra.sid !== undefined && { sid: extra.sid }),
      },
      SWITCHBOARD_CLIENT_ID,
      now,
    );
  }

  /** An access token for one resource: the permissions granted become `scp`. */
  accessToken(user: DirectoryUser, request: ScopeRequest, now: number): Promise<string> {
    const { resource, permissions } = request;
    return this.sign(
      {
        ...this.userClaims(user),
        sub: pairwiseSubject(user),
        scp: permissions.join(' '),
        ...(resource.carriesAppRoles && { roles: [appRole(user)] }),
        ...(resource.version === '2.0'
          ? { azp: SWITCHBOARD_CLIENT_ID, azpacr: '0' }
          : { appid: SWITCHBOARD_CLIENT_ID, appidacr: '0', upn: userPrincipalName(user) }),
        ver: resource.version,
      },
      resource.audience,
      now,
    );
  }

  /** Verifies a token signed with a key this tenant publishes, for `audience`, at `now`; throws jose's errors. */
  async verify(token: string, audience: string, now: number): Promise<JWTPayload> {
    const { payload } = await jwtVerify(token, createLocalJWKSet(this.jwks()), {
      issuer: ISSUER,
      audience,
      algorithms: ['RS256'],
      currentDate: new Date(now),
      requiredClaims: ['exp', 'oid', 'tid'],
    });
    return payload;
  }

  private userClaims(user: DirectoryUser) {
    return {
      oid: user.microsoftTeamsUserId,
      tid: TENANT_ID,
      name: user.displayName,
      preferred_username: userPrincipalName(user),
      uti: randomUUID().replace(/-/g, ''),
    };
  }

  private sign(claims: JWTPayload, audience: string, now: number): Promise<string> {
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: this.current.kid })
      .setIssuer(ISSUER)
      .setAudience(audience)
      .setIssuedAt(seconds(now))
      .setNotBefore(seconds(now))
      .setExpirationTime(seconds(now) + TOKEN_LIFETIME_S)
      .sign(this.current.privateKey);
  }
}

/** Entra ID's `sub` is pairwise: stable for one user and one app, different across apps. */
function pairwiseSubject(user: DirectoryUser): string {
  return createHash('sha256')
    .update(`${user.microsoftTeamsUserId}:${SWITCHBOARD_CLIENT_ID}`)
    .digest('base64url')
    .slice(0, 43);
}
