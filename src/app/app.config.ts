import { provideBrowserGlobalErrorListeners, type ApplicationConfig, type Provider } from '@angular/core';
import { provideCallingBackend } from './calling/calling-backend';
import { AuthService } from './core/auth/auth.service';
import { EmulatorAuthService } from './core/auth/emulator-auth.service';
import { RUNTIME_CONFIG, type RuntimeConfig } from './core/runtime-config';
import { provideAppState } from './state/provide-app-state';

/**
 * Sign-in goes with the backend: the emulator's directory, or (the production path)
 * MSAL and `server/`'s token exchange behind the same `AuthService` contract. Until that path is
 * built, "acs" stops at start-up with what to do, rather than signing in against no emulator.
 */
function provideSignIn(config: RuntimeConfig): Provider {
  if (config.backend === 'acs') {
    throw new Error(
      'config.json asks for "backend": "acs", but this build has no production sign-in (MSAL and server/) yet. ' +
        'Set "backend" to "emulator".',
    );
  }
  return { provide: AuthService, useClass: EmulatorAuthService };
}

export function appConfig(config: RuntimeConfig): ApplicationConfig {
  return {
    providers: [
      provideBrowserGlobalErrorListeners(),
      { provide: RUNTIME_CONFIG, useValue: config },
      provideCallingBackend(),
      provideSignIn(config),
      provideAppState(),
    ],
  };
}
