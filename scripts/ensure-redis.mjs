#!/usr/bin/env node
// The Redis server/'s tests start for the floor shared between instances (server/floor/):
// `REDIS_SERVER`, or redis-server on the PATH, or Debian's at /usr/bin/redis-server, installed where
// this process may (scripts/debian-package.mjs). `npm start` never needs Redis.
// Used by `npm test` (scripts/test.mjs) and CI (.ci/run); run alone: `node scripts/ensure-redis.mjs`.
import { fileURLToPath } from 'node:url';
import {
  installDebianPackage,
  isExecutable,
  onPath,
  ProgramMissing,
  reportProgram,
} from './debian-package.mjs';

const DEBIAN_REDIS = '/usr/bin/redis-server';

/**
 * Where redis-server is, without installing anything: `REDIS_SERVER`, the PATH, then Debian's
 * path; `null` when there is none. server/testing/redis-server.ts searches the same way (the
 * layers keep server/'s tests out of scripts/).
 */
function findRedis(env = process.env, debianPath = DEBIAN_REDIS) {
  if (env.REDIS_SERVER) return isExecutable(env.REDIS_SERVER) ? env.REDIS_SERVER : null;
  return onPath('redis-server', env.PATH) ?? (isExecutable(debianPath) ? debianPath : null);
}

/**
 * Returns redis-server's path, installing Debian's package first when it is missing and this
 * process may. Throws `ProgramMissing` otherwise.
 */
export function ensureRedis(env = process.env, debianPath = DEBIAN_REDIS) {
  const found = findRedis(env, debianPath);
  if (found) return found;
  if (env.REDIS_SERVER) {
    // Someone chose this server; installing Debian's would not put one there.
    throw new ProgramMissing(
      `server/'s tests need redis-server, and REDIS_SERVER is ${env.REDIS_SERVER}, which is not an ` +
        `executable file. Point REDIS_SERVER at redis-server, or unset it: unset REDIS_SERVER`,
    );
  }
  return installDebianPackage(
    {
      pkg: 'redis-server',
      program: 'redis-server',
      need: "server/'s tests need redis-server",
      debianPath,
      envVar: 'REDIS_SERVER',
    },
    env,
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) reportProgram('Redis', () => ensureRedis());
