import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { ApiError, invalidToken } from './api-error';
import type { EntraSettings } from './config';
import { isSecureOrLoopback } from './loopback';

/** Who an Entra access token for Switchboard's API says the caller is. */
export interface SignedInUser {
  readonly oid: string;
  readonly displayName: string;
  /** The app roles assigned to the user (`Agent`, `Supervisor`, ...). */
  readonly roles: readonly string[];
}

const JWT = /^[\w-]+\.[\w-]+\.[\w-]+$/;
/** Entra ID's clocks and ours may differ a little; a minute is plenty. */
const CLOCK_TOLERANCE_S = 60;

const unavailable = () =>
  new ApiError(
    503,
    'entra_unavailable',
    "The tenant's signing keys could not be fetched: try again shortly.",
  );

/**
 * Checks an Entra access token for Switchboard's API with `jose`: RS256 signature against the
 * tenant's JWKS (fetched from `ENTRA_JWKS_URL` or found by OpenID discovery, cached, refetched on
 * an unknown key id), issuer, audience, expiry and not-before, the tenant, the API's delegated
 * scope (so an ID token, which has none, is refused) and the client it was issued to. Every
 * refusal is a 401 that says which check failed; it never echoes the token.
 */
export class EntraTokenValidator {
  private keys: Promise<JWTVerifyGetKey> | null = null;
  private readonly scopeName: string;

  constructor(
    private readonly settings: EntraSettings,
    private readonly now: () => number = Date.now,
  ) {
    this.scopeName = settings.apiScope.split('/').pop() ?? settings.apiScope;
  }

  async validate(token: string): Promise<SignedInUser> {
    return (await this.check(token)).user;
  }

  /** The token's user, and when the token expires (epoch ms): for sockets that outlive a request. */
  async check(token: string): Promise<{ user: SignedInUser; expiresAt: number }> {
    if (!JWT.test(token)) throw invalidToken('token_malformed', 'The access token is not a JWT.');
    const keys = await this.signingKeys();
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        algorithms: ['RS256'],
        clockTolerance: CLOCK_TOLERANCE_S,
        currentDate: new Date(this.now()),
        requiredClaims: ['exp', 'oid', 'tid'],
      }));
    } catch (error) {
      throw refusal(error);
    }
    if (payload['tid'] !== this.settings.tenantId) {
      throw invalidToken('token_invalid', 'The access token is from another tenant.');
    }
    if (
      !String(payload['scp'] ?? '')
        .split(' ')
        .includes(this.scopeName)
    ) {
      throw invalidToken(
        'token_invalid',
        `The access token lacks the delegated scope ${this.settings.apiScope} (an ID token is not an access token).`,
      );
    }
    if ((payload['azp'] ?? payload['appid']) !== this.settings.clientId) {
      throw invalidToken('token_invalid', 'The access token was issued to another application.');
    }
    const roles = payload['roles'];
    return {
      user: {
        oid: String(payload['oid']),
        displayName: typeof payload['name'] === 'string' ? payload['name'] : '',
        roles: Array.isArray(roles) ? roles.filter((r): r is string => typeof r === 'string') : [],
      },
      expiresAt: payload.exp! * 1000,
    };
  }

  /** The JWKS, resolved once; a failed discovery is retried by the next request. */
  private signingKeys(): Promise<JWTVerifyGetKey> {
    this.keys ??= this.resolveKeys().catch((error: unknown) => {
      this.keys = null;
      throw error;
    });
    return this.keys;
  }

  private async resolveKeys(): Promise<JWTVerifyGetKey> {
    if (this.settings.jwksUrl) return createRemoteJWKSet(new URL(this.settings.jwksUrl));
    const discovery = `${this.settings.issuer}/.well-known/openid-configuration`;
    let document: { issuer?: unknown; jwks_uri?: unknown };
    try {
      const response = await fetch(discovery, { signal: AbortSignal.timeout(5000) });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      document = (await response.json()) as typeof document;
    } catch (error) {
      throw Object.assign(unavailable(), {
        cause: new Error(`OpenID discovery at ${discovery} failed: ${String(error)}`),
      });
    }
    const jwksUri =
      typeof document.jwks_uri === 'string' && URL.canParse(document.jwks_uri)
        ? new URL(document.jwks_uri)
        : null;
    // OpenID Connect Discovery §4.3: the document must name the issuer it was fetched for.
    if (document.issuer !== this.settings.issuer || !jwksUri || !isSecureOrLoopback(jwksUri)) {
      throw Object.assign(unavailable(), {
        cause: new Error(`OpenID discovery at ${discovery} names another issuer or no https jwks_uri.`),
      });
    }
    return createRemoteJWKSet(jwksUri);
  }
}

/** jose's error, as the client should hear it. */
function refusal(error: unknown): ApiError {
  const { code, claim } = error as { code?: string; claim?: string };
  switch (code) {
    case 'ERR_JWT_EXPIRED':
      return invalidToken('token_expired', 'The access token has expired: sign in again.');
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      return claim === 'nbf'
        ? invalidToken('token_invalid', 'The access token is not valid yet.')
        : invalidToken(
            'token_invalid',
            {
              iss: 'The access token is from another issuer.',
              aud: 'The access token is for another audience.',
            }[claim ?? ''] ?? `The access token's ${claim ?? 'claims'} claim is missing or not valid.`,
          );
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
    case 'ERR_JWKS_NO_MATCHING_KEY':
    case 'ERR_JWKS_MULTIPLE_MATCHING_KEYS':
      return invalidToken(
        'token_invalid',
        "The access token's signature does not verify with the tenant's keys.",
      );
    case 'ERR_JWS_INVALID':
    case 'ERR_JWT_INVALID':
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
    case 'ERR_JOSE_NOT_SUPPORTED':
      return invalidToken(
        'token_malformed',
        'The access token is not a signed JWT this API accepts (RS256).',
      );
    default:
      return Object.assign(unavailable(), { cause: error });
  }
}
