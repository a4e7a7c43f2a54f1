import { createEnvironmentInjector, inject, type EnvironmentInjector } from '@angular/core';
import type { ActivatedRouteSnapshot, RouterStateSnapshot } from '@angular/router';
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
import { SIGN_IN_PATH } from './auth-paths';
import { AuthService } from './auth.service';
import { MsalAuthService } from './msal-auth.service';
import { msalConfiguration } from './msal-configuration';
import type { LoadedSignIn } from './lazy-sign-in';

/**
 * MSAL Angular, loaded after the console's first paint (`lazy-sign-in.ts` imports this module):
 * its instance, its guard and the sign-in built on them, in an injector of their own under the
 * console's, so that nothing the start loads names MSAL. `MsalGuard` sends a visitor who is not
 * signed in to Entra's sign-in page (a redirect: no call is live yet), or to the sign-in page
 * when signing in failed.
 */
export function msalSignIn(config: RuntimeConfig, parent: EnvironmentInjector): LoadedSignIn {
  const injector = createEnvironmentInjector(
    [
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
    ],
    parent,
    'MSAL sign-in',
  );
  const guard = injector.get(MsalGuard);
  return {
    auth: injector.get(AuthService),
    injector,
    canActivate: (route: ActivatedRouteSnapshot, state: RouterStateSnapshot) =>
      guard.canActivate(route, state),
  };
}
