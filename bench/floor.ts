// The supervisor's floor under load: `npm run bench:floor` signs the emulator's generated agents
// and supervisors in to server/ and has every agent report once a second, in three scenarios: one
// instance with the floor in memory (A), two instances sharing it through a redis-server (B),
// consoles split between them, and the same with the second instance killed mid-run, its consoles
// moving to the first (C). It prints the figures bench/RESULTS.md records, as a Markdown table.
// Settings from the environment (below); it fails only when the run does (a socket refused, a
// supervisor never updated, a console that could not move), never on a figure. `floorBench` is the
// same for `npm run bench`.
import { cpus, totalmem } from 'node:os';
import { startEmulator } from '../emulator/server/emulator-server';
import { percentile, type Bench } from './figures';
import { floorFigures } from './floor-figures';
import { runScenario, type ScenarioOptions, type ScenarioResult } from './floor-scenario';

/** A: one instance; B: two over Redis; C: two over Redis, one killed mid-window. */
export type FloorScenario = 'A' | 'B' | 'C';

export interface FloorBenchSettings {
  readonly agents: number;
  readonly supervisors: number;
  readonly warmUpMs: number;
  readonly durationMs: number;
  readonly scenarios: readonly FloorScenario[];
}

const whole = (env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number) => {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new Error(`${name} must be a whole number from ${min} to ${max}.`);
  return value;
};

/**
 * `FLOOR_BENCH_AGENTS` (1000; at most the emulator's 5000), `FLOOR_BENCH_SUPERVISORS` (50; 500),
 * `FLOOR_BENCH_SECONDS` (20, the window measured), `FLOOR_BENCH_WARMUP_SECONDS` (5),
 * `FLOOR_BENCH_SCENARIOS` (`A,B,C`).
 */
export function readSettings(env: NodeJS.ProcessEnv): FloorBenchSettings {
  const scenarios = (env['FLOOR_BENCH_SCENARIOS'] || 'A,B,C').split(',').map((s) => s.trim().toUpperCase());
  if (scenarios.some((s) => !['A', 'B', 'C'].includes(s)))
    throw new Error(
      'FLOOR_BENCH_SCENARIOS must list A (one instance), B (two over Redis) and/or C (two, one killed).',
    );
  return {
    agents: whole(env, 'FLOOR_BENCH_AGENTS', 1000, 1, 5000),
    supervisors: whole(env, 'FLOOR_BENCH_SUPERVISORS', 50, 1, 500),
    durationMs: whole(env, 'FLOOR_BENCH_SECONDS', 20, 1, 3600) * 1000,
    warmUpMs: whole(env, 'FLOOR_BENCH_WARMUP_SECONDS', 5, 0, 600) * 1000,
    scenarios: scenarios as FloorScenario[],
  };
}

/** Runs the scenarios one after the other, against one emulator with the users they need. */
export async function runFloorBench(settings: FloorBenchSettings): Promise<ScenarioResult[]> {
  const emulator = await startEmulator({
    port: 0,
    seed: 1,
    scenario: false,
    generatedUsers: { agents: settings.agents, supervisors: settings.supervisors },
  });
  try {
    const results: ScenarioResult[] = [];
    for (const scenario of settings.scenarios) {
      const options: ScenarioOptions = {
        agents: settings.agents,
        supervisors: settings.supervisors,
        instances: scenario === 'A' ? 1 : 2,
        killOne: scenario === 'C',
        warmUpMs: settings.warmUpMs,
        durationMs: settings.durationMs,
        reportIntervalMs: 1000,
      };
      results.push(await runScenario(emulator, options));
    }
    return results;
  } finally {
    await emulator.close();
  }
}

const ms = (value: number) => (Number.isNaN(value) ? '–' : `${Math.round(value)} ms`);
const mb = (bytes: number) => `${(bytes / 1_000_000).toFixed(0)} MB`;
const pct = (value: number) => `${value.toFixed(0)} %`;
const each = (values: readonly string[]) => values.join(' + ');

/** The machine, in one line: cores, CPU model, memory, Node. */
export function machine(): string {
  const cores = cpus();
  const memory = `${(totalmem() / 1e9).toFixed(0)} GB`;
  return `${cores.length} cores (${cores[0]?.model.trim() ?? 'unknown CPU'}), ${memory}, Node ${process.version}`;
}

export const title = (result: ScenarioResult) =>
  result.options.instances === 1
    ? 'A: one instance, in memory'
    : result.options.killOne
      ? 'C: two over Redis, one killed'
      : 'B: two instances over Redis';

/** The figures as a Markdown table, one column per scenario. */
export function floorTable(results: readonly ScenarioResult[]): string {
  const row = (label: string, cell: (result: ScenarioResult) => string) =>
    `| ${label} | ${results.map(cell).join(' | ')} |`;
  const seconds = (result: ScenarioResult) => result.windowMs / 1000;
  return [
    `| | ${results.map(title).join(' | ')} |`,
    `| --- | ${results.map(() => '---:').join(' | ')} |`,
    row('agents, supervisors', (r) => `${r.options.agents}, ${r.options.supervisors}`),
    row('reports per second', (r) => (r.reportsSent / seconds(r)).toFixed(0)),
    row('report → update, p50', (r) => ms(percentile(r.latencies, 50))),
    row('p95', (r) => ms(percentile(r.latencies, 95))),
    row('p99', (r) => ms(percentile(r.latencies, 99))),
    row('max', (r) => ms(r.latencies.at(-1) ?? NaN)),
    row('reports that reached the supervisors in an update', (r) =>
      pct((100 * r.latencies.length) / Math.max(1, r.reportsSent * r.options.supervisors)),
    ),
    row('updates per supervisor per second, mean', (r) => {
      const total = r.updatesPerSupervisor.reduce((sum, n) => sum + n, 0);
      return (total / Math.max(1, r.updatesPerSupervisor.length) / seconds(r)).toFixed(2);
    }),
    row('max (batching allows 4)', (r) => (Math.max(...r.updatesPerSupervisor) / seconds(r)).toFixed(2)),
    row('reports heard, replaced by a newer, lost (× supervisors)', (r) =>
      [r.delivery.heard, r.delivery.replaced, r.delivery.lost].join(', '),
    ),
    row('agent–supervisor pairs missing the last report', (r) => String(r.delivery.latestMissing)),
    row('consoles moved (agents, supervisors)', (r) =>
      r.failover ? `${r.failover.agentsMoved}, ${r.failover.supervisorsMoved}` : '–',
    ),
    row('kill → back on the other instance, p50 / p99 / max', (r) =>
      r.failover ? [50, 99, 100].map((p) => ms(percentile(r.failover!.reconnectMs, p))).join(' / ') : '–',
    ),
    row('failed reconnection attempts; consoles not back a minute after the kill', (r) =>
      r.failover ? `${r.failover.failedAttempts}; ${r.failover.notBack}` : '–',
    ),
    row('pairs with no word of the agent after the kill', (r) =>
      r.failover ? String(r.failover.unheardAfterKill) : '–',
    ),
    row('server CPU (of one core)', (r) => each(r.servers.map((s) => pct(s.cpuPercent)))),
    row('server RSS at the end (peak)', (r) =>
      each(r.servers.map((s) => `${mb(s.rssBytes)} (${mb(s.maxRssBytes)})`)),
    ),
    row('server heap used', (r) => each(r.servers.map((s) => mb(s.heapUsedBytes)))),
    row('server event-loop delay, p99 (max)', (r) =>
      each(r.servers.map((s) => `${ms(s.loopDelay.p99)} (${ms(s.loopDelay.max)})`)),
    ),
    row('redis-server CPU, RSS', (r) =>
      r.redis ? `${pct(r.redis.cpuPercent)}, ${mb(r.redis.rssBytes)}` : '–',
    ),
    row('bench process CPU (emulator, consoles)', (r) => pct(r.benchCpuPercent)),
    row('machine load average (1 min), at the end', (r) => r.loadAverage.toFixed(2)),
  ].join('\n');
}

/** Small and short, for the check in `npm test`: every scenario still runs. */
export const QUICK_FLOOR_SETTINGS: FloorBenchSettings = {
  agents: 20,
  supervisors: 3,
  warmUpMs: 1000,
  durationMs: 4000,
  scenarios: ['A', 'B', 'C'],
};

export const floorBench: Bench = {
  name: 'floor',
  method:
    'server/ in child processes; the emulator’s generated agents report once a second over the floor’s ' +
    'WebSocket to its generated supervisors, who time each report to the update carrying it. A: one ' +
    'instance; B: two over Redis; C: as B, the second instance killed (SIGKILL) mid-window, its consoles ' +
    'reconnecting to the first as the console does. Each run measures every scenario’s window once ' +
    '(FLOOR_BENCH_* from the environment set the full size).',
  async run({ runs, quick }) {
    const settings = quick ? QUICK_FLOOR_SETTINGS : readSettings(process.env);
    const results: ScenarioResult[][] = [];
    for (let run = 0; run < Math.max(1, runs); run++) results.push(await runFloorBench(settings));
    return floorFigures(results);
  },
};

if (require.main === module) {
  const settings = readSettings(process.env);
  runFloorBench(settings)
    .then((results) => {
      console.log(
        `The floor at ${settings.agents} agents and ${settings.supervisors} supervisors, each agent reporting once a second; ` +
          `${settings.durationMs / 1000} s measured after ${settings.warmUpMs / 1000} s of warm-up.`,
      );
      console.log(`Machine: ${machine()}; ${new Date().toISOString()}\n`);
      console.log(floorTable(results));
    })
    .catch((error: unknown) => {
      console.error(`The floor's bench failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    });
}
