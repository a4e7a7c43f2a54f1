import { createActionGroup, props } from '@ngrx/store';
import type { AgentSettings } from '../../model/settings';

/** The agent's settings as this browser kept them, read once they have signed in. */
export const SettingsStorageActions = createActionGroup({
  source: 'Settings Storage',
  events: {
    'Settings Loaded': props<{ settings: AgentSettings }>(),
  },
});
