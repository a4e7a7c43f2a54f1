// The floor's bench as `npm run bench` takes it: per scenario, the figures of each run (a run is
// every scenario once, the window measured each time), for the median and spread over the runs.
import { percentile, type Figure } from './figures';
import type { ScenarioResult } from './floor-scenario';

const GROUP = 'The floor at scale';

const letter = (result: ScenarioResult) =>
  result.options.instances === 1 ? 'A' : result.options.killOne ? 'C' : 'B';

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

/** One row per measured quantity and scenario; `runs[r]` is run r's results, one per scenario. */
export function floorFigures(runs: readonly (readonly ScenarioResult[])[]): Figure[] {
  const figures = new Map<string, { unit: string; target?: string; samples: number[] }>();
  const add = (name: string, unit: string, value: number, target?: string) => {
    const figure = figures.get(name) ?? { unit, ...(target && { target }), samples: [] };
    figures.set(name, figure);
    figure.samples.push(value);
  };
  for (const results of runs)
    for (const r of results) {
      const s = `${letter(r)} (${r.options.agents} agents, ${r.options.supervisors} supervisors, ${r.options.instances} instance${r.options.instances === 1 ? '' : 's'}${r.options.killOne ? ', one killed' : ''})`;
      add(`${s}: report → update, p50`, 'ms', percentile(r.latencies, 50));
      add(`${s}: report → update, p99`, 'ms', percentile(r.latencies, 99), 'p99 ≤ 250 ms');
      add(`${s}: reports lost (report × supervisor)`, 'count', r.delivery.lost, '0');
      add(
        `${s}: agent–supervisor pairs missing the agent's last report`,
        'count',
        r.delivery.latestMissing,
        '0',
      );
      add(`${s}: server CPU, every instance (of one core)`, '%', sum(r.servers.map((p) => p.cpuPercent)));
      add(
        `${s}: server peak RSS, largest instance`,
        'MB',
        Math.max(...r.servers.map((p) => p.maxRssBytes)) / 1e6,
      );
      add(
        `${s}: server heap used, largest instance`,
        'MB',
        Math.max(...r.servers.map((p) => p.heapUsedBytes)) / 1e6,
      );
      if (r.redis) add(`${s}: redis-server CPU (of one core)`, '%', r.redis.cpuPercent);
      if (!r.failover) continue;
      add(
        `${s}: consoles moved to the other instance`,
        'count',
        r.failover.agentsMoved + r.failover.supervisorsMoved,
      );
      add(`${s}: consoles not back a minute after the kill`, 'count', r.failover.notBack, '0');
      add(`${s}: kill → back on the other instance, p50`, 'ms', percentile(r.failover.reconnectMs, 50));
      add(`${s}: kill → back on the other instance, p99`, 'ms', percentile(r.failover.reconnectMs, 99));
      add(`${s}: pairs with no word of the agent after the kill`, 'count', r.failover.unheardAfterKill, '0');
    }
  return [...figures].map(([name, figure]) => ({ group: GROUP, name, ...figure }));
}
