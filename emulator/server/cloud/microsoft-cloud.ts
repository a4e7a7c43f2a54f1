import fastifyFormbody from '@fastify/formbody';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { World } from '../../engine/world';
import { answerGraph } from '../../graph/graph-routes';
import type { GraphWorld } from '../../graph/graph-world';
import { graphWorldOf } from '../../graph/world-graph';
import { AcsError, acsErrorBody, AcsIdentity } from './acs-identity';
import { acsErrorCode, CloudFaults, entraErrorName } from './cloud-faults';
import { AppRegistration, EntraError, GRAPH_RESOURCE, ISSUER, TENANT_ID } from './app-registration';
import { EntraAuthorize, page } from './entra-authorize';
import { tokenErrorBody } from './entra-errors';
import { EntraGrants } from './entra-grants';
import { EntraTokenEndpoint } from './entra-token';
import { EntraSigner } from './entra-tokens';
import { GrantFile } from './grant-store';
import { keyRotation } from './key-rotation';
import { signInErrorPage } from './account-picker';
import { callerOrigin } from './http-io';

export interface CloudOptions {
  /** Redirect URIs Switchboard's app registration accepts (default: loopback, any port). */
  readonly redirectUris?: readonly string[];
  /**
   * Where refresh tokens and sign-in sessions are kept, so they outlive a restart
   * (`EMULATOR_STATE_FILE`); without one they live in memory only.
   */
  readonly stateFile?: string;
}

/** The largest body a cloud endpoint takes; the biggest real one (a token request) is a few KiB. */
export const CLOUD_BODY_LIMIT = 64 * 1024;

/** A path under a tenant: `/<tenant id>/...`. */
export const TENANT_PATH = /^\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(\/.*)$/i;

/** Whether a path is one of Microsoft's (Entra ID, ACS identity, Graph) rather than the emulator's own. */
export function isCloudPath(path: string): boolean {
  return TENANT_PATH.test(path) || path === '/teamsUser/:exchangeAccessToken' || path.startsWith('/v1.0/');
}

/**
 * The parameters an Entra ID endpoint reads, each a single string. Microsoft's clients send more
 * (MSAL adds `client_info`, `x-client-SKU`, `claims`, ...), which Entra ID takes: other fields are
 * allowed. A parameter given twice arrives as a list and is refused.
 */
function entraParams(...names: string[]) {
  return {
    type: 'object',
    properties: Object.fromEntries(names.map((name) => [name, { type: 'string' }])),
    additionalProperties: true,
  };
}

const AUTHORIZE_PARAMS = entraParams(
  'client_id',
  'redirect_uri',
  'response_type',
  'response_mode',
  'scope',
  'state',
  'nonce',
  'prompt',
  'login_hint',
  'sid',
  'code_challenge',
  'code_challenge_method',
);
const LOGOUT_PARAMS = entraParams('post_logout_redirect_uri', 'state', 'id_token_hint', 'logout_hint');
const TOKEN_PARAMS = entraParams(
  'client_id',
  'grant_type',
  'code',
  'redirect_uri',
  'code_verifier',
  'refresh_token',
  'scope',
);
const LOGIN_FORM = entraParams('ctx', 'user', 'cancel');

/** Graph's methods; `OPTIONS` is CORS's. */
const GRAPH_METHODS = ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'] as const;

/**
 * The parts of Microsoft's cloud the emulator stands in for over HTTP, each for Microsoft's own
 * client: Entra ID's OpenID Connect endpoints under `/<tenant>/` (for MSAL), ACS identity's
 * `/teamsUser/:exchangeAccessToken` (for `@azure/communication-identity`) and Microsoft Graph's
 * `/v1.0/` (for `@microsoft/microsoft-graph-client`), which takes the Graph tokens this Entra ID
 * issues. `routes` mounts them on the emulator's Fastify server, each with its own body parsers
 * and its own service's error shape.
 */
export class MicrosoftCloud {
  private readonly authorizeEndpoints: EntraAuthorize;
  private readonly tokenEndpoint: EntraTokenEndpoint;
  /** ACS identity's token exchange; its `tokenLifetimeMs` is a control's to set. */
  readonly identity: AcsIdentity;
  /** Refusals a test injects into Entra ID's token endpoint, ACS identity and Graph. */
  readonly faults = new CloudFaults();
  /** The world as Graph sees it: made once, its users with it. */
  private readonly graphWorld: GraphWorld;

  private constructor(
    private readonly world: World,
    readonly signer: EntraSigner,
    options: CloudOptions,
  ) {
    const app = new AppRegistration(options.redirectUris);
    const grants = new EntraGrants(
      world.clock,
      options.stateFile ? new GrantFile(options.stateFile) : undefined,
    );
    this.authorizeEndpoints = new EntraAuthorize(world, app, grants);
    this.tokenEndpoint = new EntraTokenEndpoint(world, app, grants, signer);
    this.identity = new AcsIdentity(world, signer);
    this.graphWorld = graphWorldOf(world);
  }

  static async start(world: World, options: CloudOptions = {}): Promise<MicrosoftCloud> {
    return new MicrosoftCloud(world, await EntraSigner.create(), options);
  }

  /** A Fastify plugin: Entra ID, ACS identity, Graph and the key rotation control, each encapsulated. */
  readonly routes = async (app: FastifyInstance): Promise<void> => {
    await app.register(this.entra, { prefix: `/${TENANT_ID}` });
    await app.register(keyRotation(this.signer));
    await app.register(this.acsIdentity);
    await app.register(this.graph);
  };

  private readonly entra = async (app: FastifyInstance): Promise<void> => {
    await app.register(fastifyFormbody);
    app.setErrorHandler(entraError);
    const authorize = this.authorizeEndpoints;
    app.get('/v2.0/.well-known/openid-configuration', async (request) =>
      openIdConfiguration(callerOrigin(request.headers)),
    );
    app.get('/discovery/v2.0/keys', async () => this.signer.jwks());
    app.get('/oauth2/v2.0/authorize', { schema: { querystring: AUTHORIZE_PARAMS } }, (request, reply) =>
      authorize.authorize(request, reply),
    );
    app.post(
      '/oauth2/v2.0/authorize',
      { schema: { querystring: AUTHORIZE_PARAMS, body: AUTHORIZE_PARAMS } },
      (request, reply) => authorize.authorize(request, reply),
    );
    app.post('/login', { schema: { body: LOGIN_FORM } }, (request, reply) => authorize.pick(request, reply));
    app.get('/oauth2/v2.0/logout', { schema: { querystring: LOGOUT_PARAMS } }, (request, reply) =>
      authorize.logout(request, reply),
    );
    app.post(
      '/oauth2/v2.0/logout',
      { schema: { querystring: LOGOUT_PARAMS, body: LOGOUT_PARAMS } },
      (request, reply) => authorize.logout(request, reply),
    );
    app.post('/oauth2/v2.0/token', { schema: { body: TOKEN_PARAMS } }, async (request, reply) => {
      const fault = this.faults.take('entraToken');
      if (fault) {
        const error = new EntraError(entraErrorName(fault.status), null, fault.message, fault.status);
        return reply.code(fault.status).send(tokenErrorBody(error, Date.now()));
      }
      const body = (typeof request.body === 'object' && request.body) || {};
      try {
        return await this.tokenEndpoint.token(new URLSearchParams(body as Record<string, string>));
      } catch (error) {
        if (!(error instanceof EntraError)) throw error;
        return reply.code(error.status).send(tokenErrorBody(error, Date.now()));
      }
    });
  };

  /** The SDK signs the body's bytes: the route takes them as they came, whatever the content type. */
  private readonly acsIdentity = async (app: FastifyInstance): Promise<void> => {
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
    app.setErrorHandler((error: FastifyError, request, reply) => {
      const status = error.statusCode ?? 500;
      if (status === 413)
        return reply.code(413).send(acsErrorBody(new AcsError(413, 'RequestTooLarge', tooLarge)));
      if (status >= 500) request.log.error(error);
      return reply
        .code(status < 500 ? 400 : 500)
        .send(
          acsErrorBody(
            new AcsError(
              status < 500 ? 400 : 500,
              status < 500 ? 'BadRequest' : 'InternalError',
              status < 500 ? 'The request could not be read.' : 'The emulator failed to handle the request.',
            ),
          ),
        );
    });
    app.post(
      '/teamsUser/::exchangeAccessToken',
      { schema: { querystring: { type: 'object', properties: { 'api-version': { type: 'string' } } } } },
      (request, reply) => {
        const fault = this.faults.take('getTokenForTeamsUser');
        if (!fault) return this.identity.exchangeTeamsUserAccessToken(request, reply);
        const error = new AcsError(fault.status, acsErrorCode(fault.status), fault.message);
        return reply.code(fault.status).send(acsErrorBody(error));
      },
    );
  };

  private readonly graph = async (app: FastifyInstance): Promise<void> => {
    app.removeContentTypeParser('text/plain');
    app.setErrorHandler((error: FastifyError, request, reply) => {
      const status = error.statusCode ?? 500;
      const [code, message] =
        status === 413
          ? ['RequestEntityTooLarge', tooLarge]
          : status === 415
            ? ['UnsupportedMediaType', 'Send the request body as JSON (Content-Type: application/json).']
            : status < 500
              ? ['BadRequest', 'The request body must be JSON.']
              : ['InternalServerError', 'The emulator failed to handle the request.'];
      if (status >= 500) request.log.error(error);
      return reply.code(status < 500 ? status : 500).send({ error: { code, message } });
    });
    app.route({
      method: [...GRAPH_METHODS],
      url: '/v1.0/*',
      handler: async (request, reply) => {
        const headers = Object.fromEntries(
          Object.entries(request.headers).map(([name, value]) => [
            name.toLowerCase(),
            Array.isArray(value) ? value.join(', ') : value,
          ]),
        );
        const answer = answerGraph(
          await this.graphWorldFor(headers['authorization']),
          {
            method: request.method,
            url: request.url,
            origin: `${request.protocol}://${request.host}`,
            headers,
            body: request.body,
          },
          this.faults.graph,
        );
        return reply.code(answer.status).send(answer.body);
      },
    });
  };

  /**
   * The world as Graph sees this request: a bearer this Entra ID signed for Graph (signature,
   * issuer, audience, expiry on the world's clock) is its user's, as it is to Microsoft Graph.
   * The world's own in-process sign-in tokens (`world.signIn`, for tests) still count too.
   */
  private async graphWorldFor(authorization: string | undefined): Promise<GraphWorld> {
    const graph = this.graphWorld;
    const bearer = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (!bearer) return graph;
    const oid = await this.signer.verify(bearer, GRAPH_RESOURCE, this.world.clock.now()).then(
      (claims) => String(claims['oid']),
      () => undefined,
    );
    return oid === undefined
      ? graph
      : { ...graph, tokenUser: (token) => (token === bearer ? oid : graph.tokenUser(token)) };
  }
}

const tooLarge = `The request body is larger than ${CLOUD_BODY_LIMIT / 1024} KiB.`;

/** An answer outside Entra ID's routes: a tenant that is not this one, or no such endpoint. */
export function entraNotFound(request: FastifyRequest, reply: FastifyReply, path: string): FastifyReply {
  const [, tenant = '', rest = ''] = TENANT_PATH.exec(path) ?? [];
  const error =
    tenant === TENANT_ID
      ? new EntraError(
          'not_found',
          null,
          `No Entra ID endpoint ${request.method} ${rest} in the emulator.`,
          404,
        )
      : new EntraError('invalid_tenant', 90002, `Tenant '${tenant}' not found.`);
  if (tenant === TENANT_ID)
    return reply.code(404).send({ error: error.error, error_description: error.message });
  return reply.code(400).send(tokenErrorBody(error, Date.now()));
}

/** Entra ID's refusals of what it could not read: a page where a browser asked, JSON elsewhere. */
function entraError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const status = error.statusCode ?? 500;
  if (status >= 500) {
    request.log.error(error);
    return reply
      .code(500)
      .send({ error: 'server_error', error_description: 'The emulator failed to handle the request.' });
  }
  const message = error.validation
    ? `The parameter '${error.validation[0]?.instancePath.slice(1) ?? ''}' must be given once, as text.`
    : status === 413
      ? tooLarge
      : status === 415
        ? 'Send the parameters as a form (application/x-www-form-urlencoded).'
        : 'The request could not be read.';
  const code = status === 413 || status === 415 ? status : 400;
  if (!request.url.includes('/oauth2/v2.0/token') && request.method !== 'OPTIONS' && code === 400)
    return page(reply, 400, signInErrorPage(message));
  return reply.code(code).send({ error: 'invalid_request', error_description: message });
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
