import type { BuildEnvironment } from './build-environment';

/** The development build (`ng serve`, the unit tests): every check on, devtools connected. */
export const environment: BuildEnvironment = {
  storeRuntimeChecks: true,
  storeDevtools: true,
  configUrl: 'config.json',
};
