import { createHash } from 'node:crypto';
import { randomBytes } from 'node:crypto';
import type { Clock } from '../../engine/clock';
import type { GrantStore } from './grant-store';

/** What `/authorize` was asked, kept while the user picks an account. */
export interface AuthorizationRequest {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly responseMode: 'query' | 'fragment';
  readonly scope: string;
  readonly state?: string;
  readonly nonce?: string;
  readonly codeChallenge: string;
}

export interface AuthorizationCode extends AuthorizationRequest {
  readonly userKey: string;
  readonly sessionId: string;
  readonly expiresAt: number;
}

export interface RefreshGrant {
  readonly userKey: string;
  readonly clientId: string;
  readonly sessionId: string;
  readonly expiresAt: number;
}

/** Entra ID's lifetimes: a code redeems within 10 minutes; a SPA's refresh token lasts 24 hours. */
export const CODE_LIFETIME_MS = 10 * 60 * 1000;
export const REFRESH_TOKEN_LIFETIME_MS = 24 * 60 * 60 * 1000;
const PENDING_LIFETIME_MS = 60 * 60 * 1000;

const opaque = () => randomBytes(32).toString('base64url');

/**
 * The emulated tenant's state between requests: account pickers on screen, authorization codes,
 * refresh tokens and sign-in sessions (the browser's cookie), timed by the world's clock.
 * Given a store (`EMULATOR_STATE_FILE`), refresh tokens and sessions are kept there too and read
 * back at start, so they outlive a restart; pickers on screen and codes (minutes long) are not.
 */
export class EntraGrants {
  private readonly pending = new Map<string, AuthorizationRequest & { expiresAt: number }>();
  private readonly codes = new Map<string, AuthorizationCode>();
  /** Redeemed codes until they would have expired, so a replay gets its own error. */
  private readonly redeemed = new Map<string, number>();
  private readonly refreshTokens = new Map<string, RefreshGrant>();
  private readonly sessions = new Map<string, string>();

  constructor(
    private readonly clock: Clock,
    private readonly store?: GrantStore,
  ) {
    const state = store?.load();
    for (const [token, grant] of state?.refreshTokens ?? []) this.refreshTokens.set(token, grant);
    for (const [sessionId, userKey] of state?.sessions ?? []) this.sessions.set(sessionId, userKey);
    if (state) this.save();
  }

  /** Keeps a request while the account picker is on screen; the page posts back its handle. */
  hold(request: AuthorizationRequest): string {
    this.sweep();
    const handle = opaque();
    this.pending.set(handle, { ...request, expiresAt: this.clock.now() + PENDING_LIFETIME_MS });
    return handle;
  }

  take(handle: string): AuthorizationRequest | undefined {
    const request = this.pending.get(handle);
    this.pending.delete(handle);
    return request && request.expiresAt > this.clock.now() ? request : undefined;
  }

  /** A browser's sign-in: the secret its session cookie holds (never shown anywhere else). */
  openSession(userKey: string): string {
    const sessionId = opaque();
    this.sessions.set(sessionId, userKey);
    this.save();
    return sessionId;
  }

  sessionUser(sessionId: string | undefined): string | undefined {
    return sessionId ? this.sessions.get(sessionId) : undefined;
  }

  endSession(sessionId: string | undefined): void {
    if (sessionId && this.sessions.delete(sessionId)) this.save();
  }

  issueCode(request: AuthorizationRequest, userKey: string, sessionId: string): string {
    const code = opaque();
    this.codes.set(code, { ...request, userKey, sessionId, expiresAt: this.clock.now() + CODE_LIFETIME_MS });
    return code;
  }

  /** A code is good once: the second redemption, or a late one, is refused. */
  redeemCode(code: string): AuthorizationCode | 'unknown' | 'redeemed' | 'expired' {
    const now = this.clock.now();
    const grant = this.codes.get(code);
    if (!grant) return (this.redeemed.get(code) ?? 0) > now ? 'redeemed' : 'unknown';
    this.codes.delete(code);
    this.redeemed.set(code, grant.expiresAt);
    return grant.expiresAt > now ? grant : 'expired';
  }

  /**
   * A single-page app's refresh token ends 24 hours after the sign-in, however often it is
   * redeemed: one issued by a refresh grant (`expiresAt` of the one redeemed) keeps that end.
   */
  issueRefreshToken(
    userKey: string,
    clientId: string,
    sessionId: string,
    expiresAt = this.clock.now() + REFRESH_TOKEN_LIFETIME_MS,
  ): RefreshGrant & { token: string } {
    const token = opaque();
    const grant = { userKey, clientId, sessionId, expiresAt };
    this.refreshTokens.set(token, grant);
    this.save();
    return { ...grant, token };
  }

  refreshGrant(token: string): RefreshGrant | 'unknown' | 'expired' {
    const grant = this.refreshTokens.get(token);
    if (!grant) return 'unknown';
    if (grant.expiresAt <= this.clock.now()) {
      this.refreshTokens.delete(token);
      this.save();
      return 'expired';
    }
    return grant;
  }

  /** Writes refresh tokens and sessions to the store, if there is one, without the expired ones. */
  private save(): void {
    if (!this.store) return;
    const now = this.clock.now();
    for (const [token, grant] of this.refreshTokens)
      if (grant.expiresAt <= now) this.refreshTokens.delete(token);
    this.store.save({ refreshTokens: [...this.refreshTokens], sessions: [...this.sessions] });
  }

  private sweep(): void {
    const now = this.clock.now();
    for (const [handle, request] of this.pending) if (request.expiresAt <= now) this.pending.delete(handle);
    for (const [code, grant] of this.codes) if (grant.expiresAt <= now) this.codes.delete(code);
    for (const [code, expiresAt] of this.redeemed) if (expiresAt <= now) this.redeemed.delete(code);
  }
}

/**
 * The session's public id, from the cookie's secret: what the redirect's `session_state` and the
 * ID token's `sid` show, so neither URLs nor tokens carry what would sign the browser in again.
 */
export function publicSessionId(sessionSecret: string): string {
  return createHash('sha256').update(`session:${sessionSecret}`).digest('base64url').slice(0, 32);
}
