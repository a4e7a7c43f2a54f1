import type { FloorClock } from '../floor/floor-context';

interface Timer {
  readonly id: number;
  readonly at: number;
  readonly callback: () => void;
}

/** The floor's clock in a test: time moves only when the test says, and timers fire then. */
export class FakeClock implements FloorClock {
  private time = Date.now();
  private timers: Timer[] = [];
  private nextId = 1;
  private waiters: { ms: number | undefined; resolve: () => void }[] = [];

  now(): number {
    return this.time;
  }

  setTimeout(callback: () => void, ms: number): unknown {
    const timer = { id: this.nextId++, at: this.time + Math.max(0, ms), callback };
    this.timers.push(timer);
    this.waiters = this.waiters.filter((waiter) => {
      if (waiter.ms !== undefined && waiter.ms !== ms) return true;
      waiter.resolve();
      return false;
    });
    return timer.id;
  }

  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((timer) => timer.id !== handle);
  }

  /** Resolves when the floor next sets a timer (of `ms`, if given). */
  nextTimer(ms?: number): Promise<void> {
    return new Promise((resolve) => this.waiters.push({ ms, resolve }));
  }

  /** Moves time on by `ms`, firing each timer that falls due, in order. */
  advance(ms: number): void {
    const until = this.time + ms;
    for (;;) {
      const due = this.timers
        .filter((timer) => timer.at <= until)
        .sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.timers = this.timers.filter((timer) => timer !== due);
      this.time = due.at;
      due.callback();
    }
    this.time = until;
  }
}
