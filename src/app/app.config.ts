import { provideBrowserGlobalErrorListeners, type ApplicationConfig } from '@angular/core';
import { provideCallingBackend } from './calling/calling-backend';
import { AuthService } from './core/auth/auth.service';
import { EmulatorAuthService } from './core/auth/emulator-auth.service';
import { RUNTIME_CONFIG, type RuntimeConfig } from './core/runtime-config';
import { provideAppState } from './state/provide-app-state';

export function appConfig(config: RuntimeConfig): ApplicationConfig {
  return {
    providers: [
      provideBrowserGlobalErrorListeners(),
      { provide: RUNTIME_CONFIG, useValue: config },
      provideCallingBackend(),
      // Sign-in for the emulator; the production path (MSAL + server/) provides the same contract.
      { provide: AuthService, useClass: EmulatorAuthService },
      provideAppState(),
    ],
  };
}
