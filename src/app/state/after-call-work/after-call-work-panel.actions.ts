import { createActionGroup, emptyProps, props } from '@ngrx/store';

/** The after-call work panel: the wrap-up the agent records, then Done. */
export const AfterCallWorkPanelActions = createActionGroup({
  source: 'After-Call Work Panel',
  events: {
    'Wrap Up Chosen': props<{ code: string | null }>(),
    'Notes Changed': props<{ notes: string }>(),
    'Done Clicked': emptyProps(),
  },
});
