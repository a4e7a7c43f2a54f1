// One server/ instance for bench/floor.ts, in a process of its own so that its CPU and memory are
// its own: configured from the environment as `npm run server` is, on a free loopback port. It
// tells its parent (over the IPC channel `fork` opens) its port, and answers `stats` with its
// CPU time and memory; `stop` closes it.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { buildServer } from '../server/app';
import { readServerConfig } from '../server/config';

/** What the instance tells the bench. */
export type ServerReport =
  | { readonly type: 'listening'; readonly port: number }
  | {
      readonly type: 'stats';
      /** `process.cpuUsage()`, in microseconds. */
      readonly cpu: NodeJS.CpuUsage;
      readonly memory: NodeJS.MemoryUsage;
      /** The largest resident set so far, in bytes. */
      readonly maxRss: number;
      /** `Date.now()` when read, for the CPU share over a window. */
      readonly at: number;
      /** The event loop's delay since the previous `stats`, in milliseconds: its p99 and max. */
      readonly loopDelay: { readonly p99: number; readonly max: number };
    }
  | { readonly type: 'failed'; readonly message: string };

/** What the bench asks. */
export type ServerCommand = { readonly type: 'stats' } | { readonly type: 'stop' };

async function main(): Promise<void> {
  const send = (report: ServerReport) => process.send?.(report);
  const app = await buildServer(readServerConfig(process.env));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  process.on('message', (command: ServerCommand) => {
    if (command.type === 'stats') {
      send({
        type: 'stats',
        cpu: process.cpuUsage(),
        memory: process.memoryUsage(),
        maxRss: process.resourceUsage().maxRSS * 1024,
        at: Date.now(),
        loopDelay: { p99: delay.percentile(99) / 1e6, max: delay.max / 1e6 },
      });
      delay.reset();
    } else if (command.type === 'stop') {
      void app.close().then(() => process.exit(0));
    }
  });
  // The parent gone, the instance goes too: a failed bench leaves no server behind.
  process.on('disconnect', () => void app.close().then(() => process.exit(0)));
  send({ type: 'listening', port: typeof address === 'object' && address ? address.port : 0 });
}

main().catch((error: unknown) => {
  process.send?.({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});
