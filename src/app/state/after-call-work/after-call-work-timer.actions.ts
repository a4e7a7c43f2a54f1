import { createActionGroup, emptyProps } from '@ngrx/store';

/** The after-call work limit (`config.json`'s `afterCallWork.seconds`) ran out before Done. */
export const AfterCallWorkTimerActions = createActionGroup({
  source: 'After-Call Work Timer',
  events: {
    'Time Up': emptyProps(),
  },
});
