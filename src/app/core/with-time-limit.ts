import { from, Subscription, type ObservableInput, type SchedulerLike } from 'rxjs';
import { take } from 'rxjs/operators';

/** What a wait with a time limit came to: the first value it waited for, or the limit. */
export type Waited<T> = { readonly value: T } | { readonly timedOut: true };

export interface TimeLimitOptions {
  /** Whose time the limit runs on (tests give a virtual one). */
  readonly scheduler: SchedulerLike;
  /** Ends the wait at once: the promise rejects with the abort's reason. */
  readonly signal?: AbortSignal;
}

/**
 * Waits for the first value of `source` (a promise, an Observable), for at most `ms`. Resolves to
 * the value, or to `{ timedOut: true }` once the limit passes; rejects if the source fails, ends
 * with no value, or `signal` aborts. Whatever it listened to is released either way.
 */
export function withTimeLimit<T>(
  source: ObservableInput<T>,
  ms: number,
  { scheduler, signal }: TimeLimitOptions,
): Promise<Waited<T>> {
  return new Promise<Waited<T>>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const waiting = new Subscription();
    const settle = (outcome: () => void) => {
      waiting.unsubscribe();
      outcome();
    };
    if (signal) {
      const abort = () => settle(() => reject(signal.reason));
      signal.addEventListener('abort', abort, { once: true });
      waiting.add(() => signal.removeEventListener('abort', abort));
    }
    waiting.add(scheduler.schedule(() => settle(() => resolve({ timedOut: true })), ms));
    waiting.add(
      from(source)
        .pipe(take(1))
        .subscribe({
          next: (value) => settle(() => resolve({ value })),
          error: (error: unknown) => settle(() => reject(error)),
          complete: () => settle(() => reject(new Error('The wait ended with nothing to wait for.'))),
        }),
    );
  });
}
