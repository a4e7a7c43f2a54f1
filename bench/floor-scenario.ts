// One run of the floor's bench: server/ instances in child processes (one in memory, or two over
// a redis-server of the run's own), the emulator's generated agents and supervisors signed in to
// them, every agent reporting once a second; the supervisors measure, the instances tell their
// CPU time and memory over the window. bench/floor.ts runs it at full size, bench/floor.spec.ts
// small.
import { fork, type ChildProcess } from 'node:child_process';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { Redis } from 'ioredis';
import { resolveScopes } from '../emulator/server/cloud/app-registration';
import type { RunningEmulator } from '../emulator/server/emulator-server';
import { API_SCOPE } from '../emulator/testing/entra-sign-in';
import { startRedis, type RunningRedis } from '../server/testing/redis-server';
import { BenchAgent, BenchSupervisor, inBatches, signedInSocket, type Window } from './floor-clients';
import type { ServerCommand, ServerReport } from './floor-server';
import { serverEnvironment } from '../emulator/testing/server-environment';

type Stats = Extract<ServerReport, { type: 'stats' }>;

export interface ScenarioOptions {
  readonly agents: number;
  readonly supervisors: number;
  /** 1: one instance, the floor in memory; 2: two instances sharing it through Redis. */
  readonly instances: 1 | 2;
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
  /** This process (the emulator and every console): to tell a saturated load generator. */
  readonly benchCpuPercent: number;
  /** The machine's one-minute load average at the window's end: others' work competes too. */
  readonly loadAverage: number;
}

const ROOT = resolve(__dirname, '..');
const agentKey = (i: number) => `agent${String(i + 1).padStart(4, '0')}`;
const supervisorKey = (i: number) => `supervisor${String(i + 1).padStart(4, '0')}`;

/** An instance in a child process, and the way to ask it things. */
class ServerProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
  ) {}

  static async start(env: Record<string, string>): Promise<ServerProcess> {
    const child = fork(join(__dirname, 'floor-server.ts'), [], {
      cwd: ROOT,
      execArgv: ['--import', 'tsx'],
      env,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const port = await new Promise<number>((resolve, reject) => {
      child.once('message', (report: ServerReport) =>
        report.type === 'listening'
          ? resolve(report.port)
          : reject(
              new Error(`server/ did not start: ${report.type === 'failed' ? report.message : report.type}`),
            ),
      );
      child.once('exit', (code) => reject(new Error(`server/ exited (${code}) before listening`)));
    });
    child.removeAllListeners('exit');
    return new ServerProcess(child, port);
  }

  get url(): string {
    return `ws://127.0.0.1:${this.port}/api/floor`;
  }

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  stats(): Promise<Stats> {
    return new Promise((resolve, reject) => {
      const exited = (code: number | null) => reject(new Error(`server/ exited (${code}) during the run`));
      const listener = (report: ServerReport) => {
        if (report.type !== 'stats') return;
        this.child.off('message', listener);
        this.child.off('exit', exited);
        resolve(report);
      };
      this.child.on('message', listener);
      this.child.once('exit', exited);
      this.command({ type: 'stats' });
    });
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.command({ type: 'stop' });
    await exited;
  }

  private command(command: ServerCommand): void {
    this.child.send(command);
  }
}

const cpuPercent = (before: NodeJS.CpuUsage, after: NodeJS.CpuUsage, ms: number) =>
  (after.user - before.user + after.system - before.system) / 10 / ms;

/** redis-server's CPU seconds and resident memory, as its INFO says. */
async function redisInfo(client: Redis): Promise<{ cpuSeconds: number; rssBytes: number }> {
  const text = `${await client.info('cpu')}\n${await client.info('memory')}`;
  const field = (name: string) => Number(new RegExp(`^${name}:([\\d.]+)`, 'm').exec(text)?.[1] ?? NaN);
  return { cpuSeconds: field('used_cpu_user') + field('used_cpu_sys'), rssBytes: field('used_memory_rss') };
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs one scenario against `emulator`, whose directory must hold at least `agents` generated
 * agents and `supervisors` generated supervisors. Throws when the run itself fails: a socket
 * refused, a hello not welcomed, a socket lost during the run, a supervisor without an update.
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
  const agents: BenchAgent[] = [];
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

    // Tokens as the emulated Entra ID's token endpoint signs them for Switchboard's API.
    const scopes = resolveScopes(API_SCOPE);
    const token = (key: string) => {
      const user = emulator.world.directory.user(key);
      if (!user) throw new Error(`The emulator's directory has no ${key}: generate more users.`);
      return emulator.cloud.signer.accessToken(user, scopes, Date.now());
    };
    const serverOf = (i: number) => servers[i % servers.length] as ServerProcess;
    const window: Window = { start: Number.POSITIVE_INFINITY, end: Number.POSITIVE_INFINITY };

    const supervisors = await inBatches(Array.from({ length: options.supervisors }), 25, async (_, i) => {
      const on = serverOf(i);
      const socket = await signedInSocket(on.url, on.origin, await token(supervisorKey(i)), onLost);
      sockets.push(socket);
      return new BenchSupervisor(socket, window);
    });
    await Promise.all(supervisors.map((supervisor) => supervisor.subscribed));
    agents.push(
      ...(await inBatches(Array.from({ length: options.agents }), 50, async (_, i) => {
        const on = serverOf(i);
        const socket = await signedInSocket(on.url, on.origin, await token(agentKey(i)), onLost);
        sockets.push(socket);
        return new BenchAgent(socket, i, window);
      })),
    );
    // Reports spread evenly over the interval, as a floor of independent consoles sends them.
    agents.forEach((agent, i) =>
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
    await wait(options.durationMs);
    const [after, redisAfter] = await Promise.all([
      Promise.all(servers.map((server) => server.stats())),
      redisClient && redisInfo(redisClient),
    ]);
    const benchAfter = process.cpuUsage();
    const loadAverage = loadavg()[0] ?? NaN;
    const windowMs = Date.now() - window.start;
    agents.forEach((agent) => agent.stop());
    // Updates for the window's last reports are on their way: a few batches' time lets them in.
    await wait(1000);

    if (lost) throw new Error(`a console's socket went during the run: ${lost}`);
    const silent = supervisors.filter((supervisor) => supervisor.updatesInWindow === 0).length;
    if (options.agents > 0 && silent > 0) throw new Error(`${silent} supervisors received no update`);
    return {
      options,
      windowMs,
      reportsSent: agents.reduce((total, agent) => total + agent.sentInWindow, 0),
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
      benchCpuPercent: cpuPercent(benchBefore, benchAfter, windowMs),
      loadAverage,
    };
  } finally {
    ending = true;
    agents.forEach((agent) => agent.stop());
    sockets.forEach((socket) => socket.close());
    redisClient?.disconnect();
    await Promise.all(servers.map((server) => server.stop()));
    await redis?.stop();
  }
}
