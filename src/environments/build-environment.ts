/**
 * Facts fixed when the console is built (`environment.ts`, replaced by `environment.development.ts`
 * in development builds). What an operator may change per deployment (the backend, addresses,
 * sign-in settings) is in `config.json`, read when the console starts.
 */
export interface BuildEnvironment {
  /** NgRx's runtime checks (state and actions immutable and serializable). */
  readonly storeRuntimeChecks: boolean;
  /** Connects the Redux DevTools extension to the store. */
  readonly storeDevtools: boolean;
  /** Where the runtime configuration is read from, relative to the page. */
  readonly configUrl: string;
}
