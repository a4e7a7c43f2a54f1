import { TestBed } from '@angular/core/testing';
import { MSAL_INSTANCE, MsalBroadcastService, MsalService } from '@azure/msal-angular';
import {
  InteractionRequiredAuthError,
  ServerError,
  type AccountInfo,
  type AuthenticationResult,
  type IPublicClientApplication,
} from '@azure/msal-browser';
import { VirtualTimeScheduler } from 'rxjs';
import { LOG_SINK } from '../logger';
import { RUNTIME_CONFIG } from '../runtime-config';
import { EMULATED_CONFIG } from '../testing/runtime-configs';
import { describeAuthError } from './auth-failure';
import { AuthService } from './auth.service';
import { MsalAuthService } from './msal-auth.service';
import { TOKEN_RENEWAL_SCHEDULER, type TokenRenewalEvent } from './token-renewal';

const ALEX: AccountInfo = {
  homeAccountId: 'a001.e000',
  localAccountId: 'a001',
  environment: 'login.emulator.localhost',
  tenantId: 'e000',
  username: 'alex@switchboard.example',
  name: 'Alex Rivera',
};

/** An Entra answer for `scopes`: the access token names what it is for. */
const result = (scopes: readonly string[], account = ALEX): AuthenticationResult =>
  ({
    accessToken: `entra:${account.username}:${scopes.join(' ')}`,
    scopes: [...scopes],
    account,
  }) as AuthenticationResult;

/**
 * MSAL's PublicClientApplication at its boundary: what it answers is set per test, every request
 * is recorded. The real flow (redirects, the picker, the bridge) runs in e2e against the emulator.
 */
class MsalStandIn {
  accounts: AccountInfo[] = [];
  active: AccountInfo | null = null;
  redirect: () => Promise<AuthenticationResult | null> = async () => null;
  silentSso: () => Promise<AuthenticationResult> = async () => {
    throw new InteractionRequiredAuthError('login_required', '', 'AADSTS50058: no session');
  };
  silent: (scopes: readonly string[]) => Promise<AuthenticationResult> = async (scopes) => result(scopes);
  popup: (scopes: readonly string[]) => Promise<AuthenticationResult> = async (scopes) => result(scopes);
  readonly requests: string[] = [];

  initializeWrapperLibrary(): void {}
  addEventCallback(): string {
    return 'callback';
  }
  async initialize(): Promise<void> {}
  handleRedirectPromise() {
    this.requests.push('handleRedirect');
    return this.redirect();
  }
  getActiveAccount() {
    return this.active;
  }
  setActiveAccount(account: AccountInfo | null) {
    this.active = account;
    if (account && !this.accounts.includes(account)) this.accounts.push(account);
  }
  getAllAccounts() {
    return this.accounts;
  }
  ssoSilent() {
    this.requests.push('ssoSilent');
    return this.silentSso();
  }
  acquireTokenSilent(request: { scopes: string[]; account: AccountInfo; forceRefresh?: boolean }) {
    this.requests.push(
      `silent ${request.scopes.join(' ')} for ${request.account.username}${request.forceRefresh ? ' (fresh)' : ''}`,
    );
    return this.silent(request.scopes);
  }
  acquireTokenPopup(request: { scopes: string[]; loginHint?: string }) {
    this.requests.push(
      `popup ${request.scopes.join(' ')}${request.loginHint ? ` hint ${request.loginHint}` : ''}`,
    );
    return this.popup(request.scopes);
  }
  async loginRedirect(request: { scopes: string[] }) {
    this.requests.push(`loginRedirect ${request.scopes.join(' ')}`);
  }
  async logoutRedirect(request: { account?: AccountInfo }) {
    this.requests.push(`logoutRedirect ${request.account?.username ?? ''}`);
  }
}

const API = EMULATED_CONFIG.scopes.api.join(' ');
const TEAMS = EMULATED_CONFIG.scopes.teams.join(' ');
const GRAPH = EMULATED_CONFIG.scopes.graph.join(' ');

/** An ACS-shaped token: the credential reads its expiry from `exp`. */
function acsToken(serial: number, lifetimeSeconds: number): string {
  const payload = { skypeid: 'orgid:a001', exp: Math.floor(Date.now() / 1000) + lifetimeSeconds };
  return ['eyJhbGciOiJub25lIn0', btoa(JSON.stringify(payload)).replace(/=+$/, ''), `acs${serial}`].join('.');
}

/**
 * server/'s `/api/token` at its boundary (Karma has no server): it checks the two tokens as
 * server/ does and answers in its shapes; `outcomes` says how each request goes.
 */
function tokenServer(outcomes: ('ok' | 'expired' | 'down' | 'no_role' | 'refused')[] = []) {
  const exchanges: { authorization: string | null; body: unknown }[] = [];
  const issued: string[] = [];
  spyOn(window, 'fetch').and.callFake(async (input: RequestInfo | URL, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    exchanges.push({ authorization: headers.get('Authorization'), body: JSON.parse(String(init?.body)) });
    expect(String(input)).toBe('/api/token');
    const outcome = outcomes.shift() ?? 'ok';
    if (outcome === 'down') throw new TypeError('Failed to fetch');
    // server/ refuses an Entra token signed by a key it does not (yet) know.
    if (outcome === 'refused')
      return Response.json(
        { error: { code: 'token_invalid', message: 'The access token’s signature is not valid.' } },
        { status: 401 },
      );
    if (outcome === 'no_role')
      return Response.json(
        {
          error: {
            code: 'no_role',
            message: 'Your account has neither the Agent nor the Supervisor role in Switchboard.',
          },
        },
        { status: 403 },
      );
    const token = acsToken(issued.length + 1, outcome === 'expired' ? -60 : 3_600);
    issued.push(token);
    return Response.json({
      token,
      expiresOn: new Date(Date.now() + 3_600_000).toISOString(),
      user: { id: 'a001', displayName: 'Alex Rivera', role: 'agent', microsoftTeamsUserId: 'a001' },
    });
  });
  return { exchanges, issued };
}

async function runUntil(scheduler: VirtualTimeScheduler, done: () => boolean): Promise<void> {
  for (let turn = 0; turn < 100; turn++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (done()) return;
    scheduler.flush();
  }
}

describe('MsalAuthService', () => {
  let msal: MsalStandIn;
  let scheduler: VirtualTimeScheduler;
  let auth: AuthService;

  beforeEach(() => {
    msal = new MsalStandIn();
    scheduler = new VirtualTimeScheduler();
    TestBed.configureTestingModule({
      providers: [
        { provide: MSAL_INSTANCE, useValue: msal as unknown as IPublicClientApplication },
        { provide: RUNTIME_CONFIG, useValue: EMULATED_CONFIG },
        { provide: TOKEN_RENEWAL_SCHEDULER, useValue: scheduler },
        { provide: LOG_SINK, useValue: { error() {}, warn() {}, info() {}, debug() {} } },
        { provide: AuthService, useClass: MsalAuthService },
        MsalService,
        MsalBroadcastService,
      ],
    });
    auth = TestBed.inject(AuthService);
  });

  describe('at start-up', () => {
    it('finishes a sign-in that came back from Entra ID, once however often asked', async () => {
      msal.redirect = async () => result(EMULATED_CONFIG.scopes.api);
      expect(await auth.restore()).toEqual({ signedIn: true, failure: null });
      expect(await auth.restore()).toEqual({ signedIn: true, failure: null });
      expect(msal.active).toBe(ALEX);
      expect(msal.requests).toEqual(['handleRedirect']);
    });

    it('signs a new tab in silently from the Microsoft session', async () => {
      msal.silentSso = async () => result(EMULATED_CONFIG.scopes.api);
      expect(await auth.restore()).toEqual({ signedIn: true, failure: null });
      expect(msal.requests).toEqual(['handleRedirect', 'ssoSilent']);
    });

    it('is simply not signed in without a Microsoft session: the guard sends the user to sign in', async () => {
      expect(await auth.restore()).toEqual({ signedIn: false, failure: null });
    });

    it('says why a sign-in did not complete, in Entra’s words without its trace ids', async () => {
      msal.redirect = async () => {
        throw new ServerError(
          'access_denied',
          '',
          'AADSTS50105: The signed in user is not assigned to a role for the application.\r\nTrace ID: 1\r\nCorrelation ID: 2',
        );
      };
      expect(await auth.restore()).toEqual({
        signedIn: false,
        failure: {
          message:
            'Sign-in did not complete: AADSTS50105: The signed in user is not assigned to a role for the application.',
        },
      });
    });

    it('says a cancelled sign-in was cancelled, not Entra’s code for it (AADSTS65004, access_denied)', async () => {
      for (const description of [
        'AADSTS65004: User declined to consent to access the app.\r\nTrace ID: 1\r\nCorrelation ID: 2',
        'The user has cancelled the sign-in.',
      ]) {
        msal.redirect = async () => {
          throw new ServerError('access_denied', '', description);
        };
        auth = TestBed.runInInjectionContext(() => new MsalAuthService());
        expect(await auth.restore()).toEqual({
          signedIn: false,
          failure: { message: 'Sign-in was cancelled. Sign in to continue.' },
        });
      }
    });
  });

  describe('the session', () => {
    beforeEach(async () => {
      msal.redirect = async () => result(EMULATED_CONFIG.scopes.api);
      await auth.restore();
    });

    it('gets both Entra tokens silently and exchanges them: the role comes from server/', async () => {
      const server = tokenServer();
      expect(await auth.startSession()).toEqual({
        id: 'a001',
        displayName: 'Alex Rivera',
        role: 'agent',
        microsoftTeamsUserId: 'a001',
        cloud: 'public',
      });
      expect(msal.requests.slice(1)).toEqual([
        `silent ${API} for alex@switchboard.example`,
        `silent ${TEAMS} for alex@switchboard.example`,
      ]);
      expect(server.exchanges).toEqual([
        {
          authorization: `Bearer entra:alex@switchboard.example:${API}`,
          body: { teamsUserAadToken: `entra:alex@switchboard.example:${TEAMS}` },
        },
      ]);
      expect((await auth.credential().getToken()).token).toBe(server.issued[0]);
    });

    it('fetches fresh Entra tokens when server/ refuses the cached ones (a rotated key), before saying anything', async () => {
      const server = tokenServer(['refused', 'ok']);
      expect((await auth.startSession()).displayName).toBe('Alex Rivera');
      expect(msal.requests.slice(1)).toEqual([
        `silent ${API} for alex@switchboard.example`,
        `silent ${TEAMS} for alex@switchboard.example`,
        `silent ${API} for alex@switchboard.example (fresh)`,
        `silent ${TEAMS} for alex@switchboard.example (fresh)`,
      ]);
      expect((await auth.credential().getToken()).token).toBe(server.issued[0]);
    });

    it('says to sign in again only when server/ refuses the fresh tokens too', async () => {
      tokenServer(['refused', 'refused']);
      const refusal = await auth.startSession().catch((error: unknown) => error);
      expect(describeAuthError(refusal)).toEqual({
        failure: { message: 'Could not get a calling token: The access token’s signature is not valid.' },
        needsSignIn: true,
      });
      expect(msal.requests.filter((r) => r.endsWith('(fresh)')).length).toBe(2);
    });

    it('starts the session again with fresh tokens when asked (the calling service refused the last)', async () => {
      const server = tokenServer(['ok', 'ok']);
      await auth.startSession();
      await auth.startSession({ fresh: true });
      expect(msal.requests.slice(3)).toEqual([
        `silent ${API} for alex@switchboard.example (fresh)`,
        `silent ${TEAMS} for alex@switchboard.example (fresh)`,
      ]);
      expect((await auth.credential().getToken()).token).toBe(server.issued[1]);
    });

    it('passes on server/’s reason when it refuses', async () => {
      tokenServer(['no_role']);
      await expectAsync(auth.startSession()).toBeRejectedWith(
        jasmine.objectContaining({
          message: 'Your account has neither the Agent nor the Supervisor role in Switchboard.',
          code: 'no_role',
          status: 403,
        }),
      );
    });

    it('renews an expired ACS token, retrying with backoff while server/ is down, and says so', async () => {
      const server = tokenServer(['expired', 'down', 'down', 'ok']);
      const events: TokenRenewalEvent[] = [];
      auth.renewal$.subscribe((event) => events.push(event));
      await auth.startSession();
      const credential = auth.credential();
      let token: string | undefined;
      void credential.getToken().then((t) => (token = t.token));
      await runUntil(scheduler, () => token !== undefined);
      expect(token).toBe(server.issued[1]);
      expect(scheduler.now()).toBe(3_000);
      expect(events).toEqual([
        {
          type: 'failed',
          attempt: 1,
          retryInMs: 1_000,
          failure: { message: 'Could not get a calling token: Switchboard’s server is not reachable.' },
          needsSignIn: false,
        },
        jasmine.objectContaining({ type: 'failed', attempt: 2, retryInMs: 2_000 }),
        { type: 'renewed' },
      ]);
      credential.dispose();
    });

    it('stops renewing once the session disposes its credential', async () => {
      const server = tokenServer(['expired', 'down', 'ok']);
      await auth.startSession();
      const credential = auth.credential();
      void credential.getToken().catch(() => undefined);
      await runUntil(scheduler, () => server.exchanges.length === 2);
      credential.dispose();
      await runUntil(scheduler, () => false);
      expect(server.exchanges.length).toBe(2);
    });

    it('asks for a new sign-in in a popup when Entra wants one, then renews at once', async () => {
      const server = tokenServer(['expired', 'ok']);
      await auth.startSession();
      msal.silent = async () => {
        throw new InteractionRequiredAuthError('interaction_required', '', 'AADSTS50076');
      };
      const events: TokenRenewalEvent[] = [];
      auth.renewal$.subscribe((event) => events.push(event));
      const credential = auth.credential();
      let token: string | undefined;
      void credential.getToken().then((t) => (token = t.token));
      await runUntil(scheduler, () => events.length === 1);
      expect(events[0]).toEqual(
        jasmine.objectContaining({
          failure: { message: 'Your Microsoft sign-in has expired: sign in again.' },
          needsSignIn: true,
        }),
      );
      msal.silent = async (scopes) => result(scopes);
      await auth.signInAgain();
      await runUntil(scheduler, () => token !== undefined);
      expect(token).toBe(server.issued[1]);
      expect(scheduler.now()).toBe(0);
      expect(msal.requests).toContain(`popup ${API} hint alex@switchboard.example`);
      credential.dispose();
    });

    it('hands out Graph tokens silently, and in a popup when Entra asks', async () => {
      expect(await auth.graphAccessToken()).toBe(`entra:alex@switchboard.example:${GRAPH}`);
      msal.silent = async () => {
        throw new InteractionRequiredAuthError('consent_required', '', 'AADSTS65001');
      };
      expect(await auth.graphAccessToken()).toBe(`entra:alex@switchboard.example:${GRAPH}`);
      expect(msal.requests.filter((r) => r.startsWith('popup'))).toEqual([`popup ${GRAPH}`]);
    });

    it('hands out tokens for Switchboard’s API silently, fresh when asked, and never in a popup', async () => {
      expect(await auth.apiAccessToken()).toBe(`entra:alex@switchboard.example:${API}`);
      const asked: unknown[] = [];
      const acquire = msal.acquireTokenSilent.bind(msal);
      msal.acquireTokenSilent = (request) => (asked.push(request), acquire(request));
      await auth.apiAccessToken({ fresh: true });
      expect(asked).toEqual([jasmine.objectContaining({ forceRefresh: true })]);
      msal.silent = async () => {
        throw new InteractionRequiredAuthError('login_required', '', 'AADSTS50058');
      };
      await expectAsync(auth.apiAccessToken()).toBeRejected();
      expect(msal.requests.filter((r) => r.startsWith('popup'))).toEqual([]);
    });

    it('signs out of Entra ID with the account, and no longer hands out a credential', async () => {
      tokenServer();
      await auth.startSession();
      await auth.signOut();
      expect(msal.requests).toContain('logoutRedirect alex@switchboard.example');
      expect(() => auth.credential()).toThrowError('Sign in before connecting to the calling service.');
    });
  });
});
