// `npm start`'s supervision (supervise.mjs), with tiny Node processes standing in for the emulator
// and server/: never the real services, never their ports.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterEach, describe, it } from 'node:test';
import { MAX_DEATHS, RESTART_WINDOW_MS, supervise } from './supervise.mjs';

/** A process that lives until it is killed, or one that exits at once with `exitCode`. */
const tiny = (exitCode?: number) =>
  spawn(
    process.execPath,
    ['-e', exitCode === undefined ? 'setInterval(() => {}, 1000)' : `process.exit(${exitCode})`],
    {
      stdio: 'ignore',
    },
  );

interface Harness {
  readonly lines: string[];
  readonly reasons: string[];
  readonly started: ChildProcess[];
  readonly service: ReturnType<typeof supervise>;
  /** Resolves when the terminal has been told `line`. */
  said(line: string): Promise<void>;
}

const running: Harness[] = [];
afterEach(() => {
  for (const { service } of running.splice(0)) service.stop('SIGKILL');
});

function harness(exitCodes: (number | undefined)[] = [], now = Date.now): Harness {
  const lines: string[] = [];
  const reasons: string[] = [];
  const started: ChildProcess[] = [];
  const exiting = new WeakSet<ChildProcess>();
  const waiting: { line: string; resolve: () => void }[] = [];
  const tell = (line: string) => {
    lines.push(line);
    for (const wait of waiting.filter((w) => w.line === line)) wait.resolve();
  };
  const service = supervise(
    {
      name: 'The emulator',
      start: () => {
        const exitCode = exitCodes[started.length];
        const child = tiny(exitCode);
        if (exitCode !== undefined) exiting.add(child);
        started.push(child);
        return child;
      },
      // A real service answers its health check; here one that lives is up once spawned, and one
      // that exits at once has died (as a crashing service dies) by the time it would be.
      ready: async (child: ChildProcess) => {
        await once(child, exiting.has(child) ? 'exit' : 'spawn');
        return true;
      },
      giveUp: (reason: string) => {
        reasons.push(reason);
        tell(reason);
      },
    },
    { log: tell, now, restartDelayMs: 0 },
  );
  const said = (line: string) =>
    lines.includes(line)
      ? Promise.resolve()
      : new Promise<void>((resolve) => waiting.push({ line, resolve }));
  const made = { lines, reasons, started, service, said };
  running.push(made);
  return made;
}

describe('npm start’s supervisor', () => {
  it('starts a service that was killed again, and says so', async () => {
    const { lines, started, service, said } = harness();
    assert.equal(await service.start(), true);
    const first = service.child;
    first.kill('SIGKILL');
    await said('The emulator is back.');
    assert.deepEqual(lines, ['The emulator stopped (SIGKILL); restarting it.', 'The emulator is back.']);
    assert.equal(started.length, 2);
    assert.notEqual(service.child.pid, first.pid);
    assert.equal(service.child.exitCode, null, 'the new one runs');
  });

  it('does not restart a service it was told to stop (Ctrl-C, SIGTERM of npm start)', async () => {
    const { lines, started, service } = harness();
    await service.start();
    service.stop();
    await once(service.child, 'exit');
    assert.deepEqual(lines, []);
    assert.equal(started.length, 1);
  });

  it(`gives up when the service dies ${MAX_DEATHS} times within a minute`, async () => {
    const { lines, reasons, started, service, said } = harness([1, 1, 1, 1, 1, 1, 1]);
    await service.start();
    const reason = `The emulator stopped (exit code 1), ${MAX_DEATHS} times within a minute; stopping Switchboard.`;
    await said(reason);
    assert.deepEqual(reasons, [reason]);
    assert.equal(started.length, MAX_DEATHS);
    assert.deepEqual(
      lines.slice(0, -1),
      Array(MAX_DEATHS - 1).fill('The emulator stopped (exit code 1); restarting it.'),
    );
  });

  it('keeps restarting a service whose deaths are more than a minute apart', async () => {
    let time = 0;
    const { reasons, started, service, said } = harness(
      [2, 2, 2, 2, 2, 2],
      () => (time += RESTART_WINDOW_MS / 4 + 1),
    );
    await service.start();
    await said('The emulator is back.');
    assert.equal(started.length, 7, 'six deaths, then one that stays up');
    assert.deepEqual(reasons, []);
  });
});
