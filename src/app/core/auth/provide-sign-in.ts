import { inject, provideAppInitializer, type EnvironmentProviders, type Provider } from '@angular/core';
import {
  MSAL_GUARD_CONFIG,
  MSAL_INSTANCE,
  MsalBroadcastService,
  MsalGuard,
  MsalService,
  type MsalGuardConfiguration,
} from '@azure/msal-angular';
import { InteractionType, PublicClientApplication } from '@azure/msal-browser';
import { Logger } from '../logger';
import type { RuntimeConfig } from '../runtime-config';
import { AuthService } from './auth.service';
import { MsalAuthService } from './msal-auth.service';
import { msalConfiguration, SIGN_IN_PATH } from './msal-configuration';

/**
 * MSAL Angular, the one sign-in in both modes. Before the first navigation, `AuthService.restore`
 * finishes a sign-in that came back from Entra ID or restores one silently; then `MsalGuard`
 * sends a visitor who is not signed in to Entra's sign-in page (a redirect: no call is live yet),
 * or to the sign-in page when signing in failed.
 */
export function provideSignIn(config: RuntimeConfig): (Provider | EnvironmentProviders)[] {
  return [
    {
      provide: MSAL_INSTANCE,
      useFactory: () =>
        new PublicClientApplication(msalConfiguration(config, inject(Logger), location.origin)),
    },
    {
      provide: MSAL_GUARD_CONFIG,
      useValue: {
        interactionType: InteractionType.Redirect,
        authRequest: { scopes: [...config.scopes.api] },
        loginFailedRoute: SIGN_IN_PATH,
      } satisfies MsalGuardConfiguration,
    },
    MsalService,
    MsalGuard,
    MsalBroadcastService,
    { provide: AuthService, useClass: MsalAuthService },
    provideAppInitializer(() => inject(AuthService).restore()),
  ];
}
