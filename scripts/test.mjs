#!/usr/bin/env node
// `npm test`: every runner in turn (the emulator's and server/'s Node tests, the production build's
// bundle checks, the interop test, Karma, Playwright), each printing its own summary, then one line
// that adds them up for CI: `Tests: N passed, N failed`.
// A runner that fails without a countable summary (a compile error, a crash) counts as one failure.
// Karma and Playwright need Chromium, server/'s tests redis-server: each is checked (and installed
// where possible) before any runs.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProgramMissing } from './debian-package.mjs';
import { ensureChromium } from './ensure-chromium.mjs';
import { ensureRedis } from './ensure-redis.mjs';

function specFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : specFiles(path);
    return name.endsWith('.spec.ts') ? [path] : [];
  });
}

const only = process.argv.slice(2);
const env = { ...process.env, NG_CLI_ANALYTICS: 'false' };

const nodeTests = (dir) => ({
  name: `${dir} (node:test)`,
  command: [process.execPath, '--import', 'tsx', '--test', '--test-reporter=spec', ...specFiles(dir)],
  count: (out) => ({ passed: last(out, /ℹ pass (\d+)/g), failed: last(out, /ℹ fail (\d+)/g) }),
});

const runners = [
  nodeTests('emulator'),
  // server/'s floor shared through Redis is tested against a real redis-server.
  { ...nodeTests('server'), needsRedis: true },
  // The layers' lint rules fire on wrong-way imports (eslint.config.js).
  nodeTests('scripts'),
  // The production build: initial JavaScript under its gzip budget, the Calling SDK lazy and, in
  // Chromium, never downloaded in emulator mode.
  // The floor's bench shares it through a redis-server of its own, as server/'s tests do. The
  // bundle's checks and the browser benches' share one production build, made first.
  { ...nodeTests('bench'), needsBrowser: true, needsRedis: true, needsProductionBuild: true },
  {
    // Microsoft's StatefulCallClient on the emulator's module, from its own folder and packages.
    name: 'interop (node:test)',
    command: [process.execPath, 'emulator/interop/stateful-client/run.mjs'],
    count: (out) => ({ passed: last(out, /ℹ pass (\d+)/g), failed: last(out, /ℹ fail (\d+)/g) }),
  },
  {
    name: 'unit (Karma)',
    needsBrowser: true,
    command: [
      process.execPath,
      'node_modules/@angular/cli/bin/ng.js',
      'test',
      '--watch=false',
      '--progress=false',
    ],
    // Karma's last "Executed X of Y [(N FAILED)] [(skipped K)]" line is its summary.
    count: (out) => {
      const m = [...out.matchAll(/Executed (\d+) of \d+(?: \((\d+) FAILED\))?/g)].pop();
      if (!m) return { passed: null, failed: null };
      const failed = Number(m[2] ?? 0);
      return { passed: Number(m[1]) - failed, failed };
    },
  },
  {
    name: 'e2e (Playwright)',
    needsBrowser: true,
    command: [process.execPath, 'node_modules/@playwright/test/cli.js', 'test', '--reporter=list'],
    count: (out) => ({
      passed: last(out, /^\s+(\d+) passed/gm) ?? 0,
      failed: (last(out, /^\s+(\d+) failed/gm) ?? 0) + (last(out, /^\s+(\d+) flaky/gm) ?? 0),
    }),
  },
];
const unknown = only.filter((o) => !runners.some((r) => r.name.startsWith(o)));
if (unknown.length > 0) {
  console.error(
    `No runner named ${unknown.join(', ')}: choose from ${runners.map((r) => r.name.split(' ')[0]).join(', ')}.`,
  );
  process.exit(2);
}
const chosen = runners.filter((r) => only.length === 0 || only.some((o) => r.name.startsWith(o)));

// The programs the chosen runners need, found or installed before any runs (one clear message).
const programs = [
  { needed: (r) => r.needsRedis, variable: 'REDIS_SERVER', ensure: ensureRedis },
  { needed: (r) => r.needsBrowser, variable: 'CHROME_BIN', ensure: ensureChromium },
];
for (const { needed, variable, ensure } of programs) {
  if (!chosen.some(needed)) continue;
  try {
    env[variable] = ensure(process.env);
  } catch (error) {
    if (!(error instanceof ProgramMissing)) throw error;
    console.error(error.message);
    console.log('Tests: 0 passed, 1 failed');
    process.exit(1);
  }
}

function last(text, regex) {
  const m = [...text.matchAll(regex)].pop();
  return m ? Number(m[1]) : null;
}

/** `ng build --configuration=production --stats-json` into `outputPath`; resolves to its exit code. */
function productionBuild(outputPath) {
  return new Promise((resolve) => {
    const args = ['build', '--configuration=production', '--stats-json', `--output-path=${outputPath}`];
    const child = spawn(
      process.execPath,
      ['node_modules/@angular/cli/bin/ng.js', ...args, '--progress=false'],
      {
        env,
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    );
    child.on('close', resolve);
  });
}

async function run(runner) {
  console.log(`\n=== ${runner.name}\n`);
  if (!runner.needsProductionBuild) return spawnRunner(runner, env);
  const distDir = mkdtempSync(join(tmpdir(), 'switchboard-test-build-'));
  try {
    const code = await productionBuild(distDir);
    if (code !== 0) return { code, out: `The production build failed (exit ${code}).` };
    return await spawnRunner(runner, { ...env, BENCH_DIST_DIR: distDir });
  } finally {
    rmSync(distDir, { recursive: true, force: true });
  }
}

function spawnRunner(runner, runnerEnv) {
  return new Promise((resolve) => {
    const child = spawn(runner.command[0], runner.command.slice(1), {
      env: runnerEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const tee = (stream) => (chunk) => {
      out += chunk;
      stream.write(chunk);
    };
    child.stdout.on('data', tee(process.stdout));
    child.stderr.on('data', tee(process.stderr));
    child.on('close', (code) => resolve({ code, out: out.replace(/\x1b\[[0-9;]*m/g, '') }));
  });
}

let passed = 0;
let failed = 0;
const lines = [];
for (const runner of chosen) {
  const { code, out } = await run(runner);
  let counts = runner.count(out);
  if (counts.passed === null) counts = { passed: 0, failed: 0 };
  if (code !== 0 && counts.failed === 0) counts.failed = 1;
  if (code === 0 && counts.passed === 0) {
    counts.failed += 1;
    console.error(`${runner.name} ran no test.`);
  }
  passed += counts.passed;
  failed += counts.failed;
  lines.push(`${runner.name}: ${counts.passed} passed, ${counts.failed} failed (exit ${code})`);
}

console.log('\n=== summary');
for (const line of lines) console.log(line);
console.log(`Tests: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
