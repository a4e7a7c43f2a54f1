import { InjectionToken } from '@angular/core';
import {
  animationFrameScheduler,
  EMPTY,
  Observable,
  type OperatorFunction,
  type SchedulerLike,
  type Subscription,
} from 'rxjs';

/** When coalesced updates reach the store: once per animation frame (tests give their own). */
export const FRAME_SCHEDULER = new InjectionToken<SchedulerLike>('FRAME_SCHEDULER', {
  factory: () => animationFrameScheduler,
});

/**
 * Collects values until the scheduler's next turn, then emits them as one array: a burst of
 * events (350 participants' `isSpeakingChanged`) becomes at most one store update per frame.
 * Values with the same key are merged as they arrive, so a batch never holds more entries than
 * there are keys, even while frames stop (a console left in a background tab gets no frames).
 * Nothing is dropped; on completion the last batch is flushed, and `flushNow` flushes at once
 * (before a change that would make the batch's keys stale).
 */
export function coalescePerFrame<T>(
  scheduler: SchedulerLike,
  keyOf: (value: T) => string,
  merge: (previous: T, next: T) => T,
  flushNow: Observable<unknown> = EMPTY,
): OperatorFunction<T, T[]> {
  return (source) =>
    new Observable<T[]>((subscriber) => {
      let batch = new Map<string, T>();
      let scheduled: Subscription | null = null;
      const flush = () => {
        scheduled = null;
        const values = [...batch.values()];
        batch = new Map();
        if (values.length > 0) subscriber.next(values);
      };
      const subscription = source.subscribe({
        next: (value) => {
          const key = keyOf(value);
          const previous = batch.get(key);
          batch.set(key, previous === undefined ? value : merge(previous, value));
          scheduled ??= scheduler.schedule(flush);
        },
        error: (error: unknown) => {
          scheduled?.unsubscribe();
          flush();
          subscriber.error(error);
        },
        complete: () => {
          scheduled?.unsubscribe();
          flush();
          subscriber.complete();
        },
      });
      const flushes = flushNow.subscribe(() => {
        scheduled?.unsubscribe();
        flush();
      });
      return () => {
        subscription.unsubscribe();
        flushes.unsubscribe();
        scheduled?.unsubscribe();
      };
    });
}
