import { createActionGroup, emptyProps } from '@ngrx/store';

/** The `Status` region under the toolbar: why the console changed the status, or why Teams refused it. */
export const StatusRegionActions = createActionGroup({
  source: 'Status Region',
  events: {
    'Set Available Clicked': emptyProps(),
    'Dismiss Clicked': emptyProps(),
  },
});
