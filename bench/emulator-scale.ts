// The emulator at scale: `npm run bench:emulator` starts one emulator server on a manual clock,
// signs in its generated agents' consoles (the emulator's calling module over its WebSocket), and
// has callers dial the call queues at 1,000 calls an hour for a simulated hour. The consoles answer
// and hang up (bench/emulator-scale-consoles.ts); the clock moves a step at a time once what the
// last step set off has settled. It prints the process's CPU and memory, the wall time, and what
// became of every call; it fails when a call ends without a reason (or never ends), never on a
// figure. `emulatorScaleBench` is the same for `npm run bench`.
import { AzureCommunicationTokenCredential } from '@azure/communication-common';
import { WebSocket } from 'ws';
import { CallClient, configure, listenerCount } from '../emulator/client';
import { webSocketTransport } from '../emulator/client/websocket-transport';
import { ManualClock } from '../emulator/engine/clock';
import { Random } from '../emulator/engine/random';
import { startEmulator } from '../emulator/server/emulator-server';
import { CallLedger, ScaleConsole, type ConsoleTimes } from './emulator-scale-consoles';
import type { Bench, Figure } from './figures';
import { inBatches } from './floor-clients';

export interface EmulatorScaleSettings {
  readonly consoles: number;
  readonly callsPerHour: number;
  /** The simulated time calls arrive in, in ms (an hour). */
  readonly simulatedMs: number;
  /** How far the clock moves at a time, in ms. */
  readonly stepMs: number;
  readonly seed: number;
}

export const FULL_SETTINGS: EmulatorScaleSettings = {
  consoles: 200,
  callsPerHour: 1000,
  simulatedMs: 3_600_000,
  stepMs: 250,
  seed: 1,
};

/** Small and short, for the check in `npm test`: 10 consoles, 30 calls in 6 simulated minutes. */
export const QUICK_SETTINGS: EmulatorScaleSettings = {
  consoles: 10,
  callsPerHour: 300,
  simulatedMs: 360_000,
  stepMs: 250,
  seed: 1,
};

/** An agent picks up within 2 to 8 s and talks 1 to 4 minutes; a caller waits 1 to 3 minutes. */
const TIMES: ConsoleTimes = { reactionMs: [2_000, 8_000], talkMs: [60_000, 240_000] };
const PATIENCE_MS: readonly [number, number] = [60_000, 180_000];
/** Callers never hang up first: the agent ends each answered call. */
const CALLER_TALK_MS = 6 * 3_600_000;
/** After the last arrival, the longest any call can still take: patience (or ring) and talk. */
const DRAIN_MS = PATIENCE_MS[1] + TIMES.talkMs[1] + 60_000;

export interface EmulatorScaleResult {
  readonly settings: EmulatorScaleSettings;
  readonly outcomes: ReturnType<CallLedger['outcomes']>;
  readonly refusedAccepts: number;
  readonly failedHangUps: number;
  /** Real time the simulated hour took, and the drain after it until every call was over, in ms. */
  readonly wallMs: number;
  /** Simulated time until every call was over, in ms (the hour and the drain). */
  readonly simulatedMs: number;
  /** CPU time of this process (the emulator server and every console) over the run, in ms. */
  readonly cpuMs: number;
  readonly peakRssBytes: number;
  readonly rssBytes: number;
  readonly heapUsedBytes: number;
  /** Calls the world still holds at the end (0 when every call is over). */
  readonly callsLeft: number;
  /** Listeners on the consoles' SDK objects at the end, over those after sign-in. */
  readonly listenersLeft: number;
}

/** Lets what the last step set off arrive: loopback messages, accepts and hang-ups answered. */
async function settle(ledger: CallLedger): Promise<void> {
  let quiet = 0;
  for (let round = 0; round < 200 && quiet < 3; round++) {
    await new Promise((resolve) => setImmediate(resolve));
    quiet = ledger.inFlight === 0 ? quiet + 1 : 0;
  }
}

/** The arrival times of `count` calls over `ms`: a Poisson process's, given the count. */
function arrivals(count: number, ms: number, random: Random): number[] {
  return Array.from({ length: count }, () => Math.floor(random.next() * ms)).sort((a, b) => a - b);
}

export async function runEmulatorScale(settings: EmulatorScaleSettings): Promise<EmulatorScaleResult> {
  // The world's time starts now, so that the tokens it issues read right to the consoles.
  const clock = new ManualClock(Date.now());
  const random = new Random(settings.seed);
  const emulator = await startEmulator({
    port: 0,
    seed: settings.seed,
    scenario: false,
    clock,
    generatedUsers: { agents: settings.consoles },
  });
  const ledger = new CallLedger();
  const consoles: ScaleConsole[] = [];
  try {
    configure({
      transport: webSocketTransport(emulator.url, WebSocket as unknown as typeof globalThis.WebSocket),
    });
    const keys = emulator.world.directory.generatedUsers.map((user) => user.key);
    consoles.push(
      ...(await inBatches(keys, 20, async (key) => {
        const { token } = emulator.world.issueToken(key);
        const agent = await new CallClient().createTeamsCallAgent(
          new AzureCommunicationTokenCredential(token),
        );
        return new ScaleConsole(key, agent, clock, random, ledger, TIMES);
      })),
    );
    const listenersAfterSignIn = listenerCount();

    const start = clock.now();
    const count = Math.round((settings.callsPerHour * settings.simulatedMs) / 3_600_000);
    const queues = emulator.world.directory.queues;
    arrivals(count, settings.simulatedMs, random).forEach((at, i) =>
      clock.setTimeout(() => {
        const id = emulator.world.enqueuePhoneCall({
          // Each caller a number of their own: the directory's dozen callers cannot wait twice.
          from: `+1425600${String(i).padStart(4, '0')}`,
          displayName: `Caller ${i + 1}`,
          queue: queues[i % queues.length]!.name,
          patienceMs: random.between(...PATIENCE_MS),
          talkMs: CALLER_TALK_MS,
        });
        ledger.offered(id);
      }, at),
    );

    const cpuBefore = process.cpuUsage();
    const wallStart = performance.now();
    let peakRssBytes = process.memoryUsage.rss();
    const over = () => emulator.world.calls.all.size === 0 && ledger.allOver && ledger.inFlight === 0;
    while (
      clock.now() - start < settings.simulatedMs ||
      (!over() && clock.now() - start < settings.simulatedMs + DRAIN_MS)
    ) {
      clock.advance(settings.stepMs);
      await settle(ledger);
      peakRssBytes = Math.max(peakRssBytes, process.memoryUsage.rss());
    }
    const cpu = process.cpuUsage(cpuBefore);
    const wallMs = performance.now() - wallStart;
    const memory = process.memoryUsage();
    return {
      settings,
      outcomes: ledger.outcomes(),
      refusedAccepts: ledger.refusedAccepts,
      failedHangUps: ledger.failedHangUps,
      wallMs,
      simulatedMs: clock.now() - start,
      cpuMs: (cpu.user + cpu.system) / 1000,
      peakRssBytes: Math.max(peakRssBytes, memory.rss),
      rssBytes: memory.rss,
      heapUsedBytes: memory.heapUsed,
      callsLeft: emulator.world.calls.all.size,
      listenersLeft: listenerCount() - listenersAfterSignIn,
    };
  } finally {
    for (const console of consoles) await console.dispose().catch(() => undefined);
    configure({});
    await emulator.close();
  }
}

/** The run's failures: a call without a reason, answered twice, never over, or that never rang. */
export function failures(result: EmulatorScaleResult): string[] {
  const { outcomes } = result;
  return [
    outcomes.withoutReason > 0 && `${outcomes.withoutReason} calls ended without a reason, or never ended`,
    outcomes.answeredTwice > 0 && `${outcomes.answeredTwice} calls were answered by two agents`,
    outcomes.neverRang > 0 && `${outcomes.neverRang} calls never rang a console`,
    result.callsLeft > 0 && `the world still holds ${result.callsLeft} calls`,
  ].filter((failure): failure is string => typeof failure === 'string');
}

const GROUP = 'The emulator at scale';

/** One figure per quantity, a sample per run. */
export function emulatorScaleFigures(results: readonly EmulatorScaleResult[]): Figure[] {
  const figure = (
    name: string,
    unit: string,
    value: (r: EmulatorScaleResult) => number,
    target?: string,
  ) => ({
    group: GROUP,
    name,
    unit,
    samples: results.map(value),
    ...(target && { target }),
  });
  const s = results[0]?.settings ?? FULL_SETTINGS;
  const size = `${s.consoles} consoles, ${s.callsPerHour} calls an hour, ${s.simulatedMs / 60_000} simulated min`;
  return [
    figure(`${size}: wall time, until every call was over`, 's', (r) => r.wallMs / 1000),
    figure('simulated time until every call was over', 'min', (r) => r.simulatedMs / 60_000),
    figure('CPU, emulator and consoles in one process (of one core)', '%', (r) => (100 * r.cpuMs) / r.wallMs),
    figure('CPU time', 's', (r) => r.cpuMs / 1000),
    figure('peak RSS', 'MB', (r) => r.peakRssBytes / 1e6),
    figure('heap used at the end', 'MB', (r) => r.heapUsedBytes / 1e6),
    figure('calls offered', 'count', (r) => r.outcomes.offered),
    figure('calls answered', 'count', (r) => r.outcomes.answered),
    figure('calls ended unanswered, with a reason', 'count', (r) => r.outcomes.unanswered),
    figure('calls without an end reason', 'count', (r) => r.outcomes.withoutReason, '0'),
    figure('accepts refused (another agent first)', 'count', (r) => r.refusedAccepts),
  ];
}

/** The run as a Markdown table, and the end reasons. */
export function emulatorScaleTable(result: EmulatorScaleResult): string {
  const { outcomes, settings } = result;
  const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;
  const rows: [string, string][] = [
    ['consoles, calls an hour', `${settings.consoles}, ${settings.callsPerHour}`],
    ['simulated until every call was over', `${(result.simulatedMs / 60_000).toFixed(1)} min`],
    ['wall time', `${(result.wallMs / 1000).toFixed(1)} s`],
    [
      'CPU (of one core), CPU time',
      `${((100 * result.cpuMs) / result.wallMs).toFixed(0)} %, ${(result.cpuMs / 1000).toFixed(1)} s`,
    ],
    [
      'RSS at the end (peak), heap used',
      `${mb(result.rssBytes)} (${mb(result.peakRssBytes)}), ${mb(result.heapUsedBytes)}`,
    ],
    [
      'calls offered, answered, ended unanswered',
      `${outcomes.offered}, ${outcomes.answered}, ${outcomes.unanswered}`,
    ],
    ['calls without an end reason', String(outcomes.withoutReason)],
    ...[...outcomes.reasons].map(([reason, n]): [string, string] => [`calls ${reason}`, String(n)]),
    [
      'accepts refused (another agent first), hang-ups failed',
      `${result.refusedAccepts}, ${result.failedHangUps}`,
    ],
    ['listeners left on the consoles', String(result.listenersLeft)],
  ];
  return ['| | |', '| --- | ---: |', ...rows.map(([label, value]) => `| ${label} | ${value} |`)].join('\n');
}

/** Runs it, and fails when the run did. */
async function measure(settings: EmulatorScaleSettings): Promise<EmulatorScaleResult> {
  const result = await runEmulatorScale(settings);
  const failed = failures(result);
  if (failed.length > 0) throw new Error(`The emulator at scale failed: ${failed.join('; ')}.`);
  return result;
}

export const emulatorScaleBench: Bench = {
  name: 'emulator-scale',
  method:
    'One emulator server on a manual clock, its 200 generated agents signed in with its calling module over ' +
    'its WebSocket; 1,000 queue calls at Poisson times over a simulated hour, each ringing every console; ' +
    'a free console answers within 2–8 s and hangs up after 1–4 min. CPU (process.cpuUsage) and memory of ' +
    'the one process; every call must be answered or end with a reason.',
  async run({ runs, quick }) {
    const results: EmulatorScaleResult[] = [];
    for (let run = 0; run < Math.max(1, runs); run++)
      results.push(await measure(quick ? QUICK_SETTINGS : FULL_SETTINGS));
    return emulatorScaleFigures(results);
  },
};

if (require.main === module) {
  measure(FULL_SETTINGS)
    .then((result) => {
      console.log(`The emulator at scale; ${new Date().toISOString()}\n`);
      console.log(emulatorScaleTable(result));
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    });
}
