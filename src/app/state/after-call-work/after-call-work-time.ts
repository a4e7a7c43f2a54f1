import { InjectionToken } from '@angular/core';
import { asyncScheduler, type SchedulerLike } from 'rxjs';

/** The clock after-call work's limit runs on (a test's manual one). */
export const AFTER_CALL_WORK_SCHEDULER = new InjectionToken<SchedulerLike>('AFTER_CALL_WORK_SCHEDULER', {
  providedIn: 'root',
  factory: () => asyncScheduler,
});
