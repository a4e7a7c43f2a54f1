import { inject, Injectable } from '@angular/core';
import type {
  AzureCommunicationTokenCredential,
  CommunicationTokenCredential,
} from '@azure/communication-common';
import { MsalService } from '@azure/msal-angular';
import { InteractionRequiredAuthError, type AccountInfo } from '@azure/msal-browser';
import { firstValueFrom, Subject } from 'rxjs';
import { Logger } from '../logger';
import { RUNTIME_CONFIG } from '../runtime-config';
import { describeAuthError, TokenExchangeError } from './auth-failure';
import { AuthService, type RestoredSession } from './auth.service';
import type { SignedInUser } from './signed-in-user';
import { exchangeForAcsToken, type AcsSession } from './token-exchange';
import { renewWithBackoff, TOKEN_RENEWAL_SCHEDULER, type TokenRenewalEvent } from './token-renewal';

/**
 * Sign-in with MSAL Angular, against Entra ID or the emulator's (the authority in `config.json`
 * says which). A sign-in gets two tokens silently, one for Switchboard's API and one for ACS's
 * Teams scopes, and `server/` exchanges them for the ACS token. While calls may be live, MSAL is
 * only ever asked silently or in a popup.
 */
@Injectable()
export class MsalAuthService extends AuthService {
  private readonly msal = inject(MsalService);
  private readonly config = inject(RUNTIME_CONFIG);
  private readonly logger = inject(Logger);
  private readonly scheduler = inject(TOKEN_RENEWAL_SCHEDULER);
  private readonly renewals = new Subject<TokenRenewalEvent>();
  private readonly retryNow = new Subject<void>();
  private restored: Promise<RestoredSession> | null = null;
  private session: {
    account: AccountInfo;
    acs: AcsSession;
    TokenCredential: typeof AzureCommunicationTokenCredential;
  } | null = null;

  readonly renewal$ = this.renewals.asObservable();

  private get client() {
    return this.msal.instance;
  }

  restore(): Promise<RestoredSession> {
    return (this.restored ??= this.restoreOnce());
  }

  private async restoreOnce(): Promise<RestoredSession> {
    try {
      await this.client.initialize();
      // Also what MsalGuard asks; MSAL answers both with the same result.
      const result = await firstValueFrom(this.msal.handleRedirectObservable());
      if (result?.account) this.client.setActiveAccount(result.account);
      if (!this.account()) await this.signInSilently();
      return { signedIn: this.account() !== null, failure: null };
    } catch (error) {
      this.logger.warning('Sign-in did not complete', error);
      return { signedIn: false, failure: describeAuthError(error).failure };
    }
  }

  /** A new tab: the Microsoft session signs the user in, in a hidden frame, with no page to pass. */
  private async signInSilently(): Promise<void> {
    try {
      const result = await this.client.ssoSilent({ scopes: [...this.config.scopes.api] });
      this.client.setActiveAccount(result.account);
    } catch (error) {
      // No session (or one Entra wants confirmed): the guard sends the user to sign in.
      if (!(error instanceof InteractionRequiredAuthError))
        this.logger.warning('Silent sign-in failed', describeAuthError(error).failure);
    }
  }

  async signIn(): Promise<void> {
    await firstValueFrom(
      this.msal.loginRedirect({
        scopes: [...this.config.scopes.api],
        redirectStartPage: `${location.origin}/`,
      }),
    );
  }

  async startSession({ fresh = false }: { readonly fresh?: boolean } = {}): Promise<SignedInUser> {
    const account = this.account();
    if (!account) throw new Error('Nobody is signed in.');
    // The credential's class brings an HTTP pipeline of its own (about 19 KB gzip): it loads with
    // the session, beside the exchange, not with the console's first download.
    const [acs, { AzureCommunicationTokenCredential: TokenCredential }] = await Promise.all([
      this.exchange(account, fresh),
      import('@azure/communication-common'),
    ]);
    this.session = { account, acs, TokenCredential };
    return acs.user;
  }

  credential(): CommunicationTokenCredential {
    const session = this.session;
    if (!session) throw new Error('Sign in before connecting to the calling service.');
    // Renewals are this sign-in's only: once the session disposes the credential (sign-out),
    // nothing renews on behalf of whoever signs in next.
    const disposed = new AbortController();
    const credential = new session.TokenCredential({
      token: session.acs.token,
      refreshProactively: true,
      tokenRefresher: () =>
        renewWithBackoff(() => this.exchange(session.account), {
          scheduler: this.scheduler,
          signal: disposed.signal,
          retryNow: this.retryNow,
          report: (event) => this.report(event),
          describe: describeAuthError,
        }).then(
          (renewed) => renewed.token,
          // Disposed mid-renewal: nobody is left to take a token. Settling would reject the
          // credential's own scheduled renewal, which nothing awaits.
          () => new Promise<string>(() => undefined),
        ),
    });
    return {
      getToken: (options) => credential.getToken(options),
      dispose: () => {
        disposed.abort(new Error('The calling session ended.'));
        credential.dispose();
      },
    };
  }

  async signInAgain(): Promise<void> {
    const account = this.session?.account ?? this.account();
    const result = await firstValueFrom(
      this.msal.acquireTokenPopup({
        scopes: [...this.config.scopes.api],
        ...(account && { account, loginHint: account.username }),
      }),
    );
    this.client.setActiveAccount(result.account);
    this.retryNow.next();
  }

  async graphAccessToken(): Promise<string> {
    const account = this.account();
    if (!account) throw new Error('Nobody is signed in.');
    const request = { scopes: [...this.config.scopes.graph], account };
    try {
      return (await this.client.acquireTokenSilent(request)).accessToken;
    } catch (error) {
      if (!(error instanceof InteractionRequiredAuthError)) throw error;
      return (await firstValueFrom(this.msal.acquireTokenPopup(request))).accessToken;
    }
  }

  async apiAccessToken({ fresh = false }: { readonly fresh?: boolean } = {}): Promise<string> {
    const account = this.session?.account ?? this.account();
    if (!account) throw new Error('Nobody is signed in.');
    const result = await this.client.acquireTokenSilent({
      scopes: [...this.config.scopes.api],
      account,
      forceRefresh: fresh,
    });
    return result.accessToken;
  }

  async signOut(): Promise<void> {
    const account = this.session?.account ?? this.account();
    this.session = null;
    await firstValueFrom(this.msal.logoutRedirect(account ? { account } : {}));
  }

  private account(): AccountInfo | null {
    return this.client.getActiveAccount() ?? this.client.getAllAccounts()[0] ?? null;
  }

  /**
   * The two tokens, silently (MSAL renews them with its refresh token), then the exchange. A 401
   * from `server/` means it refused the Entra token (a signing key rotated since MSAL cached it):
   * fresh tokens once, before anyone is told.
   */
  private async exchange(account: AccountInfo, fresh = false): Promise<AcsSession> {
    try {
      return await this.exchangeOnce(account, fresh);
    } catch (error) {
      if (fresh || !(error instanceof TokenExchangeError) || error.status !== 401) throw error;
      this.logger.warning('server/ refused the Entra token: fetching fresh tokens');
      return this.exchangeOnce(account, true);
    }
  }

  private async exchangeOnce(account: AccountInfo, forceRefresh: boolean): Promise<AcsSession> {
    const silently = (scopes: readonly string[]) =>
      this.client.acquireTokenSilent({ scopes: [...scopes], account, forceRefresh });
    const api = await silently(this.config.scopes.api);
    const teams = await silently(this.config.scopes.teams);
    return exchangeForAcsToken(this.config.tokenUrl, api.accessToken, teams.accessToken);
  }

  private report(event: TokenRenewalEvent): void {
    if (event.type === 'failed')
      this.logger.warning(`Renewing the calling token failed (attempt ${event.attempt})`, event.failure);
    this.renewals.next(event);
  }
}
