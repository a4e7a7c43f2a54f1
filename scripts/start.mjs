#!/usr/bin/env node
// `npm start`: the emulator and the console together, one URL to open.
// Knobs: PORT (console, 4200), EMULATOR_PORT (4310), EMULATOR_SEED, EMULATOR_SCENARIO (on|off),
// SCENARIO_ARRIVALS_PER_MINUTE, SCENARIO_PATIENCE_SECONDS (e.g. 60-180), SCENARIO_TALK_SECONDS.
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

const port = Number(process.env.PORT || 4200);
const emulatorPort = Number(process.env.EMULATOR_PORT || 4310);
const env = { ...process.env, EMULATOR_PORT: String(emulatorPort), NG_CLI_ANALYTICS: 'false' };
const children = [];

function run(command, args) {
  const child = spawn(command, args, { env, stdio: ['ignore', 'inherit', 'inherit'] });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`${command} ${args.join(' ')} stopped (${signal ?? code}); stopping Switchboard.`);
      stop(code || 1);
    }
  });
  children.push(child);
  return child;
}

let stopping = false;
function stop(code = 0) {
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 500).unref();
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

async function waitFor(url, seconds) {
  for (let i = 0; i < seconds * 4; i++) {
    try {
      if ((await fetch(url)).ok) return true;
    } catch {
      // not up yet
    }
    await sleep(250);
  }
  return false;
}

run(process.execPath, ['--import', 'tsx', 'emulator/server/main.ts']);
if (!(await waitFor(`http://127.0.0.1:${emulatorPort}/health`, 60))) {
  console.error(`The emulator did not answer on port ${emulatorPort} within 60 s.`);
  stop(1);
} else {
  run(process.execPath, [
    'node_modules/@angular/cli/bin/ng.js',
    'serve',
    '--port',
    String(port),
    '--no-open',
  ]);
  if (await waitFor(`http://localhost:${port}/config.json`, 240)) {
    console.log(`\nSwitchboard is running: http://localhost:${port}/  (emulator on port ${emulatorPort})\n`);
  }
}
