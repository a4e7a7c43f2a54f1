import type { EnvironmentProviders } from '@angular/core';
import { provideEffects } from '@ngrx/effects';
import { provideState, provideStore } from '@ngrx/store';
import { settingsFeature } from './settings/settings.feature';
import { storeProbeMetaReducers } from './store-probe';
import * as presenceEffects from './presence/presence.effects';
import { presenceFeature } from './presence/presence.feature';
import { environment } from '../../environments/environment';
import { agentFeature } from './agent/agent.feature';
import * as sessionEffects from './agent/session.effects';
import * as softphoneEffects from './agent/softphone.effects';
import { softphoneFeature } from './agent/softphone.feature';
import { callsFeature } from './calls/calls.feature';
import * as floorSessionEffects from './floor/floor-session.effects';
import { floorSessionFeature } from './floor/floor-session.feature';
import * as participantNamesEffects from './participants/participant-names.effects';
import { participantsFeature } from './participants/participants.feature';
import { queueFeature } from './queue/queue.feature';
import * as reloadNoteEffects from './reload/reload-note.effects';
import { reloadNoteFeature } from './reload/reload-note.feature';
import * as afterCallWorkEffects from './after-call-work/after-call-work.effects';
import { afterCallWorkFeature } from './after-call-work/after-call-work.feature';
import * as callHistoryEffects from './history/call-history.effects';
import { historyFeature } from './history/history.feature';
import * as devicesEffects from './settings/devices.effects';
import * as settingsEffects from './settings/settings.effects';

/**
 * The store, and the features and effects of the calling session (which outlives any one screen),
 * the supervisor's floor among them (both roles report to it);
 * runtime checks and devtools as the build says. Each route registers what only its screens use
 * (`provideWorkspaceState`).
 */
export function provideAppState(): EnvironmentProviders[] {
  const checks = environment.storeRuntimeChecks;
  return [
    provideStore(
      {},
      {
        metaReducers: storeProbeMetaReducers,
        runtimeChecks: {
          strictStateImmutability: checks,
          strictActionImmutability: checks,
          strictStateSerializability: checks,
          strictActionSerializability: checks,
          strictActionTypeUniqueness: checks,
        },
      },
    ),
    provideState(agentFeature),
    provideState(queueFeature),
    provideState(callsFeature),
    provideState(participantsFeature),
    provideState(floorSessionFeature),
    provideState(softphoneFeature),
    provideState(reloadNoteFeature),
    provideState(settingsFeature),
    // Calls end while any screen is shown: their after-call work and history entries follow them.
    provideState(afterCallWorkFeature),
    provideState(historyFeature),
    provideState(presenceFeature),
    provideEffects(
      sessionEffects,
      softphoneEffects,
      reloadNoteEffects,
      participantNamesEffects,
      floorSessionEffects,
      presenceEffects,
      afterCallWorkEffects,
      callHistoryEffects,
      settingsEffects,
      devicesEffects,
    ),
    ...environment.storeDevtools,
  ];
}
