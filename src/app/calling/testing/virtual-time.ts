import type { VirtualTimeScheduler } from 'rxjs';

/**
 * Moves a virtual clock forward by `ms`, running what falls due on the way, and leaves it there
 * (`flush()` alone runs everything scheduled, however far ahead, and stops at the last action).
 */
export function runFor(time: VirtualTimeScheduler, ms: number): void {
  const until = time.now() + ms;
  time.maxFrames = until;
  time.flush();
  time.frame = until;
  time.maxFrames = Number.POSITIVE_INFINITY;
}
