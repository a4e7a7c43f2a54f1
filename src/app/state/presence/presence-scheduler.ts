import { InjectionToken } from '@angular/core';
import { asyncScheduler, type SchedulerLike } from 'rxjs';

/** The clock of the presence session's renewals and of the time in state; tests move it. */
export const PRESENCE_SCHEDULER = new InjectionToken<SchedulerLike>('PRESENCE_SCHEDULER', {
  providedIn: 'root',
  factory: () => asyncScheduler,
});

/**
 * The presence session is set again this often while the agent is not Offline: it lasts 10 minutes
 * (`PRESENCE_EXPIRATION`), so one missed renewal does not let it lapse.
 */
export const PRESENCE_RENEWAL_MS = 5 * 60_000;
