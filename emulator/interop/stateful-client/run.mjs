#!/usr/bin/env node
// Runs stateful-client.test.ts: Microsoft's StatefulCallClient (@azure/communication-react) on the
// emulator's client module. The UI library lives in this folder's own package.json (it pins React
// 18 and calling 1.x as peers, which the console must not inherit); it is installed with `npm ci`
// on first run. esbuild bundles the test with `@azure/communication-calling` aliased to the
// emulator's module (emulator/client/index.ts), so the library's imports of the SDK and the
// test's own get one and the same module; the bundle goes to a temporary folder, not the tree.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

if (!existsSync(join(here, 'node_modules'))) {
  const npm = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: here, stdio: 'inherit' });
  if (npm.status !== 0) process.exit(npm.status ?? 1);
}

const { build } = await import(join(here, 'node_modules', 'esbuild', 'lib', 'main.js'));
const out = mkdtempSync(join(tmpdir(), 'stateful-client-'));
try {
  await build({
    entryPoints: [join(here, 'stateful-client.test.ts')],
    outfile: join(out, 'stateful-client.test.cjs'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    // The UI library's package.json declares its ESM build under a "module" condition.
    conditions: ['module'],
    mainFields: ['module', 'main'],
    alias: { '@azure/communication-calling': join(here, '..', '..', 'client', 'index.ts') },
    logLevel: 'warning',
  });
  const test = spawnSync(
    process.execPath,
    ['--enable-source-maps', '--test', '--test-reporter=spec', join(out, 'stateful-client.test.cjs')],
    { cwd: here, stdio: 'inherit' },
  );
  process.exitCode = test.status ?? 1;
} finally {
  rmSync(out, { recursive: true, force: true });
}
