import type { Failure } from '../../model/failure';

/** `server/`'s token exchange refused, in its own words (`{ error: { code, message } }`). */
export class TokenExchangeError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
  ) {
    super(message);
    this.name = 'TokenExchangeError';
  }
}

/** The exchange refuses tokens Entra would now refuse too: a new sign-in fixes it. */
const EXCHANGE_CODES_NEEDING_SIGN_IN = new Set(['token_expired', 'token_invalid', 'teams_token_rejected']);

/**
 * MSAL's errors by their shape, not their classes: MSAL loads after the console's first paint
 * (`provide-sign-in.ts`), and its classes would bring it into the start. Every MSAL error is an
 * `AuthError` with a code and a message, and names its class (`name`, set by MSAL itself).
 */
interface MsalError extends Error {
  readonly errorCode: string;
  readonly errorMessage: string;
}

function isMsalError(error: unknown): error is MsalError {
  if (!(error instanceof Error)) return false;
  const { errorCode, errorMessage } = error as Partial<MsalError>;
  return typeof errorCode === 'string' && typeof errorMessage === 'string';
}

/** Entra wants the user (MSAL's `InteractionRequiredAuthError`). */
const needsInteraction = (error: unknown): error is MsalError =>
  isMsalError(error) && error.name === 'InteractionRequiredAuthError';

/** MSAL's `BrowserAuthErrorCodes` this console words itself. */
const BrowserAuthErrorCodes = {
  userCancelled: 'user_cancelled',
  popupWindowError: 'popup_window_error',
  emptyWindowError: 'empty_window_error',
  noNetworkConnectivity: 'no_network_connectivity',
  getRequestFailed: 'get_request_failed',
  postRequestFailed: 'post_request_failed',
  timedOut: 'timed_out',
  interactionInProgress: 'interaction_in_progress',
} as const;

/** What a sign-in the user walked away from says: no error, only the way on. */
export const SIGN_IN_CANCELLED = 'Sign-in was cancelled. Sign in to continue.';

/**
 * Entra answers `access_denied` when the user cancels on its page or declines consent
 * (AADSTS65004); other `AADSTS` codes with it (an account not assigned to the app) are refusals
 * worth showing.
 */
function isCancelled(error: MsalError): boolean {
  if (error.errorCode !== 'access_denied') return false;
  const code = /AADSTS\d+/.exec(error.errorMessage)?.[0];
  return code === undefined || code === 'AADSTS65004';
}

const BROWSER_ERRORS: Record<string, string> = {
  [BrowserAuthErrorCodes.userCancelled]: SIGN_IN_CANCELLED,
  [BrowserAuthErrorCodes.popupWindowError]:
    'The browser blocked the sign-in window. Allow pop-ups for Switchboard, then try again.',
  [BrowserAuthErrorCodes.emptyWindowError]:
    'The browser blocked the sign-in window. Allow pop-ups for Switchboard, then try again.',
  [BrowserAuthErrorCodes.noNetworkConnectivity]:
    'This computer is offline: Microsoft sign-in cannot be reached.',
  [BrowserAuthErrorCodes.getRequestFailed]:
    'Microsoft sign-in is not reachable. Check the network and try again.',
  [BrowserAuthErrorCodes.postRequestFailed]:
    'Microsoft sign-in is not reachable. Check the network and try again.',
  [BrowserAuthErrorCodes.timedOut]: 'Microsoft sign-in did not answer in time. Try again.',
  [BrowserAuthErrorCodes.interactionInProgress]:
    'A sign-in is already under way in this browser. Finish it first.',
};

const TRANSIENT_BROWSER_ERRORS: ReadonlySet<string> = new Set([
  BrowserAuthErrorCodes.noNetworkConnectivity,
  BrowserAuthErrorCodes.getRequestFailed,
  BrowserAuthErrorCodes.postRequestFailed,
  BrowserAuthErrorCodes.timedOut,
]);

/**
 * A problem that goes away by itself: `server/` or Entra ID could not be reached (a restart, the
 * network) or had a fault of its own (5xx). Worth a retry, not the agent's attention.
 */
export function isTransientAuthError(error: unknown): boolean {
  if (error instanceof TokenExchangeError) return error.status === 0 || error.status >= 500;
  return isMsalError(error) && TRANSIENT_BROWSER_ERRORS.has(error.errorCode);
}

/**
 * A sign-in or renewal problem in words, and whether only the user can fix it (Entra wants them
 * to sign in again). MSAL's own text is kept where it helps an administrator (the `AADSTS` code).
 */
/** Entra's messages end with trace and correlation ids on lines of their own. */
const firstLine = (text: string) => text.split(/\r?\n/)[0]?.trim() ?? '';

export function describeAuthError(error: unknown): { failure: Failure; needsSignIn: boolean } {
  if (error instanceof TokenExchangeError) {
    return {
      failure: { message: `Could not get a calling token: ${error.message}` },
      needsSignIn: EXCHANGE_CODES_NEEDING_SIGN_IN.has(error.code),
    };
  }
  if (needsInteraction(error)) {
    return {
      failure: { message: 'Your Microsoft sign-in has expired: sign in again.' },
      needsSignIn: true,
    };
  }
  if (isMsalError(error)) {
    const known = BROWSER_ERRORS[error.errorCode];
    if (known) return { failure: { message: known }, needsSignIn: false };
    if (isCancelled(error)) return { failure: { message: SIGN_IN_CANCELLED }, needsSignIn: false };
    if (error.errorCode === 'access_denied') {
      return {
        failure: { message: `Sign-in did not complete: ${firstLine(error.errorMessage)}` },
        needsSignIn: false,
      };
    }
    return {
      failure: { message: `Microsoft sign-in failed: ${firstLine(error.errorMessage) || error.errorCode}` },
      needsSignIn: false,
    };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return { failure: { message: `Sign-in failed: ${detail}` }, needsSignIn: false };
}
