import type { DirectoryUser } from '../../engine/directory';
import wellKnown from '../../well-known.json';

/**
 * Switchboard's app registration in the emulated tenant, as an administrator would create it in
 * Entra ID: a single-page application whose redirect URIs are registered, which exposes an API
 * (`api://<client id>/access_as_user`) and defines the app roles `Agent` and `Supervisor`. The
 * resources it may ask tokens for are Switchboard's own API, Azure Communication Services (the
 * Teams token `getTokenForTeamsUser` exchanges) and Microsoft Graph.
 */
export const TENANT_ID = wellKnown.tenantId;
export const SWITCHBOARD_CLIENT_ID = wellKnown.switchboardClientId;
/** The authority's host name: `https` for MSAL, never resolved (see `entra-endpoints.ts`). */
export const AUTHORITY_HOST = wellKnown.authorityHost;
export const AUTHORITY = `https://${AUTHORITY_HOST}/${TENANT_ID}`;
/** Every token the emulated Entra ID signs carries this issuer (v2.0 style, for every resource). */
export const ISSUER = `${AUTHORITY}/v2.0`;
export const ACS_RESOURCE = 'https://auth.msft.communication.azure.com';
export const GRAPH_RESOURCE = 'https://graph.microsoft.com';

/**
 * The console's redirect URIs on this machine: its redirect bridge (`/redirect`, where every
 * answer comes back), its sign-in page (where sign-out lands) and its root. Loopback redirect URIs
 * match on any port, as Entra ID matches them (RFC 8252 §7.3): `npm start`, e2e and a second
 * console on another port all sign in without registering each port.
 */
export const DEFAULT_REDIRECT_URIS = ['localhost', '127.0.0.1'].flatMap((host) =>
  ['/', '/redirect', '/sign-in'].map((path) => `http://${host}${path}`),
);

/**
 * A loopback redirect URI as Entra ID recognises one: `http://localhost` or `http://127.0.0.1`,
 * spelt exactly so, with an optional port. Other spellings of the same address (`LOCALHOST`,
 * `127.1`, `0x7f000001`) are other strings, and Entra ID compares strings.
 */
const LOOPBACK = /^(http:\/\/(?:localhost|127\.0\.0\.1))(?::\d{1,5})?(\/[^#]*)?$/;

/** The URI without the port of a loopback address; any other URI as it is. */
function withoutLoopbackPort(uri: string): string {
  const match = LOOPBACK.exec(uri);
  return match ? `${match[1]}${match[2] ?? ''}` : uri;
}

export function userPrincipalName(user: DirectoryUser): string {
  return `${user.key}@${wellKnown.tenantDomain}`;
}

/** The app role an administrator assigned: the `roles` claim of Switchboard's tokens. */
export function appRole(user: DirectoryUser): 'Agent' | 'Supervisor' {
  return user.role === 'supervisor' ? 'Supervisor' : 'Agent';
}

export class AppRegistration {
  readonly clientId = SWITCHBOARD_CLIENT_ID;
  private readonly redirectUris: ReadonlySet<string>;

  constructor(redirectUris: readonly string[] = DEFAULT_REDIRECT_URIS) {
    for (const uri of redirectUris) {
      if (!URL.canParse(uri) || uri.includes('#'))
        throw new Error(`"${uri}" is not a redirect URI (an absolute URL without #).`);
    }
    this.redirectUris = new Set(redirectUris.map(withoutLoopbackPort));
  }

  /**
   * Whether `uri` is registered, compared as Entra ID compares: the exact string (no resolving of
   * `..`, `%2e`, case or other spellings of an address), except that the port of a loopback
   * redirect URI (`http://localhost`, `http://127.0.0.1`) is ignored (RFC 8252 §7.3).
   */
  acceptsRedirectUri(uri: string): boolean {
    return URL.canParse(uri) && !uri.includes('#') && this.redirectUris.has(withoutLoopbackPort(uri));
  }
}

/** A resource (an API) Entra ID issues access tokens for, with the delegated permissions it has. */
export interface Resource {
  readonly name: string;
  /** The `aud` of its tokens. */
  readonly audience: string;
  /** Token version: v1 tokens name the client in `appid`, v2 tokens in `azp`. */
  readonly version: '1.0' | '2.0';
  /** What a scope of this resource is prefixed with; Graph's short names have none. */
  readonly scopePrefix: string;
  /** `null`: any permission (Graph has hundreds; the emulator does not model consent). */
  readonly permissions: readonly string[] | null;
  readonly defaultPermissions: readonly string[];
  /** Only the app's own API carries its app roles: `roles` belongs to the token's audience. */
  readonly carriesAppRoles: boolean;
}

export const SWITCHBOARD_API: Resource = {
  name: 'Switchboard',
  audience: SWITCHBOARD_CLIENT_ID,
  version: '2.0',
  scopePrefix: `api://${SWITCHBOARD_CLIENT_ID}/`,
  permissions: ['access_as_user'],
  defaultPermissions: ['access_as_user'],
  carriesAppRoles: true,
};

export const ACS: Resource = {
  name: 'Azure Communication Services',
  audience: ACS_RESOURCE,
  version: '1.0',
  scopePrefix: `${ACS_RESOURCE}/`,
  permissions: ['Teams.ManageCalls', 'Teams.ManageChats'],
  defaultPermissions: ['Teams.ManageCalls', 'Teams.ManageChats'],
  carriesAppRoles: false,
};

export const GRAPH: Resource = {
  name: 'Microsoft Graph',
  audience: GRAPH_RESOURCE,
  version: '1.0',
  scopePrefix: '',
  permissions: null,
  defaultPermissions: ['User.Read'],
  carriesAppRoles: false,
};

export const OIDC_SCOPES = new Set(['openid', 'profile', 'email', 'offline_access']);

/** A refusal in Entra ID's terms: the OAuth `error` and the `AADSTS` number with its message. */
export class EntraError extends Error {
  constructor(
    readonly error: string,
    readonly code: number | null,
    message: string,
    readonly status = 400,
  ) {
    super(code === null ? message : `AADSTS${code}: ${message}`);
  }
}

export interface ScopeRequest {
  readonly resource: Resource;
  readonly permissions: readonly string[];
  readonly oidc: ReadonlySet<string>;
}

/** Splits a `scope` parameter into OpenID scopes and one resource's permissions, as Entra ID does. */
export function resolveScopes(scope: string): ScopeRequest {
  const oidc = new Set<string>();
  const byResource = new Map<Resource, Set<string>>();
  for (const item of scope.split(' ').filter(Boolean)) {
    if (OIDC_SCOPES.has(item)) {
      oidc.add(item);
      continue;
    }
    const resource = [SWITCHBOARD_API, ACS].find((r) => item.startsWith(r.scopePrefix));
    let permission: string;
    let target: Resource;
    if (resource) {
      target = resource;
      permission = item.slice(resource.scopePrefix.length);
    } else if (item.startsWith(`${GRAPH_RESOURCE}/`)) {
      target = GRAPH;
      permission = item.slice(GRAPH_RESOURCE.length + 1);
    } else if (!item.includes('/') && !item.includes(':')) {
      target = GRAPH;
      permission = item;
    } else {
      throw new EntraError(
        'invalid_resource',
        500011,
        `The resource principal named ${item.replace(/\/[^/]*$/, '')} was not found in the tenant named ${TENANT_ID}.`,
      );
    }
    const permissions =
      permission === '.default'
        ? target.defaultPermissions
        : target.permissions === null || target.permissions.includes(permission)
          ? [permission]
          : null;
    if (!permissions || !permission) {
      throw new EntraError(
        'invalid_scope',
        70011,
        `The provided value for the input parameter 'scope' is not valid. The scope '${item}' does not exist on ${target.name}.`,
      );
    }
    const set = byResource.get(target) ?? new Set<string>();
    permissions.forEach((p) => set.add(p));
    byResource.set(target, set);
  }
  if (byResource.size > 1) {
    throw new EntraError(
      'invalid_scope',
      28000,
      `Provided value for the input parameter scope is not valid because it contains more than one resource (${[...byResource.keys()].map((r) => r.name).join(', ')}). Ask for one resource's scopes per request.`,
    );
  }
  const [entry] = byResource.entries();
  return entry
    ? { resource: entry[0], permissions: [...entry[1]], oidc }
    : { resource: GRAPH, permissions: GRAPH.defaultPermissions, oidc };
}

/** The `scope` a token response names: full names, except Graph's short ones. */
export function grantedScope(request: ScopeRequest): string {
  return request.permissions.map((p) => `${request.resource.scopePrefix}${p}`).join(' ');
}
