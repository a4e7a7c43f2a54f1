import type { BuildEnvironment } from './build-environment';

/** The production build: no runtime checks, no devtools. */
export const environment: BuildEnvironment = {
  storeRuntimeChecks: false,
  storeDevtools: [],
  configUrl: 'config.json',
};
