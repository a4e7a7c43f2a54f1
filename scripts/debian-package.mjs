// Finding, and where it may installing, a program a test runner needs from Debian's packages
// (Chromium for Karma and Playwright, redis-server for server/'s tests). A missing program is one
// clear message before any runner starts: where this process may (apt-get on the PATH, running as
// root) it installs Debian's package, printing each command as it runs; elsewhere it names the one
// command to run.
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** A program that cannot be found or installed: `message` says what to run. */
export class ProgramMissing extends Error {
  name = 'ProgramMissing';
}

export function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The command's path on the PATH, or undefined. */
export function onPath(command, path) {
  return (path ?? '')
    .split(delimiter)
    .filter(Boolean)
    .map((dir) => join(dir, command))
    .find(isExecutable);
}

/**
 * Installs Debian's package `pkg` so that `debianPath` exists, or throws `ProgramMissing` saying
 * what to do. `program` names it in messages ("Chromium"); `need` says who needs it ("The tests
 * need Chromium"); `envVar` is the variable that points at another copy (`CHROME_BIN`).
 */
export function installDebianPackage({ pkg, program, need, debianPath, envVar }, env = process.env) {
  const install = `apt-get install -y ${pkg}`;
  if (!onPath('apt-get', env.PATH)) {
    throw new ProgramMissing(
      `${need} and there is none at ${debianPath}. ` +
        `Install ${program} and point ${envVar} at it: ${envVar}=/path/to/${pkg} npm test`,
    );
  }
  if (process.getuid?.() !== 0) {
    throw new ProgramMissing(`${need} and there is none at ${debianPath}. Install it: sudo ${install}`);
  }
  console.log(`${program} is missing at ${debianPath}: installing Debian's package.`);
  const aptEnv = { ...env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = (shown, args) => {
    console.log(`$ ${shown}`);
    const result = spawnSync(args[0], args.slice(1), { stdio: 'inherit', env: aptEnv });
    if (result.status !== 0) {
      throw new ProgramMissing(
        `\`${shown}\` failed (${result.error?.message ?? `exit ${result.status}`}). ` +
          `Install ${program} yourself: ${install}`,
      );
    }
  };
  run('apt-get update', ['apt-get', 'update']);
  run(`DEBIAN_FRONTEND=noninteractive ${install}`, install.split(' '));
  if (!isExecutable(debianPath)) {
    throw new ProgramMissing(
      `${install} finished, but there is still no ${program} at ${debianPath}. ` +
        `Point ${envVar} at it: ${envVar}=/path/to/${pkg} npm test`,
    );
  }
  return debianPath;
}

/** Run as a script: finds or installs the program, and prints where it is and its version. */
export function reportProgram(program, ensure) {
  try {
    const path = ensure();
    const version = spawnSync(path, ['--version'], { encoding: 'utf8' }).stdout?.trim();
    console.log(`${program}: ${path}${version ? ` (${version})` : ''}`);
  } catch (error) {
    if (!(error instanceof ProgramMissing)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
