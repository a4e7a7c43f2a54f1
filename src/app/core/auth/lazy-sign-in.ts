import { EnvironmentInjector, inject, Injectable } from '@angular/core';
import type { CommunicationTokenCredential } from '@azure/communication-common';
import {
  Router,
  type ActivatedRouteSnapshot,
  type GuardResult,
  type RouterStateSnapshot,
} from '@angular/router';
import { defer, from, of, switchMap, type Observable } from 'rxjs';
import { RUNTIME_CONFIG } from '../runtime-config';
import { SIGN_IN_PATH } from './auth-paths';
import { AuthService, type RestoredSession } from './auth.service';
import type { SignedInUser } from './signed-in-user';
import type { TokenRenewalEvent } from './token-renewal';

/** What `msal-sign-in.ts` builds once MSAL has loaded. */
export interface LoadedSignIn {
  readonly auth: AuthService;
  /** MSAL's own services (`MsalService`, its instance), for whoever must reach them. */
  readonly injector: EnvironmentInjector;
  /** MSAL's guard: signed in, or off to Entra's sign-in page (or the sign-in page, if it failed). */
  canActivate(route: ActivatedRouteSnapshot, state: RouterStateSnapshot): Observable<GuardResult>;
}

/**
 * The sign-in the console uses, with MSAL (about 90 KB gzip) loaded by a dynamic import on first
 * use instead of with the start: the shell paints ("Signing in…") while MSAL loads and restores
 * the sign-in, and the workspaces' guard waits for both. Every call goes to the MSAL sign-in
 * (`MsalAuthService`) once it has loaded; nothing here changes what it does.
 */
@Injectable()
export class LazySignIn extends AuthService {
  private readonly config = inject(RUNTIME_CONFIG);
  private readonly injector = inject(EnvironmentInjector);
  private readonly router = inject(Router);
  private loading: Promise<LoadedSignIn> | null = null;
  /** Set once MSAL has loaded: `credential()` answers synchronously. */
  private loaded: LoadedSignIn | null = null;

  readonly renewal$: Observable<TokenRenewalEvent> = defer(() => this.load()).pipe(
    switchMap(({ auth }) => auth.renewal$),
  );

  /** MSAL and the sign-in built on it, loaded once. */
  load(): Promise<LoadedSignIn> {
    return (this.loading ??= import('./msal-sign-in').then(
      ({ msalSignIn }) => (this.loaded = msalSignIn(this.config, this.injector)),
      (error: unknown) => {
        // Fetched again when next asked (the sign-in page's button), not failed for good.
        this.loading = null;
        throw error;
      },
    ));
  }

  /**
   * The guard of the signed-in routes: after start-up's restore (a sign-in coming back from Entra,
   * or a silent one in a new tab, must have finished before MSAL's guard decides), MSAL's guard.
   */
  canActivate(route: ActivatedRouteSnapshot, state: RouterStateSnapshot): Observable<GuardResult> {
    return from(this.restore().then(() => this.loaded)).pipe(
      // MSAL could not load: the sign-in page says why (start-up's restore reported it).
      switchMap((signIn) => signIn?.canActivate(route, state) ?? of(this.router.parseUrl(SIGN_IN_PATH))),
    );
  }

  async restore(): Promise<RestoredSession> {
    try {
      return await (await this.load()).auth.restore();
    } catch (error) {
      // MSAL's code could not be fetched (offline, a new deployment): said where sign-in is shown.
      const detail = error instanceof Error ? error.message : String(error);
      return { signedIn: false, failure: { message: `Sign-in could not load: ${detail}` } };
    }
  }

  async signIn(): Promise<void> {
    return (await this.load()).auth.signIn();
  }

  async startSession(options?: { readonly fresh?: boolean }): Promise<SignedInUser> {
    return (await this.load()).auth.startSession(options);
  }

  credential(): CommunicationTokenCredential {
    if (!this.loaded) throw new Error('Sign in before connecting to the calling service.');
    return this.loaded.auth.credential();
  }

  async signInAgain(): Promise<void> {
    return (await this.load()).auth.signInAgain();
  }

  async graphAccessToken(): Promise<string> {
    return (await this.load()).auth.graphAccessToken();
  }

  async apiAccessToken(options?: { readonly fresh?: boolean }): Promise<string> {
    return (await this.load()).auth.apiAccessToken(options);
  }

  async signOut(): Promise<void> {
    return (await this.load()).auth.signOut();
  }
}
