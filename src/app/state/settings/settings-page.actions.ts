import { createActionGroup, emptyProps, props } from '@ngrx/store';
import type { AgentSettings } from '../../model/settings';

/** The Settings page: each change the agent makes, and going back to the defaults. */
export const SettingsPageActions = createActionGroup({
  source: 'Settings Page',
  events: {
    'Settings Changed': props<{ changes: Partial<AgentSettings> }>(),
    'Defaults Restored': emptyProps(),
  },
});
