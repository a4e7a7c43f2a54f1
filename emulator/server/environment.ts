import { TEAMS_CLOUDS, type TeamsCloud } from '../engine/directory';
import { pairProblem, RANGES, rangeProblem, type NumberRange } from '../engine/ranges';
import type { EmulatorOptions } from './emulator-server';

export type Environment = Readonly<Record<string, string | undefined>>;

/**
 * `npm run emulator`'s settings from the environment (see README.md), each checked against its
 * range: a typo stops the server at start with the variable's name, not hours later.
 */
export function readEnvironment(env: Environment): EmulatorOptions {
  const scenario = env['EMULATOR_SCENARIO'] ?? 'on';
  if (scenario !== 'on' && scenario !== 'off')
    throw new Error(`"EMULATOR_SCENARIO" must be "on" or "off", not "${scenario}".`);
  const port = number(env, 'EMULATOR_PORT', RANGES.port) ?? 4310;
  const seed = number(env, 'EMULATOR_SEED', RANGES.seed);
  const arrivalsPerMinute = number(env, 'SCENARIO_ARRIVALS_PER_MINUTE', RANGES.arrivalsPerMinute);
  const patienceSeconds = pair(env, 'SCENARIO_PATIENCE_SECONDS');
  const talkSeconds = pair(env, 'SCENARIO_TALK_SECONDS');
  const redirectUris = uris(env, 'EMULATOR_REDIRECT_URIS');
  const stateFile = env['EMULATOR_STATE_FILE'] || undefined;
  const agents = number(env, 'EMULATOR_GENERATED_AGENTS', RANGES.generatedAgents);
  const supervisors = number(env, 'EMULATOR_GENERATED_SUPERVISORS', RANGES.generatedSupervisors);
  const teamsCloud = env['EMULATOR_TEAMS_CLOUD'];
  if (teamsCloud && !TEAMS_CLOUDS.includes(teamsCloud as TeamsCloud))
    throw new Error(`"EMULATOR_TEAMS_CLOUD" must be ${TEAMS_CLOUDS.join(', ')}, not "${teamsCloud}".`);
  return {
    port,
    host: env['EMULATOR_HOST'] || '127.0.0.1',
    ...(seed !== undefined && { seed }),
    ...(teamsCloud && { teamsCloud: teamsCloud as TeamsCloud }),
    ...((redirectUris || stateFile) && {
      cloud: { ...(redirectUris && { redirectUris }), ...(stateFile && { stateFile }) },
    }),
    ...((agents !== undefined || supervisors !== undefined) && {
      generatedUsers: {
        ...(agents !== undefined && { agents }),
        ...(supervisors !== undefined && { supervisors }),
      },
    }),
    scenario: scenario === 'on' && {
      ...(arrivalsPerMinute !== undefined && { arrivalsPerMinute }),
      ...(patienceSeconds && { patienceSeconds }),
      ...(talkSeconds && { talkSeconds }),
    },
  };
}

/** Plain decimal digits only: `Number()` would also take "", " ", "0x10" and "1e3". */
const DECIMAL = /^\d+(\.\d+)?$/;

function number(env: Environment, name: string, range: NumberRange): number | undefined {
  const text = env[name];
  if (!text) return undefined;
  const value = DECIMAL.test(text) ? Number(text) : NaN;
  const problem = rangeProblem(name, value, range);
  if (problem) throw new Error(problem);
  return value;
}

/** A range of whole seconds written `60-180`. */
function pair(env: Environment, name: string): [number, number] | undefined {
  const text = env[name];
  if (!text) return undefined;
  const match = /^(\d+)-(\d+)$/.exec(text);
  const value = match ? [Number(match[1]), Number(match[2])] : undefined;
  const problem = pairProblem(name, value, RANGES.wholeSeconds, '"min-max" (e.g. "60-180")');
  if (problem) throw new Error(problem);
  return value as [number, number];
}

/** A comma-separated list of absolute URLs without a fragment (the app registration's redirect URIs). */
function uris(env: Environment, name: string): string[] | undefined {
  const text = env[name];
  if (!text) return undefined;
  const list = text.split(',').map((uri) => uri.trim());
  const bad = list.find((uri) => !URL.canParse(uri) || uri.includes('#'));
  if (bad !== undefined)
    throw new Error(`"${name}" must be absolute URLs without "#", separated by commas: "${bad}" is not.`);
  return list;
}
