import { inject } from '@angular/core';
import type { CanActivateFn } from '@angular/router';
import { LazySignIn } from './lazy-sign-in';

/**
 * The guard of every route that needs a signed-in Microsoft account: MSAL's, once MSAL has loaded
 * and restored the sign-in, which sends anyone else to Entra ID's sign-in page (`msal-sign-in.ts`).
 * Routes take it from here, so only `core/auth/` knows the sign-in is MSAL.
 */
export const signedInGuard: CanActivateFn = (route, state) => inject(LazySignIn).canActivate(route, state);
