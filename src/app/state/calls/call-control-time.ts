import { InjectionToken } from '@angular/core';
import { asyncScheduler, type SchedulerLike } from 'rxjs';

/** Whose time the call controls' limits run on (tests give a virtual one). */
export const CALL_CONTROL_SCHEDULER = new InjectionToken<SchedulerLike>('CALL_CONTROL_SCHEDULER', {
  factory: () => asyncScheduler,
});

/** How long one control (a whole switch included) may take before it is reported as stuck. */
export const CONTROL_TIME_LIMIT_MS = 30_000;
