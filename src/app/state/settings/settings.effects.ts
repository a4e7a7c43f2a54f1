import { inject } from '@angular/core';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { concatLatestFrom } from '@ngrx/operators';
import { Store } from '@ngrx/store';
import { map, tap } from 'rxjs/operators';
import { agentFeature } from '../agent/agent.feature';
import { AuthApiActions } from '../agent/auth-api.actions';
import { SettingsPageActions } from './settings-page.actions';
import { SettingsStorageActions } from './settings-storage.actions';
import { settingsFeature } from './settings.feature';
import { parseSettings, SETTINGS_STORAGE, settingsKey } from './settings-storage';

/** Once someone has signed in, their own settings from this browser (the defaults the first time). */
export const loadSettings$ = createEffect(
  (actions$ = inject(Actions), storage = inject(SETTINGS_STORAGE)) =>
    actions$.pipe(
      ofType(AuthApiActions.signedIn),
      map(({ user }) =>
        SettingsStorageActions.settingsLoaded({
          settings: parseSettings(storage.getItem(settingsKey(user.id))),
        }),
      ),
    ),
  { functional: true },
);

/**
 * Each change the agent makes is kept at once, under their own key. Only their changes are written
 * (never the defaults the store starts with), so a sign-in can never overwrite what was kept.
 */
export const saveSettings$ = createEffect(
  (actions$ = inject(Actions), store = inject(Store), storage = inject(SETTINGS_STORAGE)) =>
    actions$.pipe(
      ofType(SettingsPageActions.settingsChanged, SettingsPageActions.defaultsRestored),
      concatLatestFrom(() => [
        store.select(agentFeature.selectUser),
        store.select(settingsFeature.selectSettingsState),
      ]),
      tap(([, user, settings]) => {
        if (user) storage.setItem(settingsKey(user.id), JSON.stringify(settings));
      }),
    ),
  { functional: true, dispatch: false },
);
