import { startEmulator } from './emulator-server';

/** `npm run emulator`: the emulator alone. Knobs come from the environment (see README.md). */
function range(name: string): [number, number] | undefined {
  const value = process.env[name];
  if (!value) return undefined;
  const match = /^(\d+)-(\d+)$/.exec(value);
  if (!match || Number(match[1]) > Number(match[2])) {
    throw new Error(`${name} must look like "60-180" (seconds, min-max), not "${value}".`);
  }
  return [Number(match[1]), Number(match[2])];
}

const env = process.env;
const scenarioOn = (env['EMULATOR_SCENARIO'] ?? 'on') !== 'off';
const arrivals = env['SCENARIO_ARRIVALS_PER_MINUTE']
  ? Number(env['SCENARIO_ARRIVALS_PER_MINUTE'])
  : undefined;
if (arrivals !== undefined && !(arrivals > 0))
  throw new Error('SCENARIO_ARRIVALS_PER_MINUTE must be a number above 0.');
const patienceSeconds = range('SCENARIO_PATIENCE_SECONDS');
const redirectUris = env['EMULATOR_REDIRECT_URIS']?.split(',').map((uri) => uri.trim());
const talkSeconds = range('SCENARIO_TALK_SECONDS');

async function main(): Promise<void> {
  const emulator = await startEmulator({
    port: Number(env['EMULATOR_PORT'] ?? 4310),
    host: env['EMULATOR_HOST'] ?? '127.0.0.1',
    ...(env['EMULATOR_SEED'] && { seed: Number(env['EMULATOR_SEED']) }),
    ...(redirectUris && { cloud: { redirectUris } }),
    scenario: scenarioOn && {
      ...(arrivals !== undefined && { arrivalsPerMinute: arrivals }),
      ...(patienceSeconds && { patienceSeconds }),
      ...(talkSeconds && { talkSeconds }),
    },
  });
  console.log(`Emulator listening on ${emulator.url} (scenario ${scenarioOn ? 'on' : 'off'})`);
  const stop = () => void emulator.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`The emulator could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
