import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readEnvironment } from './environment';

describe('the emulator’s environment', () => {
  it('falls back to the documented defaults when nothing is set', () => {
    assert.deepEqual(readEnvironment({}), { port: 4310, host: '127.0.0.1', scenario: {} });
  });

  it('reads every setting', () => {
    assert.deepEqual(
      readEnvironment({
        EMULATOR_PORT: '4390',
        EMULATOR_HOST: '0.0.0.0',
        EMULATOR_SEED: '7',
        SCENARIO_ARRIVALS_PER_MINUTE: '0.5',
        SCENARIO_PATIENCE_SECONDS: '60-180',
        SCENARIO_TALK_SECONDS: '45-45',
        EMULATOR_REDIRECT_URIS: 'https://switchboard.example/, http://localhost/',
        EMULATOR_STATE_FILE: '/tmp/switchboard-emulator-4390.json',
      }),
      {
        port: 4390,
        host: '0.0.0.0',
        seed: 7,
        cloud: {
          redirectUris: ['https://switchboard.example/', 'http://localhost/'],
          stateFile: '/tmp/switchboard-emulator-4390.json',
        },
        scenario: { arrivalsPerMinute: 0.5, patienceSeconds: [60, 180], talkSeconds: [45, 45] },
      },
    );
    assert.equal(readEnvironment({ EMULATOR_SCENARIO: 'off' }).scenario, false);
    assert.deepEqual(readEnvironment({ EMULATOR_STATE_FILE: 'state.json' }).cloud, {
      stateFile: 'state.json',
    });
  });

  it('stops at the first setting out of its range, naming it and the range', () => {
    const refusals: [Record<string, string>, string][] = [
      [{ EMULATOR_PORT: '99999' }, '"EMULATOR_PORT" must be an integer from 0 to 65535.'],
      [{ EMULATOR_PORT: '0x10' }, '"EMULATOR_PORT" must be an integer from 0 to 65535.'],
      [{ EMULATOR_SEED: '-1' }, '"EMULATOR_SEED" must be an integer from 0 to 4294967295.'],
      [
        { SCENARIO_ARRIVALS_PER_MINUTE: '1e999' },
        '"SCENARIO_ARRIVALS_PER_MINUTE" must be a number from 0.01 to 600 (calls per minute).',
      ],
      [
        { SCENARIO_ARRIVALS_PER_MINUTE: '0' },
        '"SCENARIO_ARRIVALS_PER_MINUTE" must be a number from 0.01 to 600 (calls per minute).',
      ],
      [
        { SCENARIO_PATIENCE_SECONDS: '180-60' },
        '"SCENARIO_PATIENCE_SECONDS" must be "min-max" (e.g. "60-180") with min <= max, each an integer from 0 to 86400 (seconds).',
      ],
      [
        { SCENARIO_TALK_SECONDS: '45-999999' },
        '"SCENARIO_TALK_SECONDS" must be "min-max" (e.g. "60-180") with min <= max, each an integer from 0 to 86400 (seconds).',
      ],
      [{ EMULATOR_SCENARIO: 'yes' }, '"EMULATOR_SCENARIO" must be "on" or "off", not "yes".'],
      [
        { EMULATOR_REDIRECT_URIS: 'http://localhost/, /callback' },
        '"EMULATOR_REDIRECT_URIS" must be absolute URLs without "#", separated by commas: "/callback" is not.',
      ],
    ];
    for (const [env, message] of refusals) assert.throws(() => readEnvironment(env), { message });
  });
});

describe('the emulator’s generated tenant from the environment', () => {
  it('reads the generated agents and supervisors', () => {
    assert.deepEqual(
      readEnvironment({ EMULATOR_GENERATED_AGENTS: '1000', EMULATOR_GENERATED_SUPERVISORS: '50' })
        .generatedUsers,
      { agents: 1000, supervisors: 50 },
    );
    assert.deepEqual(readEnvironment({ EMULATOR_GENERATED_AGENTS: '0' }).generatedUsers, { agents: 0 });
    assert.equal(readEnvironment({}).generatedUsers, undefined);
  });

  it('refuses a count out of its range, naming the variable', () => {
    const agents = '"EMULATOR_GENERATED_AGENTS" must be an integer from 0 to 5000 (agents).';
    const supervisors = '"EMULATOR_GENERATED_SUPERVISORS" must be an integer from 0 to 500 (supervisors).';
    const refusals: [Record<string, string>, string][] = [
      [{ EMULATOR_GENERATED_AGENTS: '5001' }, agents],
      [{ EMULATOR_GENERATED_AGENTS: '-5' }, agents],
      [{ EMULATOR_GENERATED_AGENTS: '2.5' }, agents],
      [{ EMULATOR_GENERATED_AGENTS: 'many' }, agents],
      [{ EMULATOR_GENERATED_AGENTS: '1e3' }, agents],
      [{ EMULATOR_GENERATED_SUPERVISORS: '501' }, supervisors],
      [{ EMULATOR_GENERATED_SUPERVISORS: ' 5' }, supervisors],
    ];
    for (const [env, message] of refusals) assert.throws(() => readEnvironment(env), { message });
  });
});
