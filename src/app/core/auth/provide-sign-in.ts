import type { Provider } from '@angular/core';
import { AuthService } from './auth.service';
import { LazySignIn } from './lazy-sign-in';

/**
 * MSAL, the one sign-in in both modes, loaded after the console's first paint (`LazySignIn`):
 * start-up's `AuthService.restore` (the `started` effect) finishes a sign-in that came back from
 * Entra ID or restores one silently while the shell says "Signing in…"; the workspaces' guard
 * (`signedInGuard`) waits for it, then MSAL's guard sends a visitor who is not signed in to
 * Entra's sign-in page (a redirect: no call is live yet), or to the sign-in page when signing in
 * failed.
 */
export function provideSignIn(): Provider[] {
  return [LazySignIn, { provide: AuthService, useExisting: LazySignIn }];
}
