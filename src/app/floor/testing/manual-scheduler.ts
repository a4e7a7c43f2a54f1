import { Subscription, type SchedulerAction, type SchedulerLike } from 'rxjs';

/** One scheduled piece of work; like RxJS's own actions, it can schedule itself again. */
class ManualAction<T> extends Subscription implements SchedulerAction<T> {
  at = 0;
  order = 0;
  private state: T | undefined;

  constructor(
    private readonly scheduler: ManualScheduler,
    private readonly work: (this: SchedulerAction<T>, state?: T) => void,
  ) {
    super(() => scheduler.cancel(this));
  }

  schedule(state?: T, delay = 0): Subscription {
    this.state = state;
    this.scheduler.enqueue(this, delay);
    return this;
  }

  run(): void {
    this.work.call(this, this.state);
  }
}

/**
 * An RxJS scheduler on a clock the test moves (`advance`): timers fire in time order, each once
 * unless they schedule themselves again; promises they start are left to the test to settle.
 */
export class ManualScheduler implements SchedulerLike {
  private time: number;
  private order = 0;
  private queue: ManualAction<unknown>[] = [];

  constructor(start = 0) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  schedule<T>(work: (this: SchedulerAction<T>, state?: T) => void, delay = 0, state?: T): Subscription {
    return new ManualAction<T>(this, work).schedule(state, delay);
  }

  /** Moves the clock on by `ms`, running every timer due on the way. */
  advance(ms: number): void {
    const until = this.time + ms;
    for (;;) {
      const due = this.queue
        .filter((action) => action.at <= until)
        .sort((a, b) => a.at - b.at || a.order - b.order)[0];
      if (!due) break;
      this.cancel(due);
      this.time = due.at;
      due.run();
    }
    this.time = until;
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  enqueue(action: ManualAction<any>, delay: number): void {
    this.cancel(action);
    action.at = this.time + Math.max(0, delay);
    action.order = this.order++;
    this.queue.push(action as ManualAction<unknown>);
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  cancel(action: ManualAction<any>): void {
    this.queue = this.queue.filter((queued) => queued !== action);
  }
}
