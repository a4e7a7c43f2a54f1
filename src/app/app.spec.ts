import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonHarness } from '@angular/material/button/testing';
import { ActionsSubject, Store, type Action } from '@ngrx/store';
import { App } from './app';
import { AuthService } from './core/auth/auth.service';
import { AuthApiActions, ShellActions } from './state/agent/agent.actions';
import { CallingSdkEvents } from './state/calling-sdk.actions';
import { provideTestState } from './state/testing/provide-test-state';

describe('App shell', () => {
  async function setUp() {
    TestBed.configureTestingModule({
      providers: [...provideTestState(), { provide: AuthService, useValue: { users: async () => [] } }],
    });
    const fixture = TestBed.createComponent(App);
    await fixture.whenStable();
    const text = () => ((fixture.nativeElement as HTMLElement).textContent ?? '').replace(/\s+/g, ' ');
    const loader = TestbedHarnessEnvironment.loader(fixture);
    return { fixture, store: TestBed.inject(Store), text, loader };
  }

  it('asks who to sign in as first', async () => {
    const { text } = await setUp();
    expect(text()).toContain('Sign in');
    expect(text()).not.toContain('Sign out');
  });

  it('shows the user, their role and the connection once the agent is ready', async () => {
    const { fixture, store, text } = await setUp();
    store.dispatch(
      AuthApiActions.signedIn({
        user: { key: 'sam', displayName: 'Sam Okafor', role: 'supervisor', microsoftTeamsUserId: 's' },
      }),
    );
    await fixture.whenStable();
    expect(text()).toContain('Connecting to the calling service…');
    store.dispatch(CallingSdkEvents.agentReady({ connectionState: 'Connected' }));
    await fixture.whenStable();
    expect(text()).toContain('Sam Okafor · Supervisor');
    expect(text()).toContain('Online');
    expect(text()).toContain('Queue');
    store.dispatch(CallingSdkEvents.connectionStateChanged({ connectionState: 'Disconnected' }));
    await fixture.whenStable();
    expect(text()).toContain('Offline');
  });

  it('offers to try again when the calling service cannot be reached, and tries as the same user', async () => {
    const { fixture, store, text, loader } = await setUp();
    store.dispatch(
      AuthApiActions.signedIn({
        user: { key: 'alex', displayName: 'Alex Rivera', role: 'agent', microsoftTeamsUserId: 'a' },
      }),
    );
    store.dispatch(
      CallingSdkEvents.agentFailed({
        failure: { message: 'Could not reach the calling service.', code: 408, subCode: 40114 },
      }),
    );
    await fixture.whenStable();
    expect(text()).toContain('Not connected');
    expect(text()).toContain('Could not reach the calling service. (code 408/40114)');
    const dispatched: Action[] = [];
    TestBed.inject(ActionsSubject).subscribe((action) => dispatched.push(action));
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Try again' }))).click();
    expect(dispatched).toContain(ShellActions.tryAgainClicked({ userKey: 'alex' }));
    expect(text()).toContain('Signing in…');
  });
});
