import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { provideRouter, Router } from '@angular/router';
import { ActionsSubject, Store, type Action } from '@ngrx/store';
import { App } from './app';
import { Ticker } from './core/ticker';
import { ALEX, SAM } from './state/agent/testing/signed-in-users';
import { AuthApiActions } from './state/agent/auth-api.actions';
import { CallingSessionActions } from './state/agent/calling-session.actions';
import { ShellActions } from './state/agent/shell.actions';
import { CallingSdkEvents } from './state/calling-sdk.actions';
import { provideTestState } from './state/testing/provide-test-state';
import { call } from './state/testing/snapshots';

@Component({ selector: 'sb-workspace-stub', template: 'The workspace' })
class WorkspaceStub {}

@Component({ selector: 'sb-sign-in-stub', template: 'The sign-in page' })
class SignInStub {}

describe('App shell', () => {
  async function setUp() {
    TestBed.configureTestingModule({
      imports: [App],
      providers: [
        ...provideTestState(),
        // The clock stands still unless a test moves it.
        { provide: Ticker, useValue: { now: signal(0) } },
        provideRouter([
          { path: '', component: WorkspaceStub },
          { path: 'sign-in', component: SignInStub },
        ]),
      ],
    });
    // The status menu is a deferred block: its component loads (and renders) as the app does.
    await TestBed.compileComponents();
    const fixture = TestBed.createComponent(App);
    await TestBed.inject(Router).navigateByUrl('/');
    await fixture.whenStable();
    const text = () => ((fixture.nativeElement as HTMLElement).textContent ?? '').replace(/\s+/g, ' ');
    const loader = TestbedHarnessEnvironment.loader(fixture);
    const dispatched: Action[] = [];
    TestBed.inject(ActionsSubject).subscribe((action) => dispatched.push(action));
    return { fixture, store: TestBed.inject(Store), text, loader, dispatched };
  }

  /** Alex signed in, the calling agent ready. */
  async function ready() {
    const shell = await setUp();
    shell.store.dispatch(AuthApiActions.signedIn({ user: ALEX }));
    shell.store.dispatch(CallingSdkEvents.agentReady({ connectionState: 'Connected' }));
    await shell.fixture.whenStable();
    return shell;
  }

  it('asks before a reload or a closed tab while a call is live, and not otherwise', async () => {
    const { store, fixture } = await setUp();
    // The browser's own event, handed to the shell's listener (dispatching it on this test page's
    // window would make the test runner believe the page reloads).
    const unload = () => {
      const event = new Event('beforeunload', { cancelable: true }) as BeforeUnloadEvent;
      fixture.componentInstance.beforeUnload(event);
      return event.defaultPrevented;
    };
    expect(unload()).toBeFalse();
    store.dispatch(CallingSdkEvents.callAdded({ call: call('c1') }));
    expect(unload()).toBeTrue();
    store.dispatch(CallingSdkEvents.callEnded({ id: 'c1', callEndReason: { code: 0 }, at: 1 }));
    expect(unload()).toBeFalse();
  });

  it('links the pages of a signed-in agent or supervisor, and opens the keyboard shortcuts from the toolbar', async () => {
    const { fixture, store, loader } = await ready();
    const links = () =>
      [...(fixture.nativeElement as HTMLElement).querySelectorAll('nav[aria-label="Pages"] a')].map((a) => [
        a.textContent?.trim(),
        a.getAttribute('href'),
        a.getAttribute('aria-current'),
      ]);
    expect(links()).toEqual([
      ['Calls', '/', 'page'],
      ['History', '/history', null],
      ['Settings', '/settings', null],
    ]);
    store.dispatch(AuthApiActions.signedIn({ user: SAM }));
    await fixture.whenStable();
    expect(links()[0]).toEqual(['Calls', '/supervisor', null]);

    await (await loader.getHarness(MatButtonHarness.with({ text: 'Keyboard shortcuts' }))).click();
    await fixture.whenStable();
    const dialog = await TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(MatDialogHarness);
    expect(await dialog.getTitleText()).toBe('Keyboard shortcuts');
  });

  it('has a page heading while it signs in and connects, as every screen does', async () => {
    const { fixture, store } = await setUp();
    store.dispatch(AuthApiActions.accountRestored());
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).querySelectorAll('h1').length).toBe(1);
  });

  it('shows nobody and no sign-out before anyone signs in', async () => {
    const { text } = await setUp();
    expect(text()).not.toContain('Sign out');
    expect(text()).not.toContain('Agent');
  });

  it('says it is signing in, then connecting, then shows the user with the role from their token', async () => {
    const { fixture, store, text } = await setUp();
    store.dispatch(AuthApiActions.accountRestored());
    await fixture.whenStable();
    expect(text()).toContain('Signing in…');
    store.dispatch(AuthApiActions.signedIn({ user: SAM }));
    await fixture.whenStable();
    expect(text()).toContain('Connecting to the calling service…');
    store.dispatch(CallingSdkEvents.agentReady({ connectionState: 'Connected' }));
    await fixture.whenStable();
    expect(text()).toContain('Sam Okafor · Supervisor');
    expect(text()).toContain('Online');
    expect(text()).toContain('The workspace');
    store.dispatch(
      CallingSdkEvents.connectionStateChanged({ connectionState: 'Disconnected', reason: 'connectionIssue' }),
    );
    await fixture.whenStable();
    expect(text()).toContain('Reconnecting…');
  });

  it('says it is signing in from its first paint, before start-up knows who is signed in', async () => {
    const { fixture, store, text } = await setUp();
    expect(text()).toContain('Switchboard');
    expect(text()).toContain('Signing in…');
    expect(text()).not.toContain('The workspace');
    store.dispatch(AuthApiActions.notSignedIn());
    await fixture.whenStable();
    expect(text()).not.toContain('Signing in…');
  });

  it('goes to the workspace when someone signs in while on the sign-in page', async () => {
    const { fixture, store, text } = await setUp();
    store.dispatch(AuthApiActions.notSignedIn());
    await TestBed.inject(Router).navigateByUrl('/sign-in');
    await fixture.whenStable();
    expect(text()).toContain('The sign-in page');
    store.dispatch(AuthApiActions.signedIn({ user: ALEX }));
    store.dispatch(CallingSdkEvents.agentReady({ connectionState: 'Connected' }));
    await fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/');
    expect(text()).toContain('The workspace');
  });

  it('offers to try again when the calling service cannot be reached', async () => {
    const { fixture, store, text, loader, dispatched } = await setUp();
    store.dispatch(AuthApiActions.signedIn({ user: ALEX }));
    store.dispatch(
      CallingSdkEvents.agentFailed({
        failure: { message: 'Could not reach the calling service.', code: 408, subCode: 40114 },
      }),
    );
    await fixture.whenStable();
    expect(text()).toContain('Not connected');
    expect(text()).toContain('Could not reach the calling service. (code 408/40114)');
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Try again' }))).click();
    expect(dispatched).toContain(ShellActions.tryAgainClicked());
    expect(text()).toContain('Signing in…');
  });

  describe('the connection', () => {
    const casey = (id: string) => call(id, { caller: { ...call(id).caller, displayName: 'Casey Morgan' } });

    it('says when the console creates its agent again, and Try now does it at once', async () => {
      const { fixture, store, text, loader, dispatched } = await ready();
      const ticker = TestBed.inject(Ticker);
      ticker.now.set(10_000);
      store.dispatch(
        CallingSdkEvents.agentRetryScheduled({ attempt: 3, at: 10_000, retryInMs: 3_200, failure: null }),
      );
      await fixture.whenStable();
      expect(text()).toContain('Offline');
      expect(text()).toContain('Switchboard is reconnecting by itself: next attempt in 4 s.');
      ticker.now.set(12_500);
      await fixture.whenStable();
      expect(text()).toContain('next attempt in 1 s.');
      ticker.now.set(13_300);
      await fixture.whenStable();
      expect(text()).toContain('Switchboard is reconnecting by itself: trying now.');
      await (await loader.getHarness(MatButtonHarness.with({ text: 'Try now' }))).click();
      expect(dispatched).toContain(ShellActions.tryNowClicked());
      store.dispatch(CallingSdkEvents.agentReady({ connectionState: 'Connected' }));
      await fixture.whenStable();
      expect(text()).toContain('Online');
      expect(text()).not.toContain('next attempt');
    });

    it('says, back online, which calls are still up and how the others ended, by name', async () => {
      const { fixture, store, text, loader } = await ready();
      store.dispatch(CallingSdkEvents.callAdded({ call: casey('c1') }));
      store.dispatch(CallingSdkEvents.connectionStateChanged({ connectionState: 'Disconnected' }));
      store.dispatch(CallingSdkEvents.connectionStateChanged({ connectionState: 'Connected' }));
      await fixture.whenStable();
      expect(text()).toContain('Back online. Your call with Casey Morgan is still up.');
      await (await loader.getHarness(MatButtonHarness.with({ text: 'Dismiss' }))).click();
      expect(text()).not.toContain('Back online.');

      store.dispatch(CallingSdkEvents.connectionStateChanged({ connectionState: 'Disconnected' }));
      store.dispatch(
        CallingSdkEvents.callEnded({ id: 'c1', callEndReason: { code: 496, subCode: 7 }, at: 9 }),
      );
      store.dispatch(CallingSdkEvents.connectionStateChanged({ connectionState: 'Connected' }));
      await fixture.whenStable();
      expect(text()).toContain(
        'Back online. Your call with Casey Morgan ended: The network was lost and reconnecting gave up.',
      );
    });

    it('offers to sign in again, and only that, when the calling service refused the renewed sign-in', async () => {
      const { fixture, store, text, loader, dispatched } = await ready();
      store.dispatch(
        CallingSessionActions.signInNeeded({
          failure: {
            message: 'The calling service did not accept your sign-in, even renewed: sign in again.',
            code: 401,
            subCode: 10009,
          },
        }),
      );
      await fixture.whenStable();
      expect(text()).toContain('Not connected');
      expect(text()).toContain('even renewed: sign in again. (code 401/10009)');
      expect(await loader.getAllHarnesses(MatButtonHarness.with({ text: 'Try again' }))).toEqual([]);
      await (await loader.getHarness(MatButtonHarness.with({ text: 'Sign in again' }))).click();
      expect(dispatched).toContain(ShellActions.signInAgainClicked());
      store.dispatch(AuthApiActions.signedInAgain());
      await fixture.whenStable();
      expect(text()).toContain('Signing in…');
    });
  });

  it('offers sign-out when the account has no calling session (no role, server/ refused)', async () => {
    const { fixture, store, text, loader, dispatched } = await setUp();
    store.dispatch(
      AuthApiActions.sessionFailed({
        failure: { message: 'Could not get a calling token: Your account has neither role.' },
      }),
    );
    await fixture.whenStable();
    expect(text()).toContain('Could not get a calling token: Your account has neither role.');
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Sign out' }))).click();
    expect(dispatched).toContain(ShellActions.signOutClicked());
  });

  describe('renewing the calling token', () => {
    const failed = (attempt: number, retryInMs: number, needsSignIn = false) =>
      AuthApiActions.tokenRenewalFailed({
        failure: { message: 'Could not get a calling token: Switchboard’s server is not reachable.' },
        attempt,
        needsSignIn,
        retryInMs,
      });

    it('keeps a passing failure to itself, and says in words when failures persist', async () => {
      const { fixture, store, text } = await ready();
      store.dispatch(failed(1, 1_000));
      store.dispatch(failed(2, 2_000));
      await fixture.whenStable();
      expect(text()).not.toContain('could not be renewed');
      store.dispatch(failed(3, 4_000));
      await fixture.whenStable();
      expect(text()).toContain(
        'Your calling sign-in could not be renewed: Could not get a calling token: Switchboard’s server is not reachable. ' +
          'Switchboard keeps trying (attempt 3, next in 4 s); calls may stop if it cannot renew in time.',
      );
      store.dispatch(AuthApiActions.tokenRenewed());
      await fixture.whenStable();
      expect(text()).not.toContain('could not be renewed');
    });

    it('asks the agent to sign in again at once when only they can fix it, in a popup', async () => {
      const { fixture, store, text, loader, dispatched } = await ready();
      store.dispatch(failed(1, 1_000, true));
      await fixture.whenStable();
      expect(text()).toContain('Sign in again to keep taking calls; calls under way stay up.');
      await (await loader.getHarness(MatButtonHarness.with({ text: 'Sign in again' }))).click();
      expect(dispatched).toContain(ShellActions.signInAgainClicked());
    });
  });
});
