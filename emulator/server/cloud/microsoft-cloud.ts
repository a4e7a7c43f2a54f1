import type { IncomingMessage, ServerResponse } from 'node:http';
import type { World } from '../../engine/world';
import { handleGraph } from '../../graph/graph-api';
import type { GraphWorld } from '../../graph/graph-world';
import { graphWorldOf } from '../../graph/world-graph';
import { requestPath } from '../http-api';
import { AcsIdentity } from './acs-identity';
import { AppRegistration, EntraError, GRAPH_RESOURCE, ISSUER, TENANT_ID } from './app-registration';
import { EntraAuthorize } from './entra-authorize';
import { tokenErrorBody } from './entra-errors';
import { EntraGrants } from './entra-grants';
import { EntraTokenEndpoint } from './entra-token';
import { EntraSigner } from './entra-tokens';
import { BodyTooLarge, callerOrigin, readBody, sendJson, sendPreflight } from './http-io';

export interface CloudOptions {
  /** Redirect URIs Switchboard's app registration accepts (default: loopback, any port). */
  readonly redirectUris?: readonly string[];
}

const TENANT_PATH = /^\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(\/.*)$/i;

/**
 * The parts of Microsoft's cloud the emulator stands in for over HTTP, each for Microsoft's own
 * client: Entra ID's OpenID Connect endpoints under `/<tenant>/` (for MSAL), ACS identity's
 * `/teamsUser/:exchangeAccessToken` (for `@azure/communication-identity`) and Microsoft Graph's
 * `/v1.0/` (for `@microsoft/microsoft-graph-client`), which takes the Graph tokens this Entra ID
 * issues.
 */
export class MicrosoftCloud {
  private readonly authorizeEndpoints: EntraAuthorize;
  private readonly tokenEndpoint: EntraTokenEndpoint;
  private readonly identity: AcsIdentity;

  private constructor(
    private readonly world: World,
    readonly signer: EntraSigner,
    options: CloudOptions,
  ) {
    const app = new AppRegistration(options.redirectUris);
    const grants = new EntraGrants(world.clock);
    this.authorizeEndpoints = new EntraAuthorize(world, app, grants);
    this.tokenEndpoint = new EntraTokenEndpoint(world, app, grants, signer);
    this.identity = new AcsIdentity(world, signer);
  }

  static async start(world: World, options: CloudOptions = {}): Promise<MicrosoftCloud> {
    return new MicrosoftCloud(world, await EntraSigner.create(), options);
  }

  handles(request: IncomingMessage): boolean {
    const path = requestPath(request.url);
    return (
      path !== undefined &&
      (TENANT_PATH.test(path) || path === '/teamsUser/:exchangeAccessToken' || path.startsWith('/v1.0/'))
    );
  }

  async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://emulator');
    try {
      if (url.pathname.startsWith('/v1.0/')) {
        return await handleGraph(await this.graphWorldFor(request), request, response);
      }
      if (url.pathname === '/teamsUser/:exchangeAccessToken' && request.method === 'POST') {
        return await this.identity.exchangeTeamsUserAccessToken(request, response, url);
      }
      const [, tenant = '', path = ''] = TENANT_PATH.exec(url.pathname) ?? [];
      if (request.method === 'OPTIONS') return sendPreflight(response);
      if (tenant !== TENANT_ID) {
        const error = new EntraError('invalid_tenant', 90002, `Tenant '${tenant}' not found.`);
        return sendJson(response, 400, tokenErrorBody(error, Date.now()));
      }
      await this.entra(`${request.method} ${path}`, request, response, url);
    } catch (error) {
      if (error instanceof BodyTooLarge)
        return sendJson(response, 413, { error: 'invalid_request', error_description: error.message });
      sendJson(response, 500, {
        error: 'server_error',
        error_description: 'The emulator failed to handle the request.',
      });
    }
  }

  /**
   * The world as Graph sees this request: a bearer this Entra ID signed for Graph (signature,
   * issuer, audience, expiry on the world's clock) is its user's, as it is to Microsoft Graph.
   * The world's own in-process sign-in tokens (`world.signIn`, for tests) still count too.
   */
  private async graphWorldFor(request: IncomingMessage): Promise<GraphWorld> {
    const graph = graphWorldOf(this.world);
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (!bearer) return graph;
    const oid = await this.signer.verify(bearer, GRAPH_RESOURCE, this.world.clock.now()).then(
      (claims) => String(claims['oid']),
      () => undefined,
    );
    return oid === undefined
      ? graph
      : { ...graph, tokenUser: (token) => (token === bearer ? oid : graph.tokenUser(token)) };
  }

  private async entra(
    route: string,
    request: IncomingMessage,
    response: ServerResponse,
    url: URL,
  ): Promise<void> {
    switch (route) {
      case 'GET /v2.0/.well-known/openid-configuration':
        return sendJson(response, 200, openIdConfiguration(callerOrigin(request)));
      case 'GET /discovery/v2.0/keys':
        return sendJson(response, 200, this.signer.jwks());
      case 'GET /oauth2/v2.0/authorize':
      case 'POST /oauth2/v2.0/authorize':
        return this.authorizeEndpoints.authorize(request, response, url);
      case 'POST /login':
        return this.authorizeEndpoints.pick(request, response);
      case 'GET /oauth2/v2.0/logout':
      case 'POST /oauth2/v2.0/logout':
        return this.authorizeEndpoints.logout(request, response, url);
      case 'POST /oauth2/v2.0/token':
        try {
          return sendJson(
            response,
            200,
            await this.tokenEndpoint.token(new URLSearchParams(await readBody(request))),
          );
        } catch (error) {
          if (!(error instanceof EntraError)) throw error;
          return sendJson(response, error.status, tokenErrorBody(error, Date.now()));
        }
      default:
        return sendJson(response, 404, {
          error: 'not_found',
          error_description: `No Entra ID endpoint ${route} in the emulator.`,
        });
    }
  }
}

/**
 * The discovery document. `issuer` is the tenant's `https` authority name, which MSAL checks
 * against the authority it was given; the endpoints are where the caller reached the emulator
 * (plain http, or the console's origin through its dev server), so MSAL's redirects, popups and
 * hidden iframes reach them without any rewriting.
 */
function openIdConfiguration(origin: string) {
  const base = `${origin}/${TENANT_ID}`;
  return {
    issuer: ISSUER,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    token_endpoint: `${base}/oauth2/v2.0/token`,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    jwks_uri: `${base}/discovery/v2.0/keys`,
    response_types_supported: ['code'],
    response_modes_supported: ['query', 'fragment'],
    grant_types_supported: ['authorization_code', 'refresh_token'],
    code_challenge_methods_supported: ['S256'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    token_endpoint_auth_methods_supported: ['none'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    claims_supported: [
      'sub',
      'iss',
      'aud',
      'exp',
      'iat',
      'nbf',
      'nonce',
      'name',
      'oid',
      'tid',
      'preferred_username',
      'roles',
      'sid',
      'ver',
    ],
    request_uri_parameter_supported: false,
    frontchannel_logout_supported: false,
    http_logout_supported: true,
    tenant_region_scope: null,
    cloud_instance_name: 'emulator.localhost',
  };
}
