import { createActionGroup, emptyProps } from '@ngrx/store';

/** ACS's limit on a console's mute operations: lifted once its window has passed. */
export const MuteLimitActions = createActionGroup({
  source: 'Mute Limit',
  events: {
    Lifted: emptyProps(),
  },
});
