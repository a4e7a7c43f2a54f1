import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { decodeJwt } from 'jose';
import { ApiError, invalidToken } from './api-error';
import type { EntraTokenValidator } from './entra-token';
import type { TokenExchange } from './token-exchange';

/** What `POST /api/token` answers: the ACS token, and who the console signed in. */
export interface TokenResponse {
  readonly token: string;
  readonly expiresOn: string;
  readonly user: {
    readonly id: string;
    readonly displayName: string;
    readonly role: 'agent' | 'supervisor';
    readonly microsoftTeamsUserId: string;
  };
}

/** Switchboard's workspaces come from the app roles an administrator assigns in Entra ID. */
export function workspaceRole(roles: readonly string[]): 'agent' | 'supervisor' | null {
  if (roles.includes('Supervisor')) return 'supervisor';
  if (roles.includes('Agent')) return 'agent';
  return null;
}

const BEARER = /^Bearer +(\S+)$/i;

/**
 * `POST /api/token`, `Authorization: Bearer <Entra access token for Switchboard's API>`, body
 * `{ "teamsUserAadToken": "<Entra access token for ACS>" }`. The API token says who the caller is
 * and their app role (`roles` belongs to a token's audience, so the Teams token cannot carry it);
 * the Teams token is what ACS exchanges, and must be the same user's, for this app.
 */
export function tokenRoute(
  app: FastifyInstance,
  deps: { validator: EntraTokenValidator; exchange: TokenExchange; clientId: string },
): void {
  /** Checks the token, recording a refusal rather than answering it, so the rate limit counts it. */
  const authenticate = async (request: FastifyRequest) => {
    const header = request.headers.authorization;
    const token = header ? BEARER.exec(header)?.[1] : undefined;
    if (!header) {
      request.authFailure = invalidToken(
        'token_missing',
        'Send the Entra access token: Authorization: Bearer <token>.',
      );
    } else if (!token) {
      request.authFailure = invalidToken(
        'token_malformed',
        'The Authorization header must be "Bearer <token>".',
      );
    } else {
      try {
        request.signedIn = await deps.validator.validate(token);
      } catch (error) {
        if (!(error instanceof ApiError) || error.statusCode !== 401) throw error;
        request.authFailure = error;
      }
    }
  };
  const refuseUnauthenticated = async (request: FastifyRequest) => {
    if (request.authFailure) throw request.authFailure;
  };

  app.post(
    '/api/token',
    { onRequest: [authenticate, app.rateLimit(), refuseUnauthenticated] },
    async (request: FastifyRequest, reply: FastifyReply): Promise<TokenResponse> => {
      const user = request.signedIn;
      if (!user) throw new Error('An unauthenticated request reached the token exchange.');
      const role = workspaceRole(user.roles);
      if (!role) {
        throw new ApiError(
          403,
          'no_role',
          'Your account has neither the Agent nor the Supervisor role in Switchboard: ask an administrator to assign one.',
        );
      }
      const teamsToken = (request.body as { teamsUserAadToken?: unknown } | null)?.teamsUserAadToken;
      if (typeof teamsToken !== 'string' || !teamsToken) {
        throw new ApiError(
          400,
          'invalid_request',
          'Send { "teamsUserAadToken": "<Entra access token for Azure Communication Services>" } as the JSON body.',
        );
      }
      let teamsClaims: ReturnType<typeof decodeJwt>;
      try {
        teamsClaims = decodeJwt(teamsToken);
      } catch {
        throw new ApiError(400, 'invalid_request', 'teamsUserAadToken is not a JWT.');
      }
      // ACS checks the Teams token's signature; these checks only make the refusal clearer.
      if (teamsClaims['oid'] !== user.oid) {
        throw new ApiError(
          403,
          'teams_token_mismatch',
          'The Teams token belongs to another user than the one signed in.',
        );
      }
      if ((teamsClaims['appid'] ?? teamsClaims['azp']) !== deps.clientId) {
        throw new ApiError(403, 'teams_token_mismatch', 'The Teams token was issued to another application.');
      }
      const acs = await deps.exchange.exchange(teamsToken, user.oid, request.log);
      reply.header('Cache-Control', 'no-store');
      return {
        token: acs.token,
        expiresOn: acs.expiresOn.toISOString(),
        user: { id: user.oid, displayName: user.displayName, role, microsoftTeamsUserId: user.oid },
      };
    },
  );
}
