#!/usr/bin/env node
// `npm start`: the emulator, server/ and the console together, one URL to open.
// Knobs: PORT (console, 4200), EMULATOR_PORT (4310), SERVER_PORT (EMULATOR_PORT + 1), EMULATOR_SEED,
// EMULATOR_SCENARIO (on|off), SCENARIO_ARRIVALS_PER_MINUTE, SCENARIO_PATIENCE_SECONDS (e.g. 60-180),
// SCENARIO_TALK_SECONDS.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

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
};
const children = [];

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

function run(command, args, childEnv = env) {
  const child = spawn(command, args, { env: childEnv, stdio: ['ignore', 'inherit', 'inherit'] });
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

/** Starts a service and waits for its health check; stops everything if it does not answer. */
async function start(name, args, healthUrl, childEnv) {
  run(process.execPath, args, childEnv);
  if (await waitFor(healthUrl, 60)) return true;
  console.error(`${name} did not answer at ${healthUrl} within 60 s.`);
  stop(1);
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
  run(process.execPath, [
    'node_modules/@angular/cli/bin/ng.js',
    'serve',
    '--port',
    String(port),
    '--no-open',
  ]);
  if (await waitFor(`http://localhost:${port}/config.json`, 240)) {
    console.log(
      `\nSwitchboard is running: http://localhost:${port}/  (emulator on port ${emulatorPort}, server/ on ${serverPort})\n`,
    );
  }
}
