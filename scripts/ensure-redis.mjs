#!/usr/bin/env node
// The Redis server/'s tests start for the floor shared between instances (server/floor/): `REDIS_SERVER`,
// or redis-server on the PATH, or Debian's at /usr/bin/redis-server. Checked before the tests run,
// so a missing server is one clear message. Where it can (Debian, as root) it installs Debian's
// package; where it cannot, it names the one command to run. `npm start` never needs Redis.
// Used by CI (.ci/run); run alone: `node scripts/ensure-redis.mjs`.
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEBIAN_REDIS = '/usr/bin/redis-server';
const INSTALL = 'apt-get install -y redis-server';

/** A Redis server that cannot be found or installed: `message` says what to run. */
export class RedisMissing extends Error {
  name = 'RedisMissing';
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
  return (path ?? '')
    .split(delimiter)
    .filter(Boolean)
    .map((dir) => join(dir, command))
    .find(isExecutable);
}

/** Runs a command for all to see, as it would be typed. */
function run(shown, args, env) {
  console.log(`$ ${shown}`);
  const result = spawnSync(args[0], args.slice(1), { stdio: 'inherit', env });
  if (result.status !== 0) {
    throw new RedisMissing(
      `\`${shown}\` failed (${result.error?.message ?? `exit ${result.status}`}). ` +
        `Install Redis yourself: ${INSTALL}`,
    );
  }
}

/**
 * Where redis-server is, without installing anything: `REDIS_SERVER`, the PATH, then Debian's
 * path; `null` when there is none. server/'s tests use this too.
 */
export function findRedis(env = process.env, debianPath = DEBIAN_REDIS) {
  if (env.REDIS_SERVER) return isExecutable(env.REDIS_SERVER) ? env.REDIS_SERVER : null;
  return onPath('redis-server', env.PATH) ?? (isExecutable(debianPath) ? debianPath : null);
}

/**
 * Returns redis-server's path, installing Debian's package first when it is missing and this
 * process may (apt-get on the PATH, running as root). Throws `RedisMissing` otherwise.
 */
export function ensureRedis(env = process.env, debianPath = DEBIAN_REDIS) {
  const found = findRedis(env, debianPath);
  if (found) return found;
  if (env.REDIS_SERVER) {
    // Someone chose this server; installing Debian's would not put one there.
    throw new RedisMissing(
      `server/'s tests need redis-server, and REDIS_SERVER is ${env.REDIS_SERVER}, which is not an ` +
        `executable file. Point REDIS_SERVER at redis-server, or unset it: unset REDIS_SERVER`,
    );
  }
  if (!onPath('apt-get', env.PATH)) {
    throw new RedisMissing(
      `server/'s tests need redis-server and there is none on the PATH or at ${debianPath}. ` +
        `Install Redis and point REDIS_SERVER at it: REDIS_SERVER=/path/to/redis-server npm test`,
    );
  }
  if (process.getuid?.() !== 0) {
    throw new RedisMissing(
      `server/'s tests need redis-server and there is none at ${debianPath}. Install it: sudo ${INSTALL}`,
    );
  }
  console.log(`redis-server is missing at ${debianPath}: installing Debian's package.`);
  const aptEnv = { ...env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get update', ['apt-get', 'update'], aptEnv);
  run(`DEBIAN_FRONTEND=noninteractive ${INSTALL}`, INSTALL.split(' '), aptEnv);
  if (!isExecutable(debianPath)) {
    throw new RedisMissing(
      `${INSTALL} finished, but there is still no redis-server at ${debianPath}. ` +
        `Point REDIS_SERVER at it: REDIS_SERVER=/path/to/redis-server npm test`,
    );
  }
  return debianPath;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    const path = ensureRedis();
    const version = spawnSync(path, ['--version'], { encoding: 'utf8' }).stdout?.trim();
    console.log(`Redis: ${path}${version ? ` (${version})` : ''}`);
  } catch (error) {
    if (!(error instanceof RedisMissing)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
