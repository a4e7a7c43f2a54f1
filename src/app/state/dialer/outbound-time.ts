import { InjectionToken } from '@angular/core';
import { asyncScheduler, type SchedulerLike } from 'rxjs';

/** Whose time the dialer's lookups wait on (tests give a virtual one). */
export const DIRECTORY_SEARCH_SCHEDULER = new InjectionToken<SchedulerLike>('DIRECTORY_SEARCH_SCHEDULER', {
  factory: () => asyncScheduler,
});

/** The pause in typing after which the directory is asked, so each keystroke is not a request. */
export const SEARCH_DEBOUNCE_MS = 250;
