import { createActionGroup, emptyProps, props } from '@ngrx/store';
import type { Failure } from '../../model/failure';
import type { SignedInUser } from '../../core/auth/signed-in-user';

export const AuthApiActions = createActionGroup({
  source: 'Auth API',
  events: {
    /** A Microsoft account is signed in (back from Entra's sign-in page, or restored silently). */
    'Account Restored': emptyProps(),
    /** Start-up found nobody signed in and nothing failed: the guard sends the visitor to sign in. */
    'Not Signed In': emptyProps(),
    /** Signing in with Microsoft failed (cancelled, refused, unreachable): no account. */
    'Sign In Failed': props<{ failure: Failure }>(),
    /** `server/` exchanged the Entra tokens: who signed in, with their role. */
    'Signed In': props<{ user: SignedInUser }>(),
    /** The account is signed in, but the ACS token could not be had. */
    'Session Failed': props<{ failure: Failure }>(),
    'Token Renewal Failed': props<{
      failure: Failure;
      attempt: number;
      needsSignIn: boolean;
      retryInMs: number;
    }>(),
    'Token Renewed': emptyProps(),
    'Signed In Again': emptyProps(),
    'Sign In Again Failed': props<{ failure: Failure }>(),
  },
});
