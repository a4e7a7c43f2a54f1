import { Subscription, type SchedulerAction, type SchedulerLike } from 'rxjs';

interface Task {
  readonly at: number;
  readonly order: number;
  readonly run: () => void;
  cancelled: boolean;
}

/**
 * An RxJS scheduler on a clock the test moves (`advance`): timers fire in time order, each once;
 * promises they start are left to the test to settle. The floor's timers only need `schedule` and
 * `now`.
 */
export class ManualScheduler implements SchedulerLike {
  private time: number;
  private order = 0;
  private tasks: Task[] = [];

  constructor(start = 0) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  schedule<T>(work: (this: SchedulerAction<T>, state?: T) => void, delay = 0, state?: T): Subscription {
    const task: Task = {
      at: this.time + Math.max(0, delay),
      order: this.order++,
      cancelled: false,
      run: () => work.call(undefined as unknown as SchedulerAction<T>, state),
    };
    this.tasks.push(task);
    return new Subscription(() => (task.cancelled = true));
  }

  /** Moves the clock on by `ms`, running every timer due on the way. */
  advance(ms: number): void {
    const until = this.time + ms;
    for (;;) {
      const due = this.tasks
        .filter((task) => !task.cancelled && task.at <= until)
        .sort((a, b) => a.at - b.at || a.order - b.order)[0];
      if (!due) break;
      this.tasks = this.tasks.filter((task) => task !== due);
      this.time = due.at;
      due.run();
    }
    this.time = until;
  }
}
