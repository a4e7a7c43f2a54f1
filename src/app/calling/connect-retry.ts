import { InjectionToken } from '@angular/core';
import { CallingFailure } from './calling-codes';
import { CALLING_SERVICE_UNREACHABLE } from './connect-agent';

/** Where the jitter of the retries comes from (tests give a fixed one). */
export const RECONNECT_RANDOM = new InjectionToken<() => number>('RECONNECT_RANDOM', {
  factory: () => Math.random,
});

export const FIRST_RETRY_MS = 1_000;
export const LAST_RETRY_MS = 30_000;

/**
 * How long the SDK may stay Disconnected before the console takes over: the guide gives the SDK
 * two minutes to reconnect by itself (calls survive a shorter loss), and its last try a margin.
 */
export const SDK_GIVES_UP_AFTER_MS = 125_000;

/**
 * The wait before retry `attempt` (1, 2, ...): 1 s doubling to 30 s, with equal jitter (half the
 * ceiling for certain, the other half at random), so consoles that lost the service together do
 * not come back in step and find it busy again.
 */
export function retryDelay(attempt: number, random: () => number): number {
  const ceiling = Math.min(LAST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * What a failed connection attempt calls for: a retry (the service could not be reached, or was
 * busy), new tokens from the sign-in (the token was refused), or the agent's attention.
 */
export type ConnectFault = 'unreachable' | 'refusedToken' | 'fatal';

/** A problem getting the calling credential, already judged by whoever knows the sign-in. */
export class CredentialFailure extends CallingFailure {
  constructor(
    message: string,
    readonly fault: ConnectFault,
  ) {
    super(message);
    this.name = 'CredentialFailure';
  }
}

/** The agent cannot connect until they sign in again: the fresh tokens were refused too. */
export class SignInNeeded extends CallingFailure {
  constructor(message: string, code?: number, subCode?: number) {
    super(message, code, subCode);
    this.name = 'SignInNeeded';
  }
}

/** ACS's refusals of a token (docs/acs-codes.md): 401/10009, and 495/4507 where it expired. */
const refusesToken = (code: number | undefined, subCode: number | undefined) =>
  code === 401 || (code === 495 && subCode === 4507);

/** The service was not reached, timed out or was busy: 408, 429 and 5xx, or no answer at all. */
const isTransient = (code: number | undefined) =>
  code === undefined || code === 0 || code === 408 || code === 429 || code >= 500;

export function connectFault(error: unknown): ConnectFault {
  if (error instanceof CredentialFailure) return error.fault;
  if (error === CALLING_SERVICE_UNREACHABLE) return 'unreachable';
  const { code, subCode } = (error ?? {}) as { code?: unknown; subCode?: unknown };
  const numeric = (value: unknown) => (typeof value === 'number' ? value : undefined);
  if (refusesToken(numeric(code), numeric(subCode))) return 'refusedToken';
  // The console's own words ("names no Teams user") are no network problem.
  if (error instanceof CallingFailure && numeric(code) === undefined) return 'fatal';
  return isTransient(numeric(code)) ? 'unreachable' : 'fatal';
}
