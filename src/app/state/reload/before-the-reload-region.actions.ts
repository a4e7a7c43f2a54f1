import { createActionGroup, emptyProps } from '@ngrx/store';

/** The "Before the reload" region on the dashboard. */
export const BeforeReloadRegionActions = createActionGroup({
  source: 'Before The Reload Region',
  events: {
    'Dismiss Clicked': emptyProps(),
  },
});
