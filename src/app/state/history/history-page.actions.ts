import { createActionGroup, emptyProps, props } from '@ngrx/store';

/** The call history page: opening it, searching, clearing everything (after confirming). */
export const HistoryPageActions = createActionGroup({
  source: 'History Page',
  events: {
    Opened: emptyProps(),
    'Search Changed': props<{ query: string }>(),
    'Clear Confirmed': emptyProps(),
    'Failure Dismissed': emptyProps(),
  },
});
