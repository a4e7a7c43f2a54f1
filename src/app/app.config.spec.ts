import { TestBed } from '@angular/core/testing';
import { MsalService } from '@azure/msal-angular';
import { CallClient as EmulatorCallClient } from '../../emulator/client';
import { appConfig } from './app.config';
import { CALL_CLIENT_FACTORY } from './calling/calling-backend';
import { AuthService } from './core/auth/auth.service';
import { LazySignIn } from './core/auth/lazy-sign-in';
import type { RuntimeConfig } from './core/runtime-config';
import { EMULATED_CONFIG, TENANT_CONFIG } from './core/testing/runtime-configs';

/**
 * The application's providers, with start-up's sign-in left out: Karma has no Entra ID to
 * redirect to (e2e signs in for real).
 */
function configure(config: RuntimeConfig) {
  TestBed.configureTestingModule({ providers: appConfig(config).providers });
  TestBed.overrideProvider(AuthService, {
    useValue: { restore: async () => ({ signedIn: false, failure: null }) },
  });
}

describe('application configuration', () => {
  it('calls through the emulator’s drop-in module when config.json says so, and signs in with MSAL', async () => {
    configure(EMULATED_CONFIG);
    const { injector } = await TestBed.inject(LazySignIn).load();
    expect(injector.get(MsalService).instance.getConfiguration().auth.authority).toBe(
      EMULATED_CONFIG.authority,
    );
    const client = await TestBed.inject(CALL_CLIENT_FACTORY)();
    expect(client).toBeInstanceOf(EmulatorCallClient);
  });

  it('signs in the same way in ACS mode, against the tenant’s authority', async () => {
    configure(TENANT_CONFIG);
    const { injector } = await TestBed.inject(LazySignIn).load();
    expect(injector.get(MsalService).instance.getConfiguration().auth.authority).toBe(
      TENANT_CONFIG.authority,
    );
  });
});
