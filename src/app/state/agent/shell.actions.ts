import { createActionGroup, emptyProps } from '@ngrx/store';

export const ShellActions = createActionGroup({
  source: 'Shell',
  events: {
    'Sign Out Clicked': emptyProps(),
    /** Start the session again after the token exchange or the calling service failed. */
    'Try Again Clicked': emptyProps(),
    /** Sign in again in a popup, when renewing the calling token needs the user. */
    'Sign In Again Clicked': emptyProps(),
    /** Create the calling agent again now, not at the next scheduled attempt. */
    'Try Now Clicked': emptyProps(),
    'Back Online Dismissed': emptyProps(),
  },
});
