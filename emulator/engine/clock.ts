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

/** The host's timer functions: injectable so a test can check long waits without waiting. */
export interface HostTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(timer: unknown): void;
}

/**
 * Node and browsers keep a timer's delay in a signed 32-bit integer: a longer one (a talk time of
 * 25 days, a large fault delay) fires after 1 ms instead. Longer waits are chained in steps.
 */
export const MAX_HOST_TIMEOUT_MS = 2 ** 31 - 1;

const hostTimers: HostTimers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (timer) => globalThis.clearTimeout(timer as ReturnType<typeof setTimeout>),
};

export class RealClock implements Clock {
  /** The host timer currently standing for each handle (the current step of a chained wait). */
  private readonly timers = new Map<TimerHandle, unknown>();
  private nextHandle = 1;

  constructor(
    private readonly host: HostTimers = hostTimers,
    private readonly currentTime: () => number = Date.now,
  ) {}

  now(): number {
    return this.currentTime();
  }

  setTimeout(callback: () => void, ms: number): TimerHandle {
    const handle = this.nextHandle++;
    this.wait(handle, Math.max(0, ms), callback);
    return handle;
  }

  clearTimeout(handle: TimerHandle): void {
    if (this.timers.has(handle)) this.host.clearTimeout(this.timers.get(handle));
    this.timers.delete(handle);
  }

  /** Cancels every pending timer (the world is shutting down). */
  clearAll(): void {
    this.timers.forEach((timer) => this.host.clearTimeout(timer));
    this.timers.clear();
  }

  private wait(handle: TimerHandle, remainingMs: number, callback: () => void): void {
    const step = Math.min(remainingMs, MAX_HOST_TIMEOUT_MS);
    this.timers.set(
      handle,
      this.host.setTimeout(() => {
        if (remainingMs > step) return this.wait(handle, remainingMs - step, callback);
        this.timers.delete(handle);
        callback();
      }, step),
    );
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
