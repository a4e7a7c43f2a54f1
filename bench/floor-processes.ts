// The processes a floor scenario measures besides its own: server/ instances, each in a child
// process of its own (bench/floor-server.ts) so that its CPU time and memory are its own, and the
// run's redis-server, read through its INFO.
import { fork, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import type { Redis } from 'ioredis';
import type { ServerCommand, ServerReport } from './floor-server';

export type Stats = Extract<ServerReport, { type: 'stats' }>;

const ROOT = resolve(__dirname, '..');

/** An instance in a child process, and the way to ask it things. */
export class ServerProcess {
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

  private get exited(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
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

  /** SIGKILL: the instance goes as a crashed or evicted one does, without a word to its consoles. */
  async kill(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGKILL');
    await exited;
  }

  async stop(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.command({ type: 'stop' });
    await exited;
  }

  private command(command: ServerCommand): void {
    this.child.send(command);
  }
}

/** CPU time between two `process.cpuUsage()` readings, as a share of one core over `ms`. */
export const cpuPercent = (before: NodeJS.CpuUsage, after: NodeJS.CpuUsage, ms: number) =>
  (after.user - before.user + after.system - before.system) / 10 / ms;

/** redis-server's CPU seconds and resident memory, as its INFO says. */
export async function redisInfo(client: Redis): Promise<{ cpuSeconds: number; rssBytes: number }> {
  const text = `${await client.info('cpu')}\n${await client.info('memory')}`;
  const field = (name: string) => Number(new RegExp(`^${name}:([\\d.]+)`, 'm').exec(text)?.[1] ?? NaN);
  return { cpuSeconds: field('used_cpu_user') + field('used_cpu_sys'), rssBytes: field('used_memory_rss') };
}
