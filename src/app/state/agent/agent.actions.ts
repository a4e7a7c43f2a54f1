import { createActionGroup, emptyProps, props } from '@ngrx/store';
import type { Failure } from '../../calling/calling-codes';
import type { SignedInUser } from '../../core/auth/signed-in-user';

export const AppActions = createActionGroup({
  source: 'App',
  events: {
    Started: emptyProps(),
    'Session Restored': props<{ userKey: string }>(),
  },
});

export const SignInPageActions = createActionGroup({
  source: 'Sign-in Page',
  events: {
    'User Picked': props<{ userKey: string }>(),
  },
});

export const ShellActions = createActionGroup({
  source: 'Shell',
  events: {
    'Sign Out Clicked': emptyProps(),
    /** Sign in again as the same user after the calling service could not be reached. */
    'Try Again Clicked': props<{ userKey: string }>(),
  },
});

export const AuthApiActions = createActionGroup({
  source: 'Auth API',
  events: {
    'Signed In': props<{ user: SignedInUser }>(),
    'Sign In Failed': props<{ failure: Failure }>(),
  },
});
