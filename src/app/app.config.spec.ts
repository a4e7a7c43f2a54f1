import { TestBed } from '@angular/core/testing';
import { CallClient as EmulatorCallClient } from '../../emulator/client';
import { appConfig } from './app.config';
import { CALL_CLIENT_FACTORY } from './calling/calling-backend';
import { AuthService } from './core/auth/auth.service';
import { EmulatorAuthService } from './core/auth/emulator-auth.service';

describe('application configuration', () => {
  it('signs in through the emulator and calls through its drop-in module when config.json says so', async () => {
    TestBed.configureTestingModule({
      providers: appConfig({ backend: 'emulator', emulatorUrl: 'http://127.0.0.1:4310' }).providers,
    });
    expect(TestBed.inject(AuthService)).toBeInstanceOf(EmulatorAuthService);
    const client = await TestBed.inject(CALL_CLIENT_FACTORY)();
    expect(client).toBeInstanceOf(EmulatorCallClient);
  });

  it('stops with what to do when asked for ACS before its sign-in exists', () => {
    expect(() => appConfig({ backend: 'acs', emulatorUrl: '' })).toThrowError(/Set "backend" to "emulator"/);
  });
});
