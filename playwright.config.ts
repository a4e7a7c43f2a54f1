import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import chromium from './scripts/chromium.cjs';

// e2e runs against the servers `npm start` runs. The scenario's own arrivals are switched off so
// each test places exactly the calls it works with; every other knob is the default.
// README screenshots are not tests: they live in e2e/screenshots/ with a config of their own
// (`npm run screenshots`), so a test run never rewrites a tracked file.
const port = Number(process.env['E2E_PORT'] ?? 4280);
const emulatorPort = Number(process.env['E2E_EMULATOR_PORT'] ?? 4390);
// What the emulator, server/ and the dev server print, for the test that reads their logs for
// secrets (e2e/canary-secrets.spec.ts); the workers inherit the variable.
const serverLog = join(tmpdir(), `switchboard-e2e-${port}.log`);
process.env['E2E_SERVER_LOG'] = serverLog;

export default defineConfig({
  testDir: 'e2e',
  testIgnore: 'screenshots/**',
  outputDir: 'test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env['CI'],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: 'retain-on-failure',
    launchOptions: { executablePath: chromium.executablePath, args: chromium.args },
  },
  webServer: {
    command: 'node scripts/start.mjs',
    // The repository's root, also when another config (e2e/screenshots/) reuses this one.
    cwd: __dirname,
    url: `http://localhost:${port}/config.json`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      EMULATOR_PORT: String(emulatorPort),
      EMULATOR_SCENARIO: 'off',
      EMULATOR_SEED: '7',
      SWITCHBOARD_LOG_FILE: serverLog,
      // server/ logs each request (method, path, address), so a secret it would log is there to find.
      LOG_LEVEL: 'info',
    },
  },
});
