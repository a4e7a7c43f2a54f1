import { InjectionToken } from '@angular/core';
import { asyncScheduler, concat, NEVER, type Observable, type SchedulerLike } from 'rxjs';
import type { Failure } from '../../model/failure';
import { withTimeLimit } from '../with-time-limit';

/** Whose time the renewal's backoff runs on (tests give a virtual one). */
export const TOKEN_RENEWAL_SCHEDULER = new InjectionToken<SchedulerLike>('TOKEN_RENEWAL_SCHEDULER', {
  factory: () => asyncScheduler,
});

export const FIRST_RETRY_MS = 1_000;
export const LAST_RETRY_MS = 60_000;

/** What the agent is told about renewing the calling token. */
export type TokenRenewalEvent =
  | {
      readonly type: 'failed';
      /** How many attempts in a row have failed. */
      readonly attempt: number;
      readonly failure: Failure;
      /** Only the user can fix it: Entra wants them to sign in again. */
      readonly needsSignIn: boolean;
      readonly retryInMs: number;
    }
  | { readonly type: 'renewed' };

export interface RenewalOptions {
  readonly scheduler: SchedulerLike;
  /** Aborted when the credential is disposed: no attempt is made after it. */
  readonly signal: AbortSignal;
  /** Ends the current wait early (the user has just signed in again). */
  readonly retryNow: Observable<unknown>;
  readonly report: (event: TokenRenewalEvent) => void;
  readonly describe: (error: unknown) => { failure: Failure; needsSignIn: boolean };
}

/**
 * Runs `attempt` until it succeeds, waiting 1 s after the first failure and twice as long after
 * each next one, up to 60 s. It never gives up on its own: `AzureCommunicationTokenCredential`
 * stops scheduling proactive renewals after a refresher throws, so a refresher must not throw
 * while the session lives. Only disposal (`signal`) ends it, with the abort reason.
 */
export async function renewWithBackoff<T>(attempt: () => Promise<T>, options: RenewalOptions): Promise<T> {
  let delay = FIRST_RETRY_MS;
  for (let failures = 0; ;) {
    options.signal.throwIfAborted();
    try {
      const result = await attempt();
      options.signal.throwIfAborted();
      if (failures > 0) options.report({ type: 'renewed' });
      return result;
    } catch (error) {
      options.signal.throwIfAborted();
      failures += 1;
      options.report({ type: 'failed', attempt: failures, retryInMs: delay, ...options.describe(error) });
      await pause(delay, options);
      delay = Math.min(delay * 2, LAST_RETRY_MS);
    }
  }
}

/** Waits `ms`, or less if the user asks to retry now; rejects with the abort's reason on disposal. */
async function pause(ms: number, { scheduler, signal, retryNow }: RenewalOptions): Promise<void> {
  // A `retryNow` that ends leaves the wait to run its course.
  await withTimeLimit(concat(retryNow, NEVER), ms, { scheduler, signal });
}
