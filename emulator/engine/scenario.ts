import type { TimerHandle } from './clock';
import { pairProblem, RANGES, rangeProblem } from './ranges';
import type { WorldPort } from './world-port';

/** Calls that keep arriving, so a first run shows a working queue within seconds. */
export interface ScenarioOptions {
  arrivalsPerMinute: number;
  /** The first call arrives within this many seconds of the scenario starting. */
  firstCallWithinSeconds: number;
  patienceSeconds: readonly [number, number];
  talkSeconds: readonly [number, number];
  /** No new caller joins while this many already wait (a quiet night stays bounded). */
  maxWaiting: number;
}

export const DEFAULT_SCENARIO: ScenarioOptions = {
  arrivalsPerMinute: 2,
  firstCallWithinSeconds: 3,
  patienceSeconds: [60, 180],
  talkSeconds: [45, 180],
  maxWaiting: 8,
};

export class Scenario {
  private options: ScenarioOptions;
  private timer: TimerHandle | null = null;

  constructor(
    private readonly world: Pick<WorldPort, 'clock' | 'random' | 'queue'>,
    options: false | Partial<ScenarioOptions> = {},
  ) {
    this.options = validate({ ...DEFAULT_SCENARIO, ...(options || {}) });
    if (options !== false) this.start();
  }

  get running(): boolean {
    return this.timer !== null;
  }

  get settings(): ScenarioOptions {
    return this.options;
  }

  configure(changes: Partial<ScenarioOptions> & { running?: boolean }): void {
    const { running, ...options } = changes;
    this.options = validate({ ...this.options, ...options });
    if (running === false) this.stop();
    else if (running === true || this.running) this.start();
  }

  start(): void {
    this.stop();
    this.schedule(this.world.random.scenario.between(500, this.options.firstCallWithinSeconds * 1000));
  }

  stop(): void {
    if (this.timer !== null) this.world.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(ms: number): void {
    this.timer = this.world.clock.setTimeout(() => {
      this.arrive();
      // Exponential gaps: arrivals form a Poisson process at the configured rate.
      const meanMs = 60_000 / this.options.arrivalsPerMinute;
      this.schedule(Math.round(-Math.log(1 - this.world.random.scenario.next()) * meanMs));
    }, ms);
  }

  private arrive(): void {
    const random = this.world.random.scenario;
    if (this.world.queue.waitingCount() >= this.options.maxWaiting) return;
    // Every caller in the directory is already on the line: nobody is left to dial in, and a
    // throw here would escape the timer and take the server down.
    if (this.world.queue.idleCallers().length === 0) return;
    const [minPatience, maxPatience] = this.options.patienceSeconds;
    const [minTalk, maxTalk] = this.options.talkSeconds;
    this.world.queue.enqueue({
      patienceMs: random.between(minPatience, maxPatience) * 1000,
      talkMs: random.between(minTalk, maxTalk) * 1000,
    });
  }
}

/** Throws the first setting out of its range (see `RANGES`), with its name and the range. */
function validate(options: ScenarioOptions): ScenarioOptions {
  const problem =
    rangeProblem('arrivalsPerMinute', options.arrivalsPerMinute, RANGES.arrivalsPerMinute) ??
    rangeProblem('firstCallWithinSeconds', options.firstCallWithinSeconds, RANGES.wholeSeconds) ??
    rangeProblem('maxWaiting', options.maxWaiting, RANGES.maxWaiting) ??
    pairProblem('patienceSeconds', options.patienceSeconds, RANGES.wholeSeconds) ??
    pairProblem('talkSeconds', options.talkSeconds, RANGES.wholeSeconds);
  if (problem) throw new RangeError(problem);
  return options;
}
