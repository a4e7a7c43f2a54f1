import { TestBed } from '@angular/core/testing';
import { popupBlockedError } from '../../core/auth/testing/msal-errors';
import { Store } from '@ngrx/store';
import { NEVER, Subject } from 'rxjs';
import { CALL_CLIENT_FACTORY, CALLING_VALUES } from '../../calling/calling-backend';
import { TokenExchangeError } from '../../core/auth/auth-failure';
import { AuthService } from '../../core/auth/auth.service';
import type { TokenRenewalEvent } from '../../core/auth/token-renewal';
import { LOG_SINK } from '../../core/logger';
import { RUNTIME_CONFIG } from '../../core/runtime-config';
import { EMULATED_CONFIG } from '../../core/testing/runtime-configs';
import { provideAppState } from '../provide-app-state';
import { startEmulatedConsole } from '../testing/emulated-console';
import { AppActions } from './app.actions';
import { AuthApiActions } from './auth-api.actions';
import { ShellActions } from './shell.actions';
import { agentFeature, selectConnectionLabel } from './agent.feature';

describe('session effects on the emulator', () => {
  it('signs the agent in and reports the calling service connected', async () => {
    const app = await startEmulatedConsole('casey');
    expect(app.state(agentFeature.selectUser)?.displayName).toBe('Casey Novak');
    expect(app.state(selectConnectionLabel)).toBe('Online');
    expect(app.emulator.world.signedInEndpoints().map((e) => e.user?.key)).toEqual(['casey']);
  });

  it('leaves nothing signed in when the agent signs out while still connecting', async () => {
    const app = await startEmulatedConsole('alex', {
      waitUntilReady: false,
      beforeSignIn: (emulator) => emulator.world.faults.delayNext('createTeamsCallAgent', 5_000),
    });
    await app.settle();
    expect(app.state(agentFeature.selectStatus)).toBe('connecting');
    app.store.dispatch(ShellActions.signOutClicked());
    await app.advance(5_000);
    expect(app.state(agentFeature.selectStatus)).toBe('signedOut');
    expect(app.emulator.world.signedInEndpoints()).toEqual([]);
    expect(app.registry.size).toBe(0);
    expect(app.listenerCount()).toBe(app.baseline);
  });

  it('says the console is not connected when the calling service refuses for good, and Try again connects', async () => {
    const app = await startEmulatedConsole('alex', {
      waitUntilReady: false,
      beforeSignIn: (emulator) =>
        emulator.world.faults.failNext('createTeamsCallAgent', { code: 409, subCode: 40230 }),
    });
    await app.settle();
    expect(app.state(agentFeature.selectStatus)).toBe('failed');
    expect(app.state(agentFeature.selectFailure)).toEqual({
      message: 'This account is already signed in to calling in this console. Sign out and in again.',
      code: 409,
      subCode: 40230,
    });
    expect(app.state(selectConnectionLabel)).toBe('Not connected');
    app.store.dispatch(ShellActions.tryAgainClicked());
    await app.settle();
    expect(app.state(selectConnectionLabel)).toBe('Online');
  });
});

/** AuthService at its boundary: what start-up found and what the exchange answers, set per test. */
function startConsoleWithAuth(auth: Partial<AuthService>) {
  TestBed.configureTestingModule({
    providers: [
      provideAppState(),
      { provide: AuthService, useValue: { renewal$: NEVER, credential: () => ({ dispose() {} }), ...auth } },
      // The calling service never answers: these tests are about signing in.
      { provide: CALL_CLIENT_FACTORY, useValue: () => new Promise(() => undefined) },
      { provide: CALLING_VALUES, useValue: () => new Promise(() => undefined) },
      { provide: RUNTIME_CONFIG, useValue: EMULATED_CONFIG },
      { provide: LOG_SINK, useValue: { error() {}, warn() {}, info() {}, debug() {} } },
    ],
  });
  const store = TestBed.inject(Store);
  store.dispatch(AppActions.started());
  const state = () => store.selectSignal(agentFeature.selectAgentState)();
  return { store, state, settle: () => new Promise((resolve) => setTimeout(resolve, 0)) };
}

describe('session effects: signing in', () => {
  it('lands signed out with the reason when the sign-in did not complete', async () => {
    const app = startConsoleWithAuth({
      restore: async () => ({
        signedIn: false,
        failure: { message: 'Sign-in did not complete: AADSTS65004.' },
      }),
    });
    await app.settle();
    expect(app.state()).toEqual(
      jasmine.objectContaining({
        status: 'signedOut',
        failure: { message: 'Sign-in did not complete: AADSTS65004.' },
      }),
    );
  });

  it('waits for the guard to send a visitor who is not signed in to Microsoft', async () => {
    const startSession = jasmine.createSpy('startSession');
    const app = startConsoleWithAuth({
      restore: async () => ({ signedIn: false, failure: null }),
      startSession,
    });
    await app.settle();
    expect(app.state().status).toBe('signedOut');
    expect(startSession).not.toHaveBeenCalled();
  });

  it('fails the session in words when server/ will not exchange the tokens', async () => {
    const app = startConsoleWithAuth({
      restore: async () => ({ signedIn: true, failure: null }),
      startSession: async () => {
        throw new TokenExchangeError(
          'Your account has neither the Agent nor the Supervisor role.',
          403,
          'no_role',
        );
      },
    });
    await app.settle();
    expect(app.state()).toEqual(
      jasmine.objectContaining({
        status: 'failed',
        user: null,
        failure: {
          message:
            'Could not get a calling token: Your account has neither the Agent nor the Supervisor role.',
        },
      }),
    );
  });

  it('reports a renewal that needs the user, and a popup that did not help', async () => {
    const renewal$ = new Subject<TokenRenewalEvent>();
    const app = startConsoleWithAuth({
      restore: async () => ({ signedIn: false, failure: null }),
      renewal$,
      signInAgain: async () => {
        throw popupBlockedError();
      },
    });
    app.store.dispatch(
      AuthApiActions.signedIn({
        user: {
          id: 'a',
          displayName: 'Alex Rivera',
          role: 'agent',
          microsoftTeamsUserId: 'a',
          cloud: 'public',
        },
      }),
    );
    renewal$.next({
      type: 'failed',
      attempt: 1,
      retryInMs: 1_000,
      needsSignIn: true,
      failure: { message: 'Your Microsoft sign-in has expired: sign in again.' },
    });
    app.store.dispatch(ShellActions.signInAgainClicked());
    await app.settle();
    expect(app.state().renewal).toEqual({
      attempts: 1,
      retryInMs: 1_000,
      needsSignIn: true,
      failure: {
        message: 'The browser blocked the sign-in window. Allow pop-ups for Switchboard, then try again.',
      },
    });
  });
});
