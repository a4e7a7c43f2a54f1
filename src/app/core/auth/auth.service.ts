import type { CommunicationTokenCredential } from '@azure/communication-common';
import type { Observable } from 'rxjs';
import type { Failure } from '../../model/failure';
import type { SignedInUser } from './signed-in-user';
import type { TokenRenewalEvent } from './token-renewal';

/** What start-up found: a Microsoft account signed in (or not), or why signing in failed. */
export interface RestoredSession {
  readonly signedIn: boolean;
  readonly failure: Failure | null;
}

/**
 * Sign-in and the ACS credential, the same in both modes: MSAL signs the Teams user in with
 * Entra ID (in emulator mode, the emulator's Entra ID and its account picker); `server/`
 * exchanges the Entra tokens for an ACS token. No token is kept in browser storage.
 */
export abstract class AuthService {
  /**
   * Start-up, before the guarded routes open: finishes a sign-in coming back from Microsoft's sign-in
   * page, or signs the browser's Microsoft session in again silently (a reload). Never navigates,
   * never rejects; the same answer however often it is asked.
   */
  abstract restore(): Promise<RestoredSession>;
  /** Leaves for Microsoft's sign-in page (a redirect): only where no call can be live. */
  abstract signIn(): Promise<void>;
  /**
   * Gets the Entra tokens silently and exchanges them at `server/` for an ACS token: who signed in,
   * their role from the token's app roles. `fresh`: the calling service refused the ACS token, so
   * Entra's tokens are fetched anew (not from the cache) and exchanged again. An exchange `server/`
   * refuses with 401 (its keys rotated since the tokens were cached) is retried once with fresh
   * tokens before it fails.
   */
  abstract startSession(options?: { readonly fresh?: boolean }): Promise<SignedInUser>;
  /**
   * The credential for this session's calling agent, with the latest ACS token: it renews the ACS token before it expires,
   * retrying a failed renewal with backoff (1 s to 60 s) until it succeeds or is disposed.
   */
  abstract credential(): CommunicationTokenCredential;
  /** Each failed renewal attempt, and the renewal that ends a run of failures. */
  abstract readonly renewal$: Observable<TokenRenewalEvent>;
  /**
   * Signs in again in a popup, never a redirect (a redirect would drop the calls): for when a
   * renewal needs the user. Call it from a click, or the browser blocks the popup.
   */
  abstract signInAgain(): Promise<void>;
  /**
   * An access token for Microsoft Graph (the directory, Teams chats) for the signed-in user, for
   * Graph's scopes: silently, or in a popup when Entra asks. Rejects with a message saying why.
   */
  abstract graphAccessToken(): Promise<string>;
  /**
   * An access token for Switchboard's own API (`scopes.api`; it carries the user's app role), for
   * the supervisor's floor: silently only (the floor reconnects by itself, with nobody to click a
   * popup). `fresh` skips a cached token, for when the floor refused the one it had. Rejects with a
   * message saying why.
   */
  abstract apiAccessToken(options?: { readonly fresh?: boolean }): Promise<string>;
  /** Ends the session and the Microsoft sign-in (a redirect to Entra ID's sign-out). */
  abstract signOut(): Promise<void>;
}
