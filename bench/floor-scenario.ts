// One run of the floor's bench: server/ instances in child processes (one in memory, or two over
// a redis-server of the run's own, one of them killed mid-window in scenario C), the emulator's
// generated agents and supervisors signed in to them, every agent reporting once a second; the
// supervisors measure, the instances tell their CPU time and memory over the window.
// bench/floor.ts runs it at full size, bench/floor.spec.ts small.
import { loadavg } from 'node:os';
import { Redis } from 'ioredis';
import { resolveScopes } from '../emulator/server/cloud/app-registration';
import type { RunningEmulator } from '../emulator/server/emulator-server';
import { API_SCOPE } from '../emulator/testing/entra-sign-in';
import { serverEnvironment } from '../emulator/testing/server-environment';
import { startRedis, type RunningRedis } from '../server/testing/redis-server';
import { BenchAgent, BenchSupervisor, inBatches, signedInSocket, type Window } from './floor-clients';
import {
  delivery,
  everyLastReportHeard,
  Failover,
  type Delivery,
  type FailoverFigures,
} from './floor-failover';
import { cpuPercent, redisInfo, ServerProcess, type Stats } from './floor-processes';

export interface ScenarioOptions {
  readonly agents: number;
  readonly supervisors: number;
  /** 1: one instance, the floor in memory; 2: two instances sharing it through Redis. */
  readonly instances: 1 | 2;
  /** With two instances: the second is killed (SIGKILL) halfway through the window (scenario C). */
  readonly killOne?: boolean;
  readonly warmUpMs: number;
  readonly durationMs: number;
  /** How often each agent reports. */
  readonly reportIntervalMs: number;
}

export interface ProcessFigures {
  /** CPU time over the window, as a share of one core (100 = one core busy throughout). */
  readonly cpuPercent: number;
  readonly rssBytes: number;
  readonly maxRssBytes: number;
  readonly heapUsedBytes: number;
  /** How late the event loop ran over the window, in milliseconds: p99 and max. */
  readonly loopDelay: { readonly p99: number; readonly max: number };
}

export interface ScenarioResult {
  readonly options: ScenarioOptions;
  readonly windowMs: number;
  readonly reportsSent: number;
  /** Report→update latencies at every supervisor, sorted, in milliseconds. */
  readonly latencies: readonly number[];
  /** Updates each supervisor received in the window. */
  readonly updatesPerSupervisor: readonly number[];
  /** How many agents each supervisor heard of in an update. */
  readonly agentsUpdatedPerSupervisor: readonly number[];
  readonly servers: readonly ProcessFigures[];
  readonly redis: { readonly cpuPercent: number; readonly rssBytes: number } | null;
  /** Of the reports sent in the window, at every supervisor: heard, replaced by a newer one, lost. */
  readonly delivery: Delivery;
  /** Scenario C: the kill, the consoles moved and how long they took. */
  readonly failover: FailoverFigures | null;
  /** This process (the emulator and every console): to tell a saturated load generator. */
  readonly benchCpuPercent: number;
  /** The machine's one-minute load average at the window's end: others' work competes too. */
  readonly loadAverage: number;
}

const agentKey = (i: number) => `agent${String(i + 1).padStart(4, '0')}`;
const supervisorKey = (i: number) => `supervisor${String(i + 1).padStart(4, '0')}`;

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs one scenario against `emulator`, whose directory must hold at least `agents` generated
 * agents and `supervisors` generated supervisors. Throws when the run itself fails: a socket
 * refused, a hello not welcomed, a socket lost during the run (but, in scenario C, those on the
 * killed instance, which move), a console that could not move, a supervisor without an update.
 */
export async function runScenario(
  emulator: RunningEmulator,
  options: ScenarioOptions,
): Promise<ScenarioResult> {
  const redis: RunningRedis | null = options.instances === 2 ? await startRedis() : null;
  const servers: ServerProcess[] = [];
  const sockets: { close(): void }[] = [];
  /** Why a console's socket went before the run ended, if one did. */
  let lost: string | null = null;
  let ending = false;
  const onLost = (what: string) => {
    if (!ending) lost ??= what;
  };
  const agents: { id: string; agent: BenchAgent }[] = [];
  const redisClient = redis ? new Redis(redis.url, { lazyConnect: true }) : null;
  try {
    const env: Record<string, string> = {
      ...serverEnvironment(emulator.url),
      ...(redis && { REDIS_URL: redis.url }),
      ...Object.fromEntries(
        ['PATH', 'HOME', 'TMPDIR'].flatMap((name) => (process.env[name] ? [[name, process.env[name]]] : [])),
      ),
    };
    for (let i = 0; i < options.instances; i++) servers.push(await ServerProcess.start(env));
    await redisClient?.connect();
    const failover = options.killOne && servers.length === 2 ? new Failover(servers[1]!, servers[0]!) : null;

    // Tokens as the emulated Entra ID's token endpoint signs them for Switchboard's API.
    const scopes = resolveScopes(API_SCOPE);
    const token = (key: string) => {
      const user = emulator.world.directory.user(key);
      if (!user) throw new Error(`The emulator's directory has no ${key}: generate more users.`);
      return emulator.cloud.signer.accessToken(user, scopes, Date.now());
    };
    const serverOf = (i: number) => servers[i % servers.length] as ServerProcess;
    const window: Window = { start: Number.POSITIVE_INFINITY, end: Number.POSITIVE_INFINITY };
    /** A console's socket on `on`: lost is a failure, but on the killed instance (a move). */
    const open = async (
      on: ServerProcess,
      key: string,
      role: 'agent' | 'supervisor',
      attach: (socket: BenchAgent['socket']) => Promise<void> | void,
    ) => {
      const signedIn = await token(key);
      const connect = async (to: ServerProcess, lossOnTo: (what: string) => void) => {
        const { socket, userId } = await signedInSocket(to.url, to.origin, signedIn, lossOnTo);
        sockets.push(socket);
        return { socket, userId };
      };
      const moveTo = async (to: ServerProcess) => {
        const { socket } = await connect(to, onLost);
        await attach(socket);
      };
      return connect(on, failover ? failover.onLoss(on, role, moveTo, onLost) : onLost);
    };

    const supervisors = await inBatches(Array.from({ length: options.supervisors }), 25, async (_, i) => {
      let supervisor: BenchSupervisor | undefined;
      const { socket } = await open(serverOf(i), supervisorKey(i), 'supervisor', (s) =>
        supervisor!.attach(s),
      );
      return (supervisor = new BenchSupervisor(socket, window));
    });
    await Promise.all(supervisors.map((supervisor) => supervisor.subscribed));
    agents.push(
      ...(await inBatches(Array.from({ length: options.agents }), 50, async (_, i) => {
        let agent: BenchAgent | undefined;
        const { socket, userId } = await open(serverOf(i), agentKey(i), 'agent', (s) => agent!.attach(s));
        return { id: userId, agent: (agent = new BenchAgent(socket, i, window)) };
      })),
    );
    // Reports spread evenly over the interval, as a floor of independent consoles sends them.
    agents.forEach(({ agent }, i) =>
      agent.start(options.reportIntervalMs, (i * options.reportIntervalMs) / options.agents),
    );

    await wait(options.warmUpMs);
    const [before, redisBefore] = await Promise.all([
      Promise.all(servers.map((server) => server.stats())),
      redisClient && redisInfo(redisClient),
    ]);
    const benchBefore = process.cpuUsage();
    window.start = Date.now();
    window.end = window.start + options.durationMs;
    let victimStats: Stats | null = null;
    if (failover) {
      await wait(options.durationMs / 2);
      victimStats = await failover.kill();
    }
    await wait(window.end - Date.now());
    const [after, redisAfter] = await Promise.all([
      Promise.all(servers.map((server) => (server === failover?.victim ? victimStats! : server.stats()))),
      redisClient && redisInfo(redisClient),
    ]);
    const benchAfter = process.cpuUsage();
    const loadAverage = loadavg()[0] ?? NaN;
    const windowMs = Date.now() - window.start;
    // Every console back before the agents stop: their last reports are the state to be heard.
    await failover?.settled();
    agents.forEach(({ agent }) => agent.stop());
    // Updates for the window's last reports are on their way: a few batches' time lets them in,
    // and on a machine so busy that it takes longer, up to 10 s for each agent's last report.
    await wait(1000);
    for (let waited = 0; waited < 10_000 && !everyLastReportHeard(supervisors, agents); waited += 100)
      await wait(100);

    if (lost) throw new Error(`a console's socket went during the run: ${lost}`);
    const silent = supervisors.filter((supervisor) => supervisor.updatesInWindow === 0).length;
    if (options.agents > 0 && silent > 0) throw new Error(`${silent} supervisors received no update`);
    return {
      options,
      windowMs,
      reportsSent: agents.reduce((total, { agent }) => total + agent.sentInWindow.length, 0),
      latencies: supervisors.flatMap((supervisor) => supervisor.latencies).sort((a, b) => a - b),
      updatesPerSupervisor: supervisors.map((supervisor) => supervisor.updatesInWindow),
      agentsUpdatedPerSupervisor: supervisors.map((supervisor) => supervisor.agentsUpdated.size),
      servers: servers.map((_, i) => {
        const [b, a] = [before[i] as Stats, after[i] as Stats];
        return {
          cpuPercent: cpuPercent(b.cpu, a.cpu, a.at - b.at),
          rssBytes: a.memory.rss,
          maxRssBytes: a.maxRss,
          heapUsedBytes: a.memory.heapUsed,
          loopDelay: a.loopDelay,
        };
      }),
      redis:
        redisBefore && redisAfter
          ? {
              cpuPercent: ((redisAfter.cpuSeconds - redisBefore.cpuSeconds) * 100_000) / windowMs,
              rssBytes: redisAfter.rssBytes,
            }
          : null,
      delivery: delivery(supervisors, agents),
      failover:
        failover?.figures(
          window.start,
          supervisors,
          agents.map(({ id }) => id),
        ) ?? null,
      benchCpuPercent: cpuPercent(benchBefore, benchAfter, windowMs),
      loadAverage,
    };
  } finally {
    ending = true;
    agents.forEach(({ agent }) => agent.stop());
    sockets.forEach((socket) => socket.close());
    redisClient?.disconnect();
    await Promise.all(servers.map((server) => server.stop()));
    await redis?.stop();
  }
}
