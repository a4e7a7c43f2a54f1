import { startEmulator } from './emulator-server';
import { readEnvironment } from './environment';

/** `npm run emulator`: the emulator alone. Knobs come from the environment (see README.md). */
async function main(): Promise<void> {
  const options = readEnvironment(process.env);
  const emulator = await startEmulator(options);
  const kept = options.cloud?.stateFile ? `; sign-ins kept in ${options.cloud.stateFile}` : '';
  console.log(`Emulator listening on ${emulator.url} (scenario ${options.scenario ? 'on' : 'off'}${kept})`);
  const stop = () => void emulator.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`The emulator could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
