import { parseRuntimeConfig, resolveFloorUrl, type RuntimeConfig } from './runtime-config';
import { EMULATED_CONFIG } from './testing/runtime-configs';

const emulated = EMULATED_CONFIG;

const withSettings = (changes: Record<string, unknown>) => ({ ...emulated, ...changes });
const without = (key: string) => Object.fromEntries(Object.entries(emulated).filter(([k]) => k !== key));

describe('runtime configuration (config.json)', () => {
  it('takes every setting server/ writes', () => {
    const config: RuntimeConfig = parseRuntimeConfig(JSON.parse(JSON.stringify(emulated)));
    expect(config).toEqual(emulated);
  });

  it('defaults only what has a safe default: the console’s origin, no known authorities, warnings', () => {
    const config = parseRuntimeConfig(without('emulatorUrl'));
    expect(config.emulatorUrl).toBe('');
    expect(parseRuntimeConfig(without('knownAuthorities')).knownAuthorities).toEqual([]);
    expect(parseRuntimeConfig(without('logLevel')).logLevel).toBe('warning');
    expect(parseRuntimeConfig(without('floorUrl')).floorUrl).toBe('/api/floor');
    expect(parseRuntimeConfig(without('wrapUpCodes')).wrapUpCodes).toEqual([
      'Resolved',
      'Follow-up needed',
      'Escalated',
      'Wrong number',
    ]);
    expect(parseRuntimeConfig(without('afterCallWorkSeconds')).afterCallWorkSeconds).toBe(120);
  });

  it('takes the deployment’s own wrap-up codes and after-call work limit (0: no limit)', () => {
    const config = parseRuntimeConfig(
      withSettings({ wrapUpCodes: [' Sale ', 'No sale'], afterCallWorkSeconds: 0 }),
    );
    expect(config.wrapUpCodes).toEqual(['Sale', 'No sale']);
    expect(config.afterCallWorkSeconds).toBe(0);
  });

  it('opens the floor on the page’s origin, wss under https, and takes a wss URL as it is', () => {
    expect(resolveFloorUrl('/api/floor', 'https://switchboard.example.com')).toBe(
      'wss://switchboard.example.com/api/floor',
    );
    expect(resolveFloorUrl('/api/floor', 'http://localhost:4200')).toBe('ws://localhost:4200/api/floor');
    expect(resolveFloorUrl('wss://floor.example.com/api/floor', 'https://switchboard.example.com')).toBe(
      'wss://floor.example.com/api/floor',
    );
    expect(parseRuntimeConfig(withSettings({ floorUrl: 'ws://127.0.0.1:4311/api/floor' })).floorUrl).toBe(
      'ws://127.0.0.1:4311/api/floor',
    );
  });

  it('names each missing setting', () => {
    for (const key of ['backend', 'clientId', 'authority', 'scopes', 'tokenUrl', 'graphBaseUrl']) {
      expect(() => parseRuntimeConfig(without(key)))
        .withContext(key)
        .toThrowError(`config.json: "${key}" is missing.`);
    }
  });

  it('names the setting and what it must be when one is wrong', () => {
    const refusals: [Record<string, unknown>, string][] = [
      [{ backend: 'emulater' }, '"backend" must be "emulator" or "acs", not "emulater".'],
      [{ emulatorUrl: 4310 }, '"emulatorUrl" must be an http(s) URL, or empty for the console’s own origin.'],
      [
        { clientId: 'switchboard' },
        '"clientId" must be the app registration’s Application (client) ID, a GUID.',
      ],
      [
        { authority: 'http://127.0.0.1:4310/00000000-0000-4000-8000-0000000e0000' },
        '"authority" must be an https URL, such as "https://login.microsoftonline.com/<tenant id>".',
      ],
      [
        { knownAuthorities: 'login.microsoftonline.com' },
        '"knownAuthorities" must be a list of host names, such as ["login.microsoftonline.com"].',
      ],
      [
        { knownAuthorities: ['https://login.microsoftonline.com'] },
        '"knownAuthorities" must be a list of host names, such as ["login.microsoftonline.com"].',
      ],
      [{ scopes: ['User.Read'] }, '"scopes" must be an object with the lists "api", "teams" and "graph".'],
      [{ scopes: { ...emulated.scopes, teams: [] } }, '"scopes.teams" must be a list of one or more scopes.'],
      [
        { tokenUrl: 'api/token' },
        '"tokenUrl" must be a path on the console’s origin (such as "/api/token") or an https URL.',
      ],
      [
        { graphBaseUrl: 'http://graph.microsoft.com/v1.0' },
        '"graphBaseUrl" must be an https URL, such as "https://graph.microsoft.com/v1.0", or a path on the console’s origin.',
      ],
      [
        { floorUrl: 'ws://floor.example.com/api/floor' },
        '"floorUrl" must be a path on the console’s origin (such as "/api/floor") or a wss URL.',
      ],
      [
        { wrapUpCodes: [] },
        '"wrapUpCodes" must be a list of one or more different, non-empty wrap-up codes.',
      ],
      [
        { wrapUpCodes: ['Resolved', ' Resolved'] },
        '"wrapUpCodes" must be a list of one or more different, non-empty wrap-up codes.',
      ],
      [
        { afterCallWorkSeconds: -5 },
        '"afterCallWorkSeconds" must be a whole number of seconds from 0 (no limit) to 28800, not -5.',
      ],
      [
        { afterCallWorkSeconds: '120' },
        '"afterCallWorkSeconds" must be a whole number of seconds from 0 (no limit) to 28800, not "120".',
      ],
      [{ logLevel: 'debug' }, '"logLevel" must be one of verbose, info, warning, error, not "debug".'],
      [
        { clientID: emulated.clientId },
        '"clientID" is not a setting (the settings are backend, emulatorUrl, clientId, authority, knownAuthorities, scopes, tokenUrl, graphBaseUrl, logLevel, floorUrl, wrapUpCodes, afterCallWorkSeconds).',
      ],
    ];
    for (const [changes, message] of refusals) {
      expect(() => parseRuntimeConfig(withSettings(changes)))
        .withContext(JSON.stringify(changes))
        .toThrowError(`config.json: ${message}`);
    }
  });

  it('names every problem at once', () => {
    expect(() => parseRuntimeConfig({ backend: 'acs', logLevel: 'loud' })).toThrowError(
      'config.json: "clientId" is missing. "authority" is missing. "scopes" is missing. ' +
        '"tokenUrl" is missing. "graphBaseUrl" is missing. "logLevel" must be one of verbose, info, warning, error, not "loud".',
    );
    expect(() => parseRuntimeConfig(null)).toThrowError('config.json must hold a JSON object.');
  });

  it('accepts plain http only for this machine’s servers', () => {
    expect(parseRuntimeConfig(withSettings({ tokenUrl: 'http://127.0.0.1:4311/api/token' })).tokenUrl).toBe(
      'http://127.0.0.1:4311/api/token',
    );
    expect(() =>
      parseRuntimeConfig(withSettings({ tokenUrl: 'http://switchboard.example/api/token' })),
    ).toThrowError(/"tokenUrl" must be/);
  });
});
