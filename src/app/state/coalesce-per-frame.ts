import { InjectionToken } from '@angular/core';
import {
  animationFrameScheduler,
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
 * Nothing is dropped; on completion the last batch is flushed.
 */
export function coalescePerFrame<T>(scheduler: SchedulerLike): OperatorFunction<T, T[]> {
  return (source) =>
    new Observable<T[]>((subscriber) => {
      let batch: T[] = [];
      let scheduled: Subscription | null = null;
      const flush = () => {
        scheduled = null;
        const values = batch;
        batch = [];
        if (values.length > 0) subscriber.next(values);
      };
      const subscription = source.subscribe({
        next: (value) => {
          batch.push(value);
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
      return () => {
        subscription.unsubscribe();
        scheduled?.unsubscribe();
      };
    });
}
