import { buildServer } from './app';
import { ConfigError, readServerConfig, type ServerConfig } from './config';

/**
 * `npm run server` (and `npm start`, `npm run serve:prod`): Switchboard's backend, configured from
 * the environment (README.md). `--check` only checks the configuration, naming what is missing.
 */
async function main(): Promise<void> {
  let config: ServerConfig;
  try {
    config = readServerConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  if (process.argv.includes('--check')) {
    console.log('server/ configuration is complete.');
    return;
  }
  const app = await buildServer(config);
  await app.listen({ port: config.port, host: config.host });
  const stop = () => void app.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`server/ could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
