import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, type UrlTree } from '@angular/router';
import { Store } from '@ngrx/store';
import { firstValueFrom, isObservable, of } from 'rxjs';
import type { SignedInUser } from '../../core/auth/signed-in-user';
import { provideTestState } from '../testing/provide-test-state';
import { AuthApiActions } from './auth-api.actions';
import { workspaceFor } from './workspace-guards';

const user = (role: SignedInUser['role']): SignedInUser => ({
  id: 'u1',
  displayName: role === 'agent' ? 'Alex Rivera' : 'Sam Okafor',
  role,
  microsoftTeamsUserId: 'u1',
  cloud: 'public',
});

/** What the guard decides once it decides: true, or the path it sends the user to. */
async function decide(guard: ReturnType<typeof workspaceFor>): Promise<true | string> {
  const result = TestBed.runInInjectionContext(() => guard({} as never, {} as never));
  const value = await firstValueFrom(isObservable(result) ? result : of(result));
  return value === true ? true : TestBed.inject(Router).serializeUrl(value as UrlTree);
}

describe('workspaceFor', () => {
  let store: Store;
  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [...provideTestState(), provideRouter([])] });
    store = TestBed.inject(Store);
  });

  it('lets a supervisor into the supervisor’s workspace and sends an agent to their dashboard', async () => {
    store.dispatch(AuthApiActions.signedIn({ user: user('supervisor') }));
    expect(await decide(workspaceFor('supervisor'))).toBe(true);
    expect(await decide(workspaceFor('agent'))).toBe('/supervisor');
  });

  it('lets an agent into the dashboard and sends them back there from the supervisor’s workspace', async () => {
    store.dispatch(AuthApiActions.signedIn({ user: user('agent') }));
    expect(await decide(workspaceFor('agent'))).toBe(true);
    expect(await decide(workspaceFor('supervisor'))).toBe('/');
  });

  it('waits for the token exchange to say the role before deciding', async () => {
    store.dispatch(AuthApiActions.accountRestored());
    let decided: true | string | null = null;
    const decision = decide(workspaceFor('supervisor')).then((value) => (decided = value));
    await Promise.resolve();
    expect(decided).toBeNull();
    store.dispatch(AuthApiActions.signedIn({ user: user('agent') }));
    expect(await decision).toBe('/');
  });
});
