import { InjectionToken } from '@angular/core';
import { asyncScheduler, type SchedulerLike } from 'rxjs';

/** The history's clock: when a ringing call's end is stamped, and the daily clean-up of old entries. */
export const HISTORY_SCHEDULER = new InjectionToken<SchedulerLike>('HISTORY_SCHEDULER', {
  providedIn: 'root',
  factory: () => asyncScheduler,
});

export const DAY_MS = 24 * 60 * 60 * 1000;
