import type { EnvironmentProviders } from '@angular/core';

/**
 * Facts fixed when the console is built (`environment.ts`, replaced by `environment.development.ts`
 * in development builds). What an operator may change per deployment (the backend, addresses,
 * sign-in settings) is in `config.json`, read when the console starts.
 */
export interface BuildEnvironment {
  /** NgRx's runtime checks (state and actions immutable and serializable). */
  readonly storeRuntimeChecks: boolean;
  /**
   * What connects the Redux DevTools extension to the store: its providers in development, none in
   * production, so that its code is not in the production build at all.
   */
  readonly storeDevtools: readonly EnvironmentProviders[];
  /** Where the runtime configuration is read from, relative to the page. */
  readonly configUrl: string;
}
