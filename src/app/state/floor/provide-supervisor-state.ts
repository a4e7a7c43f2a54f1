import type { EnvironmentProviders } from '@angular/core';
import { provideEffects } from '@ngrx/effects';
import { provideState } from '@ngrx/store';
import * as supervisorFloorEffects from './supervisor-floor.effects';
import { supervisorFloorFeature } from './supervisor-floor.feature';

/**
 * The supervisor's floor (agents, queues, requests) and its effects, registered on the supervisor's
 * lazy route (`app.workspace.routes.ts`): only that workspace watches the floor. Reporting to the floor is
 * the session's, at the root (`provideAppState`).
 */
export function provideSupervisorState(): EnvironmentProviders[] {
  return [provideState(supervisorFloorFeature), provideEffects(supervisorFloorEffects)];
}
