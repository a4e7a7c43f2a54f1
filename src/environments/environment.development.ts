import { provideStoreDevtools } from '@ngrx/store-devtools';
import type { BuildEnvironment } from './build-environment';

/** The development build (`ng serve`, the unit tests): every check on, devtools connected. */
export const environment: BuildEnvironment = {
  storeRuntimeChecks: true,
  storeDevtools: [provideStoreDevtools({ maxAge: 100, connectInZone: false, name: 'Switchboard' })],
  configUrl: 'config.json',
};
