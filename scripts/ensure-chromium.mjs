#!/usr/bin/env node
// The browser Karma and Playwright launch (scripts/chromium.cjs): `CHROME_BIN`, or Debian's
// Chromium at /usr/bin/chromium. Checked before any runner starts, so a missing browser is one
// clear message rather than a failure deep inside Karma or Playwright. Where it can (Debian, as
// root) it installs Debian's package; where it cannot, it names the one command to run.
// Used by `npm test` (scripts/test.mjs) and CI (.ci/run); run alone: `node scripts/ensure-chromium.mjs`.
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEBIAN_CHROMIUM = '/usr/bin/chromium';
const INSTALL = 'apt-get install -y chromium';

/** A browser that cannot be found or installed: `message` says what to run. */
export class ChromiumMissing extends Error {
  name = 'ChromiumMissing';
}

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(command, path) {
  return (path ?? '').split(delimiter).some((dir) => dir && isExecutable(join(dir, command)));
}

/** Runs a command for all to see, as it would be typed. */
function run(shown, args, env) {
  console.log(`$ ${shown}`);
  const result = spawnSync(args[0], args.slice(1), { stdio: 'inherit', env });
  if (result.status !== 0) {
    throw new ChromiumMissing(
      `\`${shown}\` failed (${result.error?.message ?? `exit ${result.status}`}). ` +
        `Install Chromium yourself: ${INSTALL}`,
    );
  }
}

/**
 * Returns the browser's path, installing Debian's Chromium first when it is missing and this
 * process may (apt-get on the PATH, running as root). Throws `ChromiumMissing` otherwise, before
 * anything else has run. `debianPath` is where Debian's package puts the browser.
 */
export function ensureChromium(env = process.env, debianPath = DEBIAN_CHROMIUM) {
  const chosen = env.CHROME_BIN || debianPath;
  if (isExecutable(chosen)) return chosen;
  if (chosen !== debianPath) {
    // Someone chose this browser; installing Debian's would not put one there.
    throw new ChromiumMissing(
      `The tests need a browser, and CHROME_BIN is ${chosen}, which is not an executable file. ` +
        `Point CHROME_BIN at Chromium or Chrome, or unset it to use Debian's Chromium: unset CHROME_BIN`,
    );
  }
  const hasApt = onPath('apt-get', env.PATH);
  if (!hasApt) {
    throw new ChromiumMissing(
      `The tests need Chromium and there is none at ${debianPath}. ` +
        `Install Chromium or Chrome and point CHROME_BIN at it: CHROME_BIN=/path/to/chromium npm test`,
    );
  }
  if (process.getuid?.() !== 0) {
    throw new ChromiumMissing(
      `The tests need Chromium and there is none at ${debianPath}. Install it: sudo ${INSTALL}`,
    );
  }
  console.log(`Chromium is missing at ${debianPath}: installing Debian's package.`);
  const aptEnv = { ...env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get update', ['apt-get', 'update'], aptEnv);
  run(`DEBIAN_FRONTEND=noninteractive ${INSTALL}`, INSTALL.split(' '), aptEnv);
  if (!isExecutable(debianPath)) {
    throw new ChromiumMissing(
      `${INSTALL} finished, but there is still no Chromium at ${debianPath}. ` +
        `Point CHROME_BIN at the browser: CHROME_BIN=/path/to/chromium npm test`,
    );
  }
  return debianPath;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    const path = ensureChromium();
    const version = spawnSync(path, ['--version'], { encoding: 'utf8' }).stdout?.trim();
    console.log(`Chromium: ${path}${version ? ` (${version})` : ''}`);
  } catch (error) {
    if (!(error instanceof ChromiumMissing)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
