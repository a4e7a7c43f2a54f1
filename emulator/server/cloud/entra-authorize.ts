import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DirectoryUser } from '../../engine/directory';
import type { World } from '../../engine/world';
import { accountPickerPage, signedOutPage, signInErrorPage } from './account-picker';
import {
  EntraError,
  resolveScopes,
  TENANT_ID,
  userPrincipalName,
  type AppRegistration,
} from './app-registration';
import { publicSessionId, type AuthorizationRequest, type EntraGrants } from './entra-grants';
import { redirectErrorParams } from './entra-errors';
import { callerOrigin, PAGE_HEADERS } from './http-io';

const SESSION_COOKIE = 'emulator_entra_session';
const COOKIE_OPTIONS = { path: `/${TENANT_ID}/`, httpOnly: true, sameSite: 'lax' } as const;

/** A request's parameters: its query and, posted as a form, its body (the body's win). */
export type EntraParams = Readonly<Record<string, string | undefined>>;

function paramsOf(request: FastifyRequest): EntraParams {
  return {
    ...(request.query as EntraParams),
    ...(request.method === 'POST' && (request.body as EntraParams | undefined)),
  };
}

/** MSAL's `client_info`: who signed in, as `uid.utid` makes its home account id. */
export function clientInfo(user: DirectoryUser): string {
  return Buffer.from(JSON.stringify({ uid: user.microsoftTeamsUserId, utid: TENANT_ID })).toString(
    'base64url',
  );
}

/**
 * The browser-facing half of the emulated Entra ID: `/authorize` (authorization code flow with
 * PKCE S256, the account picker as its page), the picker's post back, and `/logout`. A request
 * naming an unknown app or an unregistered redirect URI gets an error page, never a redirect (an
 * open redirector otherwise); every other refusal goes back to the app in its `response_mode`.
 */
export class EntraAuthorize {
  constructor(
    private readonly world: World,
    private readonly app: AppRegistration,
    private readonly grants: EntraGrants,
  ) {}

  authorize(request: FastifyRequest, response: FastifyReply): FastifyReply {
    const params = paramsOf(request);
    const get = (key: string) => params[key];
    const clientId = get('client_id');
    const redirectUri = get('redirect_uri');
    if (!clientId)
      return this.errorPage(response, 900144, "The request must contain the parameter 'client_id'.");
    if (clientId !== this.app.clientId) {
      return this.errorPage(
        response,
        700016,
        `Application with identifier '${clientId}' was not found in the directory '${TENANT_ID}'.`,
      );
    }
    if (!redirectUri) return this.errorPage(response, 900971, 'No reply address provided.');
    if (!this.app.acceptsRedirectUri(redirectUri)) {
      return this.errorPage(
        response,
        50011,
        `The redirect URI '${redirectUri}' specified in the request does not match the redirect URIs configured for the application '${clientId}'.`,
      );
    }
    const responseMode = get('response_mode') ?? 'query';
    if (responseMode !== 'query' && responseMode !== 'fragment') {
      return this.errorPage(
        response,
        null,
        `response_mode '${responseMode}' is not supported for single-page apps: use 'fragment' or 'query'.`,
      );
    }
    const state = get('state');
    const back = { redirectUri, responseMode, ...(state !== undefined && { state }) } as const;
    try {
      if (get('response_type') !== 'code') {
        throw new EntraError(
          'unsupported_response_type',
          700054,
          `response_type '${get('response_type') ?? ''}' is not enabled for the application: ask for 'code'.`,
        );
      }
      const codeChallenge = get('code_challenge');
      if (!codeChallenge) {
        throw new EntraError(
          'invalid_request',
          9002325,
          'Proof Key for Code Exchange is required for cross-origin authorization code redemption.',
        );
      }
      if (get('code_challenge_method') !== 'S256' || !/^[\w-]{43}$/.test(codeChallenge)) {
        throw new EntraError(
          'invalid_request',
          null,
          'code_challenge must be a base64url SHA-256 digest and code_challenge_method must be S256.',
        );
      }
      const scope = get('scope') ?? 'openid';
      resolveScopes(scope);
      const nonce = get('nonce');
      const held: AuthorizationRequest = {
        clientId,
        redirectUri,
        responseMode,
        scope,
        codeChallenge,
        ...(state !== undefined && { state }),
        ...(nonce !== undefined && { nonce }),
      };
      if (get('prompt') === 'none') return this.silent(request, response, held, params);
      return page(
        response,
        200,
        accountPickerPage(
          this.world.directory.builtInUsers,
          this.grants.hold(held),
          this.world.directory.generatedUsers,
        ),
      );
    } catch (error) {
      if (!(error instanceof EntraError)) throw error;
      return redirect(response, responseUrl(back, redirectErrorParams(error)));
    }
  }

  /**
   * The picker's form: the held request's handle and the user picked (or Cancel). Only the
   * picker's own page may post it: a browser names the page's origin, and a form on another site
   * (which could sign a visitor in as someone else) is refused.
   */
  pick(request: FastifyRequest, response: FastifyReply): FastifyReply {
    const origin = request.headers.origin;
    const crossSite = origin
      ? origin !== callerOrigin(request.headers)
      : request.headers['sec-fetch-site'] === 'cross-site';
    if (crossSite) {
      return this.errorPage(
        response,
        null,
        'The sign-in form was sent from another site: sign in from the sign-in page itself.',
        403,
      );
    }
    const form = (request.body ?? {}) as EntraParams;
    const held = this.grants.take(form['ctx'] ?? '');
    if (!held) {
      return this.errorPage(
        response,
        null,
        'This sign-in page has expired: start signing in again from the app.',
      );
    }
    if (form['cancel'] !== undefined) {
      const error = new EntraError('access_denied', 65004, 'User declined to consent to access the app.');
      return redirect(response, responseUrl(held, redirectErrorParams(error)));
    }
    const user = this.world.directory.user(form['user'] ?? '');
    if (!user) return this.errorPage(response, null, `No user "${form['user'] ?? ''}" in the directory.`);
    const sessionId = this.grants.openSession(user.key);
    response.setCookie(SESSION_COOKIE, sessionId, COOKIE_OPTIONS);
    return redirect(response, this.codeUrl(held, user, sessionId));
  }

  logout(request: FastifyRequest, response: FastifyReply): FastifyReply {
    const params = paramsOf(request);
    this.grants.endSession(request.cookies[SESSION_COOKIE]);
    response.clearCookie(SESSION_COOKIE, COOKIE_OPTIONS);
    const target = params['post_logout_redirect_uri'];
    if (target && this.app.acceptsRedirectUri(target)) {
      const state = params['state'];
      const back = new URL(target);
      if (state !== undefined) back.searchParams.set('state', state);
      return redirect(response, back.toString());
    }
    return page(response, 200, signedOutPage());
  }

  /** `prompt=none` (MSAL's hidden iframe): a code if the browser has a session, else an error. */
  private silent(
    request: FastifyRequest,
    response: FastifyReply,
    held: AuthorizationRequest,
    params: EntraParams,
  ): FastifyReply {
    const sessionId = request.cookies[SESSION_COOKIE];
    const user = this.world.directory.user(this.grants.sessionUser(sessionId) ?? '');
    if (!user || !sessionId) {
      throw new EntraError(
        'login_required',
        50058,
        'A silent sign-in request was sent but no user is signed in.',
      );
    }
    const hint = params['login_hint'];
    const sid = params['sid'];
    if ((hint && hint !== userPrincipalName(user)) || (sid && sid !== publicSessionId(sessionId))) {
      throw new EntraError(
        'interaction_required',
        16000,
        'The account signed in to this browser is not the one the request names.',
      );
    }
    return redirect(response, this.codeUrl(held, user, sessionId));
  }

  /** `sessionSecret` is the session cookie's value; the code and the URL carry its public id only. */
  private codeUrl(held: AuthorizationRequest, user: DirectoryUser, sessionSecret: string): string {
    const sessionId = publicSessionId(sessionSecret);
    return responseUrl(held, {
      code: this.grants.issueCode(held, user.key, sessionId),
      client_info: clientInfo(user),
      session_state: sessionId,
    });
  }

  private errorPage(
    response: FastifyReply,
    code: number | null,
    message: string,
    status = 400,
  ): FastifyReply {
    return page(response, status, signInErrorPage(code === null ? message : `AADSTS${code}: ${message}`));
  }
}

/** One of Entra ID's pages (the picker, an error, signed out). */
export function page(response: FastifyReply, status: number, html: string): FastifyReply {
  return response.code(status).headers(PAGE_HEADERS).send(html);
}

function redirect(response: FastifyReply, location: string): FastifyReply {
  return response.header('Cache-Control', 'no-store').redirect(location, 302);
}

/** The redirect back to the app: its parameters (and `state`) in the query or the fragment. */
function responseUrl(
  back: Pick<AuthorizationRequest, 'redirectUri' | 'responseMode' | 'state'>,
  params: Record<string, string>,
): string {
  const all = new URLSearchParams({ ...params, ...(back.state !== undefined && { state: back.state }) });
  if (back.responseMode === 'fragment') return `${back.redirectUri.split('#')[0]}#${all.toString()}`;
  const url = new URL(back.redirectUri);
  all.forEach((value, key) => url.searchParams.append(key, value));
  return url.toString();
}
