import { createHash, randomBytes } from 'node:crypto';
import { SWITCHBOARD_CLIENT_ID, TENANT_ID } from '../server/cloud/app-registration';

/** The scopes Switchboard's console asks for: its own API, and the Teams token for ACS. */
export const API_SCOPE = `api://${SWITCHBOARD_CLIENT_ID}/access_as_user`;
export const TEAMS_SCOPES = [
  'https://auth.msft.communication.azure.com/Teams.ManageCalls',
  'https://auth.msft.communication.azure.com/Teams.ManageChats',
];
export const OIDC = 'openid profile offline_access';

export interface OpenIdConfiguration {
  readonly issuer: string;
  readonly authorization_endpoint: string;
  readonly token_endpoint: string;
  readonly end_session_endpoint: string;
  readonly jwks_uri: string;
}

export interface TokenResponse {
  readonly access_token: string;
  readonly id_token: string;
  readonly refresh_token: string;
  readonly client_info: string;
  readonly scope: string;
  readonly token_type: string;
  readonly expires_in: number;
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields);

export async function discover(baseUrl: string): Promise<OpenIdConfiguration> {
  const response = await fetch(`${baseUrl}/${TENANT_ID}/v2.0/.well-known/openid-configuration`);
  return (await response.json()) as OpenIdConfiguration;
}

/** A PKCE pair as MSAL makes one: a random verifier and its SHA-256, base64url. */
export function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** The account picker's handle for the request it shows (its hidden `ctx` field). */
export function pickerHandle(html: string): string {
  const handle = /name="ctx" value="([^"]+)"/.exec(html)?.[1];
  if (!handle) throw new Error(`No account picker in:\n${html}`);
  return handle;
}

/**
 * What MSAL does in the browser, by hand: discovery, `/authorize` (the account picker), picking a
 * user, and redeeming the code with its PKCE verifier. Returns the tokens, the redirect back to
 * the app (its fragment parsed) and the session cookie the picker set.
 */
export async function signIn(
  baseUrl: string,
  userKey: string,
  options: { scope?: string; redirectUri?: string; nonce?: string; state?: string } = {},
) {
  const config = await discover(baseUrl);
  const { verifier, challenge } = pkce();
  const redirectUri = options.redirectUri ?? 'http://localhost:4200/';
  const authorize = new URL(config.authorization_endpoint);
  authorize.search = form({
    client_id: SWITCHBOARD_CLIENT_ID,
    redirect_uri: redirectUri,
    response_type: 'code',
    response_mode: 'fragment',
    scope: options.scope ?? `${API_SCOPE} ${OIDC}`,
    state: options.state ?? 'state-1',
    nonce: options.nonce ?? 'nonce-1',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    client_info: '1',
  }).toString();
  const picker = await fetch(authorize);
  const pickerHtml = await picker.text();
  const picked = await fetch(`${baseUrl}/${TENANT_ID}/login`, {
    method: 'POST',
    body: form({ ctx: pickerHandle(pickerHtml), user: userKey }),
    redirect: 'manual',
  });
  const location = new URL(picked.headers.get('location') ?? '');
  const back = new URLSearchParams(location.hash.slice(1));
  const token = await fetch(config.token_endpoint, {
    method: 'POST',
    body: form({
      client_id: SWITCHBOARD_CLIENT_ID,
      grant_type: 'authorization_code',
      code: back.get('code') ?? '',
      redirect_uri: redirectUri,
      code_verifier: verifier,
      scope: options.scope ?? `${API_SCOPE} ${OIDC}`,
      client_info: '1',
    }),
  });
  return {
    config,
    pickerHtml,
    location,
    back,
    cookie: (picked.headers.get('set-cookie') ?? '').split(';')[0],
    tokens: (await token.json()) as TokenResponse,
  };
}

/** MSAL's silent renewal: a refresh token for an access token to `scope`'s resource. */
export async function refresh(
  config: OpenIdConfiguration,
  refreshToken: string,
  scope: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(config.token_endpoint, {
    method: 'POST',
    body: form({
      client_id: SWITCHBOARD_CLIENT_ID,
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      scope,
    }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** A user's Entra access tokens for Switchboard's API and for ACS (the Teams token). */
export async function tokensFor(baseUrl: string, userKey: string) {
  const { config, tokens } = await signIn(baseUrl, userKey);
  const teams = await refresh(config, tokens.refresh_token, `${TEAMS_SCOPES.join(' ')} ${OIDC}`);
  return { apiToken: tokens.access_token, teamsToken: String(teams.body['access_token']), config };
}
