#!/usr/bin/env node
// `npm run serve:prod`: builds the console for production and runs server/ alone, serving it, as
// deployed. server/ then needs a real tenant and ACS resource from the environment (server/README.md);
// the configuration is checked before the build, naming every missing variable.
import { spawn } from 'node:child_process';

const env = {
  ...process.env,
  SERVE_CONSOLE_DIR: process.env.SERVE_CONSOLE_DIR || 'dist/switchboard/browser',
  NG_CLI_ANALYTICS: 'false',
};

function run(args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { env, stdio: 'inherit' });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

const server = ['--import', 'tsx', 'server/main.ts'];
const steps = [
  [...server, '--check'],
  ['node_modules/@angular/cli/bin/ng.js', 'build', '--configuration', 'production'],
  server,
];
for (const step of steps) {
  const code = await run(step);
  if (code !== 0) process.exit(code);
}
