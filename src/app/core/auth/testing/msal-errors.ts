import { BrowserAuthError } from '@azure/msal-browser';

/** The error MSAL throws when the browser blocked its sign-in popup. */
export function popupBlockedError(): Error {
  return new BrowserAuthError('popup_window_error', '');
}
