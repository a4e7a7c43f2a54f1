import { createActionGroup, emptyProps, props } from '@ngrx/store';
import type { Failure } from '../../model/failure';

/** What the calling session decided, beyond what the SDK reported. */
export const CallingSessionActions = createActionGroup({
  source: 'Calling Session',
  events: {
    /** The calling service refused the agent's sign-in, even with fresh tokens: only signing in again helps. */
    'Sign In Needed': props<{ failure: Failure }>(),
    /** "Back online." has been on screen long enough. */
    'Back Online Expired': emptyProps(),
  },
});
