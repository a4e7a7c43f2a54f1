// The console as deployed, on this machine: server/ serving a production build and its
// config.json, with the emulator as its Entra ID, ACS identity and calling service (on its own
// origin, as `emulatorUrl` allows). The browser benches and the bundle's browser checks run on it.
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import {
  startEmulator,
  type EmulatorOptions,
  type RunningEmulator,
} from '../emulator/server/emulator-server';
import { serverEnvironment } from '../emulator/testing/server-environment';
import { buildServer } from '../server/app';
import { readServerConfig } from '../server/config';

export interface ProductionStack {
  readonly emulator: RunningEmulator;
  readonly server: FastifyInstance;
  /** The console's address, ending in `/`. */
  readonly consoleUrl: string;
  close(): Promise<void>;
}

/**
 * Starts the emulator (no scenario arrivals unless asked) and server/ serving `distDir`'s
 * `browser/` folder, both on free ports. `environment` adds to server/'s (`AFTER_CALL_WORK_SECONDS`).
 */
export async function startProductionStack(
  distDir: string,
  emulatorOptions: EmulatorOptions = {},
  environment: Record<string, string> = {},
): Promise<ProductionStack> {
  const emulator = await startEmulator({ port: 0, seed: 3, scenario: false, ...emulatorOptions });
  let server: FastifyInstance | undefined;
  try {
    server = await buildServer(
      readServerConfig({
        ...serverEnvironment(emulator.url),
        CONSOLE_BACKEND: 'emulator',
        CONSOLE_EMULATOR_URL: emulator.url,
        SERVE_CONSOLE_DIR: join(distDir, 'browser'),
        ...environment,
      }),
    );
    await server.listen({ port: 0, host: '127.0.0.1' });
  } catch (error) {
    await server?.close();
    await emulator.close();
    throw error;
  }
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const running = server;
  return {
    emulator,
    server: running,
    consoleUrl: `http://localhost:${port}/`,
    async close() {
      await running.close();
      await emulator.close();
    },
  };
}
