import { createFeature, createReducer, on } from '@ngrx/store';
import { DEFAULT_SETTINGS, type AgentSettings } from '../../model/settings';
import { SettingsPageActions } from './settings-page.actions';
import { SettingsStorageActions } from './settings-storage.actions';

/** The agent's settings: the defaults until this browser's copy is read, then what they choose. */
export const settingsFeature = createFeature({
  name: 'settings',
  reducer: createReducer<AgentSettings>(
    DEFAULT_SETTINGS,
    on(SettingsStorageActions.settingsLoaded, (_, { settings }): AgentSettings => settings),
    on(SettingsPageActions.settingsChanged, (state, { changes }): AgentSettings => ({
      ...state,
      ...changes,
    })),
    on(SettingsPageActions.defaultsRestored, (): AgentSettings => DEFAULT_SETTINGS),
  ),
});
