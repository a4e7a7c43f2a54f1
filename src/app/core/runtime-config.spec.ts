import { parseRuntimeConfig } from './runtime-config';

describe('runtime configuration (config.json)', () => {
  it('runs on the emulator, at the console’s own origin, when config.json says nothing', () => {
    expect(parseRuntimeConfig({})).toEqual({ backend: 'emulator', emulatorUrl: '' });
  });

  it('names the key and the allowed values when config.json has a typo', () => {
    expect(() => parseRuntimeConfig({ backend: 'emulater' })).toThrowError(
      'config.json: "backend" must be "emulator" or "acs", not "emulater".',
    );
    expect(() => parseRuntimeConfig({ emulatorUrl: 4310 })).toThrowError(/"emulatorUrl" must be a string/);
    expect(() => parseRuntimeConfig(null)).toThrowError('config.json must hold a JSON object.');
  });
});
