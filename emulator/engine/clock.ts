/**
 * The world's time. The server runs on the real clock; tests use `ManualClock` and advance it,
 * so a caller's patience or a two-minute ring timeout takes no real time (never a sleep).
 */
export type TimerHandle = number;

export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

export class RealClock implements Clock {
  private readonly timers = new Map<TimerHandle, ReturnType<typeof setTimeout>>();
  private nextHandle = 1;

  now(): number {
    return Date.now();
  }

  setTimeout(callback: () => void, ms: number): TimerHandle {
    const handle = this.nextHandle++;
    this.timers.set(
      handle,
      setTimeout(() => {
        this.timers.delete(handle);
        callback();
      }, ms),
    );
    return handle;
  }

  clearTimeout(handle: TimerHandle): void {
    clearTimeout(this.timers.get(handle));
    this.timers.delete(handle);
  }

  /** Cancels every pending timer (the world is shutting down). */
  clearAll(): void {
    this.timers.forEach((timer) => clearTimeout(timer));
    this.timers.clear();
  }
}

interface ManualTimer {
  readonly handle: TimerHandle;
  readonly at: number;
  readonly callback: () => void;
}

export class ManualClock implements Clock {
  private time: number;
  private timers: ManualTimer[] = [];
  private nextHandle = 1;

  constructor(start = Date.UTC(2026, 0, 5, 9, 0, 0)) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  setTimeout(callback: () => void, ms: number): TimerHandle {
    const handle = this.nextHandle++;
    this.timers.push({ handle, at: this.time + Math.max(0, ms), callback });
    return handle;
  }

  clearTimeout(handle: TimerHandle): void {
    this.timers = this.timers.filter((timer) => timer.handle !== handle);
  }

  /** Moves time forward, firing due timers in time order (and timers they set that fall due too). */
  advance(ms: number): void {
    const target = this.time + ms;
    for (;;) {
      const due = this.timers
        .filter((timer) => timer.at <= target)
        .sort((a, b) => a.at - b.at || a.handle - b.handle)[0];
      if (!due) break;
      this.timers = this.timers.filter((timer) => timer !== due);
      this.time = Math.max(this.time, due.at);
      due.callback();
    }
    this.time = target;
  }

  get pendingTimers(): number {
    return this.timers.length;
  }
}
