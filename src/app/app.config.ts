import {
  inject,
  provideBrowserGlobalErrorListeners,
  provideEnvironmentInitializer,
  type ApplicationConfig,
} from '@angular/core';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { routes } from './app.routes';
import { provideCallingBackend } from './calling/calling-backend';
import { VideoRenderer } from './calling/video-renderer';
import { VideoViews } from './core/video-views';
import { provideSignIn } from './core/auth/provide-sign-in';
import { Logger } from './core/logger';
import { RUNTIME_CONFIG, type RuntimeConfig } from './core/runtime-config';
import { provideAppState } from './state/provide-app-state';
import { provideRingingAlerts } from './features/queue/ringing-alerts';

/**
 * The console from its runtime configuration. `backend` chooses the calling module
 * (`provideCallingBackend`, the one place); sign-in is MSAL in both modes, against the authority
 * `config.json` names.
 */
export function appConfig(config: RuntimeConfig): ApplicationConfig {
  return {
    providers: [
      provideBrowserGlobalErrorListeners(),
      { provide: RUNTIME_CONFIG, useValue: config },
      // The logger first: it sets the SDKs' log level and redaction before anything logs.
      provideEnvironmentInitializer(() => inject(Logger)),
      provideRouter(routes, withComponentInputBinding()),
      provideCallingBackend(),
      { provide: VideoViews, useExisting: VideoRenderer },
      provideSignIn(),
      provideAppState(),
      provideRingingAlerts(),
    ],
  };
}
