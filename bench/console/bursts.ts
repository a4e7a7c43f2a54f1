// Bursts of 50 and 200 queued calls within a second, spread and already queued (burst.ts).
import type { Bench, Figure } from '../figures';
import { burst, type BurstMode, type BurstResult } from './burst';
import { signedInConsole, withBenchStack } from './harness';

const GROUP = 'Bursts';
const SIZES = [50, 200] as const;
const MODES: readonly BurstMode[] = ['spread', 'queued'];

export const burstsBench: Bench = {
  name: 'bursts',
  method:
    'One agent in Chromium on the production build; 50, then 200 callers queued within 1 s (evenly spread), in two ' +
    'ways: "spread", the page reading each message as it comes; "queued", the page’s main thread stopped by the ' +
    'DevTools protocol (Debugger.pause) until the emulator has written all of them, then released. Time to the last ' +
    'row: from the first call placed (spread) or the release (queued) to the frame after the queue’s heading first ' +
    'counts them all (the list is virtual). Long tasks: PerformanceObserver "longtask" after the start. Then the ' +
    'virtual list is scrolled through, counting rows with an enabled Accept, and the store (store probe) is compared ' +
    'with `GET /emulator/state`: the callers ringing this agent and its calls. A first burst of 3 warms the page up ' +
    'unmeasured. Quick mode: 10 and 40 callers.',
  async run({ runs, quick, distDir }) {
    const sizes = quick ? [10, 40] : SIZES;
    const results = new Map<string, BurstResult[]>();
    for (let run = 0; run < runs; run++)
      await withBenchStack(distDir, async ({ stack, browser, sent }) => {
        const { page, cdp } = await signedInConsole(browser, stack, 'Alex Rivera');
        // A first small burst loads what the console loads lazily (the queue's rows): not measured.
        await burst(stack, page, cdp, sent, 3, 'spread');
        for (const calls of sizes)
          for (const mode of MODES) {
            const key = `${calls} calls, ${mode}`;
            results.set(key, [...(results.get(key) ?? []), await burst(stack, page, cdp, sent, calls, mode)]);
          }
      });
    return [...results].flatMap(([key, each]) => burstFigures(key, each));
  },
};

export function burstFigures(key: string, each: readonly BurstResult[], group = GROUP): Figure[] {
  const calls = each[0]?.calls ?? 0;
  const rows: [string, string, (r: BurstResult) => number, string?][] = [
    ['time to last row', 'ms', (r) => r.toLastRow],
    ['last message → last row', 'ms', (r) => r.afterLastMessage],
    ['longest task', 'ms', (r) => Math.max(0, ...r.longTasks)],
    ['long tasks > 50 ms', 'count', (r) => r.longTasks.length, 'none'],
    ['rows reachable, each with Accept', 'count', (r) => r.reachable, `${calls}`],
    ['store ≠ emulator (ringing, calls)', 'count', (r) => r.mismatches.length, '0'],
  ];
  return rows
    .map(([name, unit, pick, target]): Figure => ({
      group,
      name: `${key}: ${name}`,
      unit,
      samples: each.map(pick),
      ...(target && { target }),
    }))
    .filter((figure) => figure.samples.some(Number.isFinite));
}
