// Keeps one of `npm start`'s services running: when it dies on its own it is started again, and
// the terminal is told both that it stopped and that it is back. A service that keeps dying (five
// times within a minute) is not worth restarting: the supervisor gives up and says so.

/** A service that dies this many times within `RESTART_WINDOW_MS` is given up on. */
export const MAX_DEATHS = 5;
export const RESTART_WINDOW_MS = 60_000;
/** A short pause before starting again: a stop of all of `npm start` (Ctrl-C) lands first. */
const RESTART_DELAY_MS = 250;

/**
 * @param {object} service
 * @param {string} service.name - how the terminal names it: "The emulator", "server/".
 * @param {() => import('node:child_process').ChildProcess} service.start - starts one process.
 * @param {(child: import('node:child_process').ChildProcess) => Promise<boolean>} service.ready -
 *   whether a started process came up (answers its health check).
 * @param {(reason: string) => void} service.giveUp - stops everything, with why.
 * @param {{ log?: (line: string) => void, now?: () => number, restartDelayMs?: number }} [options]
 */
export function supervise(service, options = {}) {
  const { log = (line) => console.error(line), now = Date.now, restartDelayMs = RESTART_DELAY_MS } = options;
  const deaths = [];
  let stopped = false;
  let child;

  const launch = () => {
    child = service.start();
    child.once('exit', (code, signal) => {
      if (stopped) return;
      const at = now();
      deaths.push(at);
      while (deaths.length && deaths[0] <= at - RESTART_WINDOW_MS) deaths.shift();
      const how = signal ?? `exit code ${code}`;
      if (deaths.length >= MAX_DEATHS) {
        stopped = true;
        service.giveUp(
          `${service.name} stopped (${how}), ${MAX_DEATHS} times within a minute; stopping Switchboard.`,
        );
        return;
      }
      log(`${service.name} stopped (${how}); restarting it.`);
      setTimeout(() => void restart(), restartDelayMs);
    });
    return child;
  };

  const restart = async () => {
    if (stopped) return;
    const started = launch();
    if (await service.ready(started)) {
      if (!stopped && child === started && started.exitCode === null && started.signalCode === null)
        log(`${service.name} is back.`);
    } else if (!stopped && child === started) {
      stopped = true;
      service.giveUp(`${service.name} did not come back within its start-up time; stopping Switchboard.`);
    }
  };

  return {
    /** Starts the service the first time; resolves with whether it came up. */
    start: () => service.ready(launch()),
    /** The process running now (a restart replaces it). */
    get child() {
      return child;
    },
    /** Ends the service for good: no restart follows. */
    stop(signal = 'SIGTERM') {
      stopped = true;
      child?.kill(signal);
    },
  };
}
