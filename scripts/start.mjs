#!/usr/bin/env node
// `npm start`: the emulator, server/ and the console together, one URL to open.
// Knobs: PORT (console, 4200), EMULATOR_PORT (4310), SERVER_PORT (EMULATOR_PORT + 1), EMULATOR_SEED,
// EMULATOR_SCENARIO (on|off), SCENARIO_ARRIVALS_PER_MINUTE, SCENARIO_PATIENCE_SECONDS (e.g. 60-180),
// SCENARIO_TALK_SECONDS, EMULATOR_STATE_FILE, SWITCHBOARD_LOG_FILE (every service's output, also
// written to this file from the start: for a test that reads what the services logged).
// The emulator or server/ dying is not the end: each is started again (see supervise.mjs) and the
// console reconnects. The dev server dying, Ctrl-C, or a service dying 5 times within a minute
// stops everything.
import { spawn } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { supervise } from './supervise.mjs';

const port = Number(process.env.PORT || 4200);
const emulatorPort = Number(process.env.EMULATOR_PORT || 4310);
const serverPort = Number(process.env.SERVER_PORT || emulatorPort + 1);
if (new Set([port, emulatorPort, serverPort]).size < 3) {
  console.error(
    `PORT (${port}), EMULATOR_PORT (${emulatorPort}) and SERVER_PORT (${serverPort}) must differ.`,
  );
  process.exit(1);
}
const env = {
  ...process.env,
  EMULATOR_PORT: String(emulatorPort),
  SERVER_PORT: String(serverPort),
  NG_CLI_ANALYTICS: 'false',
  // Refresh grants and sign-in sessions, kept so that a restarted emulator still honours them
  // (the file holds their secrets: mode 0600, under the user's temporary directory).
  EMULATOR_STATE_FILE:
    process.env.EMULATOR_STATE_FILE || join(tmpdir(), `switchboard-emulator-${emulatorPort}.json`),
};

/**
 * server/ as in production, with the emulator as its Entra ID and ACS: the emulator's well-known
 * tenant, app registration and access key (emulator/well-known.json), whatever the
 * shell holds for a real tenant.
 */
function emulatedCloud() {
  const cloud = JSON.parse(readFileSync(new URL('../emulator/well-known.json', import.meta.url), 'utf8'));
  const emulator = `http://127.0.0.1:${emulatorPort}`;
  return {
    ...env,
    PORT: String(serverPort),
    HOST: '127.0.0.1',
    ENTRA_TENANT_ID: cloud.tenantId,
    ENTRA_CLIENT_ID: cloud.switchboardClientId,
    ENTRA_AUTHORITY: `https://${cloud.authorityHost}/${cloud.tenantId}`,
    ENTRA_JWKS_URL: `${emulator}/${cloud.tenantId}/discovery/v2.0/keys`,
    ACS_CONNECTION_STRING: `endpoint=${emulator}/;accesskey=${cloud.acsAccessKey}`,
    CONSOLE_BACKEND: 'emulator',
    // The floor's WebSocket comes through the dev server, whose origin is the console's.
    ALLOWED_ORIGINS: `http://localhost:${port} http://127.0.0.1:${port}`,
    // The emulator's Microsoft Graph, on the console's origin through the dev server's proxy.
    GRAPH_BASE_URL: '/v1.0',
    LOG_LEVEL: process.env.LOG_LEVEL || 'warn',
  };
}

const logFile = process.env.SWITCHBOARD_LOG_FILE ? createWriteStream(process.env.SWITCHBOARD_LOG_FILE) : null;

/** A service's process, its output on this one's and, with SWITCHBOARD_LOG_FILE, in the file too. */
function spawnService(args, childEnv) {
  const output = logFile ? 'pipe' : 'inherit';
  const child = spawn(process.execPath, args, { env: childEnv, stdio: ['ignore', output, output] });
  if (logFile) {
    for (const [from, to] of [
      [child.stdout, process.stdout],
      [child.stderr, process.stderr],
    ]) {
      from.on('data', (chunk) => {
        to.write(chunk);
        logFile.write(chunk);
      });
    }
  }
  return child;
}

const services = [];
let devServer;

let stopping = false;
function stop(code = 0, reason) {
  if (stopping) return;
  stopping = true;
  if (reason) console.error(reason);
  for (const service of services) service.stop();
  devServer?.kill('SIGTERM');
  setTimeout(() => process.exit(code), 500).unref();
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

async function waitFor(url, seconds) {
  for (let i = 0; i < seconds * 4 && !stopping; i++) {
    try {
      if ((await fetch(url)).ok) return true;
    } catch {
      // not up yet
    }
    await sleep(250);
  }
  return false;
}

/** Starts a service, restarted whenever it dies; stops everything if it does not answer at first. */
async function start(name, args, healthUrl, childEnv = env) {
  const service = supervise({
    name,
    start: () => spawnService(args, childEnv),
    ready: () => waitFor(healthUrl, 60),
    giveUp: (reason) => stop(1, reason),
  });
  services.push(service);
  if (await service.start()) return true;
  if (!stopping) stop(1, `${name} did not answer at ${healthUrl} within 60 s.`);
  return false;
}

if (
  (await start(
    'The emulator',
    ['--import', 'tsx', 'emulator/server/main.ts'],
    `http://127.0.0.1:${emulatorPort}/health`,
  )) &&
  (await start(
    'server/',
    ['--import', 'tsx', 'server/main.ts'],
    `http://127.0.0.1:${serverPort}/health`,
    emulatedCloud(),
  ))
) {
  const args = ['node_modules/@angular/cli/bin/ng.js', 'serve', '--port', String(port), '--no-open'];
  devServer = spawnService(args, env);
  devServer.on('exit', (code, signal) => {
    if (!stopping)
      stop(code || 1, `The dev server (ng serve) stopped (${signal ?? code}); stopping Switchboard.`);
  });
  if (await waitFor(`http://localhost:${port}/config.json`, 240)) {
    console.log(
      `\nSwitchboard is running: http://localhost:${port}/  (emulator on port ${emulatorPort}, server/ on ${serverPort})\n`,
    );
  }
}
