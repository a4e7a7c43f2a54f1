import { appConfig } from './app.config';
import { parseRuntimeConfig } from './core/runtime-config';

describe('start-up configuration', () => {
  it('runs on the emulator when config.json says nothing', () => {
    expect(parseRuntimeConfig({})).toEqual({ backend: 'emulator', emulatorUrl: '' });
  });

  it('names the key and the allowed values when config.json has a typo', () => {
    expect(() => parseRuntimeConfig({ backend: 'emulater' })).toThrowError(
      'config.json: "backend" must be "emulator" or "acs", not "emulater".',
    );
    expect(() => parseRuntimeConfig({ emulatorUrl: 4310 })).toThrowError(/"emulatorUrl" must be a string/);
    expect(() => parseRuntimeConfig(null)).toThrowError('config.json must hold a JSON object.');
  });

  it('stops with what to do when asked for ACS before its sign-in exists', () => {
    expect(() => appConfig({ backend: 'acs', emulatorUrl: '' })).toThrowError(/Set "backend" to "emulator"/);
    expect(appConfig({ backend: 'emulator', emulatorUrl: '' }).providers.length).toBeGreaterThan(0);
  });
});
