import { createHash, timingSafeEqual } from 'node:crypto';
import type { DirectoryUser } from '../../engine/directory';
import type { World } from '../../engine/world';
import {
  EntraError,
  grantedScope,
  resolveScopes,
  TENANT_ID,
  type AppRegistration,
  type ScopeRequest,
} from './app-registration';
import { clientInfo } from './entra-authorize';
import type { EntraGrants } from './entra-grants';
import { TOKEN_LIFETIME_S, type EntraSigner } from './entra-tokens';

const missing = (name: string) =>
  new EntraError(
    'invalid_request',
    900144,
    `The request body must contain the following parameter: '${name}'.`,
  );

/**
 * `/oauth2/v2.0/token`: redeems an authorization code (with its PKCE verifier) or a refresh
 * token for an access token to one resource, an ID token and a new refresh token, in the shape
 * MSAL caches (`client_info`, `scope`, `expires_in`, ...). A refresh token is good for any of the
 * app's resources, as Entra ID's are.
 */
export class EntraTokenEndpoint {
  constructor(
    private readonly world: World,
    private readonly app: AppRegistration,
    private readonly grants: EntraGrants,
    private readonly signer: EntraSigner,
  ) {}

  /** The response body; throws `EntraError` for a refusal. */
  async token(form: URLSearchParams): Promise<Record<string, unknown>> {
    const get = (key: string) => form.get(key) || undefined;
    const clientId = get('client_id');
    if (!clientId) throw missing('client_id');
    if (clientId !== this.app.clientId) {
      throw new EntraError(
        'unauthorized_client',
        700016,
        `Application with identifier '${clientId}' was not found in the directory '${TENANT_ID}'.`,
      );
    }
    switch (get('grant_type')) {
      case 'authorization_code':
        return this.redeemCode(form);
      case 'refresh_token':
        return this.refresh(form);
      case undefined:
        throw missing('grant_type');
      default:
        throw new EntraError(
          'unsupported_grant_type',
          70003,
          `The app requested an unsupported grant type '${get('grant_type')}'.`,
        );
    }
  }

  private async redeemCode(form: URLSearchParams): Promise<Record<string, unknown>> {
    const code = form.get('code');
    const redirectUri = form.get('redirect_uri');
    const verifier = form.get('code_verifier');
    if (!code) throw missing('code');
    if (!redirectUri) throw missing('redirect_uri');
    if (!verifier) {
      throw new EntraError(
        'invalid_request',
        9002325,
        'Proof Key for Code Exchange is required for cross-origin authorization code redemption: send code_verifier.',
      );
    }
    const grant = this.grants.redeemCode(code);
    if (grant === 'unknown') {
      throw new EntraError(
        'invalid_grant',
        70000,
        "The provided value for the 'code' parameter is not valid.",
      );
    }
    if (grant === 'redeemed')
      throw new EntraError(
        'invalid_grant',
        54005,
        'OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.',
      );
    if (grant === 'expired')
      throw new EntraError(
        'invalid_grant',
        70008,
        'The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.',
      );
    if (grant.redirectUri !== redirectUri) {
      throw new EntraError(
        'invalid_grant',
        500112,
        `The reply address '${redirectUri}' does not match the reply address provided when requesting the authorization code.`,
      );
    }
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    if (!safeEqual(challenge, grant.codeChallenge)) {
      throw new EntraError(
        'invalid_grant',
        501481,
        'The Code_Verifier does not match the code_challenge supplied in the authorization request.',
      );
    }
    const user = this.user(grant.userKey);
    return this.respond(user, resolveScopes(grant.scope), grant.sessionId, grant.nonce);
  }

  private async refresh(form: URLSearchParams): Promise<Record<string, unknown>> {
    const token = form.get('refresh_token');
    if (!token) throw missing('refresh_token');
    const grant = this.grants.refreshGrant(token);
    if (grant === 'unknown') {
      throw new EntraError(
        'invalid_grant',
        9002313,
        'Invalid request. The refresh token is malformed or was not issued by this tenant.',
      );
    }
    if (grant === 'expired') {
      throw new EntraError(
        'invalid_grant',
        700084,
        'The refresh token was issued to a single page app (SPA), and therefore has a fixed, limited lifetime of 1.00:00:00, which cannot be extended. It is now expired and a new sign in request must be sent by the SPA to the sign in page.',
      );
    }
    if (grant.clientId !== form.get('client_id')) {
      throw new EntraError('invalid_grant', 70000, 'The refresh token was issued to a different client.');
    }
    return this.respond(
      this.user(grant.userKey),
      resolveScopes(form.get('scope') ?? 'openid'),
      grant.sessionId,
      undefined,
      grant.expiresAt,
    );
  }

  private async respond(
    user: DirectoryUser,
    request: ScopeRequest,
    sessionId: string,
    nonce?: string,
    /** A refresh grant's: the new refresh token ends when the sign-in's first one does. */
    refreshEndsAt?: number,
  ): Promise<Record<string, unknown>> {
    const now = this.world.clock.now();
    const refresh = request.oidc.has('offline_access')
      ? this.grants.issueRefreshToken(user.key, this.app.clientId, sessionId, refreshEndsAt)
      : undefined;
    return {
      token_type: 'Bearer',
      scope: grantedScope(request),
      expires_in: TOKEN_LIFETIME_S - 1,
      ext_expires_in: TOKEN_LIFETIME_S - 1,
      access_token: await this.signer.accessToken(user, request, now),
      ...(refresh && {
        refresh_token: refresh.token,
        refresh_token_expires_in: Math.floor((refresh.expiresAt - now) / 1000) - 1,
      }),
      ...(request.oidc.has('openid') && {
        id_token: await this.signer.idToken(user, now, {
          sid: sessionId,
          ...(nonce !== undefined && { nonce }),
        }),
      }),
      client_info: clientInfo(user),
    };
  }

  private user(userKey: string): DirectoryUser {
    const user = this.world.directory.user(userKey);
    if (!user)
      throw new EntraError(
        'invalid_grant',
        50034,
        `The user account ${userKey} does not exist in the directory.`,
      );
    return user;
  }
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
