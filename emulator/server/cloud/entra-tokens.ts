import { createHash, randomUUID } from 'node:crypto';
import {
  exportJWK,
  generateKeyPair,
  jwtVerify,
  SignJWT,
  type CryptoKey,
  type JSONWebKeySet,
  type JWTPayload,
} from 'jose';
import type { DirectoryUser } from '../../engine/directory';
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

/**
 * The emulated tenant's signing key and the tokens it signs: RS256 JWTs whose claims follow Entra
 * ID's (`oid`, `tid`, `name`, `preferred_username`, `roles`, `scp`, `azp`/`appid`), so MSAL,
 * `jose` in `server/` and the ACS identity endpoint read them as they read real ones. The key is
 * made at start: tokens from an earlier run no longer verify, as after a key rollover.
 */
export class EntraSigner {
  private constructor(
    private readonly privateKey: CryptoKey,
    private readonly publicKey: CryptoKey,
    readonly kid: string,
    private readonly publicJwk: JSONWebKeySet['keys'][number],
  ) {}

  static async create(): Promise<EntraSigner> {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    const kid = randomUUID();
    const jwk = { ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'RS256' };
    return new EntraSigner(privateKey, publicKey, kid, jwk);
  }

  /** `jwks_uri`'s document. */
  jwks(): JSONWebKeySet {
    return { keys: [this.publicJwk] };
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

  /** Verifies a token this tenant signed, for `audience`, at `now`; throws jose's errors. */
  async verify(token: string, audience: string, now: number): Promise<JWTPayload> {
    const { payload } = await jwtVerify(token, this.publicKey, {
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
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: this.kid })
      .setIssuer(ISSUER)
      .setAudience(audience)
      .setIssuedAt(seconds(now))
      .setNotBefore(seconds(now))
      .setExpirationTime(seconds(now) + TOKEN_LIFETIME_S)
      .sign(this.privateKey);
  }
}

/** Entra ID's `sub` is pairwise: stable for one user and one app, different across apps. */
function pairwiseSubject(user: DirectoryUser): string {
  return createHash('sha256')
    .update(`${user.microsoftTeamsUserId}:${SWITCHBOARD_CLIENT_ID}`)
    .digest('base64url')
    .slice(0, 43);
}
