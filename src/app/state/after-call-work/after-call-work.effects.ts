import { inject } from '@angular/core';
import { createEffect } from '@ngrx/effects';
import { Store } from '@ngrx/store';
import { EMPTY, timer } from 'rxjs';
import { distinctUntilChanged, map, switchMap } from 'rxjs/operators';
import { DEFAULT_AFTER_CALL_WORK_SECONDS, RUNTIME_CONFIG } from '../../core/runtime-config';
import { AFTER_CALL_WORK_SCHEDULER } from './after-call-work-time';
import { AfterCallWorkTimerActions } from './after-call-work-timer.actions';
import { afterCallWorkFeature } from './after-call-work.feature';

/**
 * After-call work ends by itself at `config.json`'s `afterCallWorkSeconds` (0: never), keeping
 * what the agent entered; a new after-call work starts its own limit.
 */
export const afterCallWorkLimit$ = createEffect(
  (
    store = inject(Store),
    scheduler = inject(AFTER_CALL_WORK_SCHEDULER),
    seconds = inject(RUNTIME_CONFIG, { optional: true })?.afterCallWorkSeconds ??
      DEFAULT_AFTER_CALL_WORK_SECONDS,
  ) =>
    store.select(afterCallWorkFeature.selectCurrent).pipe(
      map((current) => current?.callId ?? null),
      distinctUntilChanged(),
      switchMap((callId) =>
        callId !== null && seconds > 0
          ? timer(seconds * 1000, scheduler).pipe(map(() => AfterCallWorkTimerActions.timeUp()))
          : EMPTY,
      ),
    ),
  { functional: true },
);
