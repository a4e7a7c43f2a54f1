import { isDevMode, type EnvironmentProviders } from '@angular/core';
import { provideEffects } from '@ngrx/effects';
import { provideState, provideStore } from '@ngrx/store';
import { provideStoreDevtools } from '@ngrx/store-devtools';
import { agentFeature } from './agent/agent.feature';
import * as sessionEffects from './agent/session.effects';
import * as callControlsEffects from './calls/call-controls.effects';
import { callsFeature } from './calls/calls.feature';
import * as takeCallEffects from './calls/take-call.effects';
import { participantsFeature } from './participants/participants.feature';
import * as queueEffects from './queue/queue.effects';
import { queueFeature } from './queue/queue.feature';

/** The store, its features and effects. NgRx's runtime checks stay on in development. */
export function provideAppState(): EnvironmentProviders[] {
  return [
    provideStore(
      {},
      {
        runtimeChecks: {
          strictStateImmutability: true,
          strictActionImmutability: true,
          strictStateSerializability: true,
          strictActionSerializability: true,
          strictActionTypeUniqueness: true,
        },
      },
    ),
    provideState(agentFeature),
    provideState(queueFeature),
    provideState(callsFeature),
    provideState(participantsFeature),
    provideEffects(sessionEffects, queueEffects, callControlsEffects, takeCallEffects),
    ...(isDevMode()
      ? [provideStoreDevtools({ maxAge: 100, connectInZone: false, name: 'Switchboard' })]
      : []),
  ];
}
