import { TestBed } from '@angular/core/testing';
import { Store } from '@ngrx/store';
import { App } from './app';
import { AuthService } from './core/auth/auth.service';
import { AuthApiActions } from './state/agent/agent.actions';
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
    return { fixture, store: TestBed.inject(Store), text };
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

  it('offers to try again when the calling service cannot be reached', async () => {
    const { fixture, store, text } = await setUp();
    store.dispatch(
      AuthApiActions.signedIn({
        user: { key: 'alex', displayName: 'Alex Rivera', role: 'agent', microsoftTeamsUserId: 'a' },
      }),
    );
    store.dispatch(
      CallingSdkEvents.agentFailed({
        failure: { message: 'Your session expired: sign in again.', code: 401 },
      }),
    );
    await fixture.whenStable();
    expect(text()).toContain('Your session expired: sign in again.');
    expect(text()).toContain('Try again');
  });
});
