import { inject } from '@angular/core';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { concatLatestFrom } from '@ngrx/operators';
import { Store } from '@ngrx/store';
import { concatMap } from 'rxjs/operators';
import { CallRegistry } from '../../calling/call-registry';
import { selectMicrophone, selectSpeaker } from '../../calling/devices';
import { Logger } from '../../core/logger';
import { CallingSdkEvents } from '../calling-sdk.actions';
import { settingsFeature } from './settings.feature';

/**
 * Each new calling agent starts on the system's devices: the ones the agent chose are selected
 * again. One no longer connected stays the system's, and the Settings page shows which is in use.
 */
export const applyChosenDevices$ = createEffect(
  (
    actions$ = inject(Actions),
    store = inject(Store),
    registry = inject(CallRegistry),
    logger = inject(Logger),
  ) =>
    actions$.pipe(
      ofType(CallingSdkEvents.agentReady),
      concatLatestFrom(() => [
        store.select(settingsFeature.selectMicrophoneId),
        store.select(settingsFeature.selectSpeakerId),
      ]),
      concatMap(async ([, microphoneId, speakerId]) => {
        try {
          if (microphoneId) await selectMicrophone(registry, microphoneId);
          if (speakerId) await selectSpeaker(registry, speakerId);
        } catch (error) {
          logger.warning('A chosen device could not be selected again', error);
        }
      }),
    ),
  { functional: true, dispatch: false },
);
