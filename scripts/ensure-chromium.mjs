#!/usr/bin/env node
// The browser Karma and Playwright launch (scripts/chromium.cjs): `CHROME_BIN`, or Debian's
// Chromium at /usr/bin/chromium, installed where this process may (scripts/debian-package.mjs).
// Used by `npm test` (scripts/test.mjs) and CI (.ci/run); run alone: `node scripts/ensure-chromium.mjs`.
import { fileURLToPath } from 'node:url';
import { installDebianPackage, isExecutable, ProgramMissing, reportProgram } from './debian-package.mjs';

export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/**
 * Returns the browser's path, installing Debian's Chromium first when it is missing and this
 * process may. Throws `ProgramMissing` otherwise, before anything else has run. `debianPath` is
 * where Debian's package puts the browser.
 */
export function ensureChromium(env = process.env, debianPath = DEBIAN_CHROMIUM) {
  const chosen = env.CHROME_BIN || debianPath;
  if (isExecutable(chosen)) return chosen;
  if (chosen !== debianPath) {
    // Someone chose this browser; installing Debian's would not put one there.
    throw new ProgramMissing(
      `The tests need a browser, and CHROME_BIN is ${chosen}, which is not an executable file. ` +
        `Point CHROME_BIN at Chromium or Chrome, or unset it to use Debian's Chromium: unset CHROME_BIN`,
    );
  }
  return installDebianPackage(
    {
      pkg: 'chromium',
      program: 'Chromium',
      need: 'The tests need Chromium',
      debianPath,
      envVar: 'CHROME_BIN',
    },
    env,
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) reportProgram('Chromium', () => ensureChromium());
