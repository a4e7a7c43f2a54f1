import { signal } from '@angular/core';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { ActionsSubject, Store, type Action } from '@ngrx/store';
import { AuthApiActions } from '../../state/agent/auth-api.actions';
import { ALEX } from '../../state/agent/testing/signed-in-users';
import { CallingSdkEvents } from '../../state/calling-sdk.actions';
import { AgentPresenceActions } from '../../state/presence/agent-presence.actions';
import { AgentStatusMenuActions } from '../../state/presence/agent-status-menu.actions';
import { PresenceApiActions } from '../../state/presence/presence-api.actions';
import { StatusRegionActions } from '../../state/presence/status-region.actions';
import { provideTestState } from '../../state/testing/provide-test-state';
import { call } from '../../state/testing/snapshots';
import { StatusMenuComponent } from './status-menu.component';
import { StatusMenuHarness } from './status-menu.harness';

describe('StatusMenuComponent', () => {
  const now = signal(0);

  async function setUp() {
    TestBed.configureTestingModule({
      providers: provideTestState(now),
    });
    const store = TestBed.inject(Store);
    const dispatched: Action[] = [];
    TestBed.inject(ActionsSubject).subscribe((action: Action) => dispatched.push(action));
    store.dispatch(AuthApiActions.signedIn({ user: ALEX }));
    store.dispatch(AgentPresenceActions.stateEntered({ state: 'available', at: 1_000 }));
    now.set(1_000 + 135_000);
    const fixture = TestBed.createComponent(StatusMenuComponent);
    const status = await TestbedHarnessEnvironment.harnessForFixture(fixture, StatusMenuHarness);
    return { store, status, dispatched };
  }

  it('names the state and shows the time in it, ticking', async () => {
    const { status } = await setUp();
    expect(await status.getName()).toBe('Status: Available');
    expect(await status.getText()).toBe('Available · 2:15');
    now.set(1_000 + 136_000);
    expect(await status.getText()).toBe('Available · 2:16');
  });

  it('offers Available, Away and Offline, the current one checked; picking one says so', async () => {
    const { status, dispatched } = await setUp();
    expect(await status.getChoices()).toEqual(['Available (checked)', 'Away', 'Offline']);
    await status.choose('Away');
    expect(dispatched).toContain(AgentStatusMenuActions.statusChosen({ status: 'away' }));
    expect(await status.getName()).toBe('Status: Away');
  });

  it('during a call, takes the choice for after it: "then Away"', async () => {
    const { store, status } = await setUp();
    store.dispatch(CallingSdkEvents.callAdded({ call: call('c1') }));
    store.dispatch(AgentPresenceActions.stateEntered({ state: 'onCall', at: 130_000 }));
    await status.choose('Away');
    expect(await status.getName()).toBe('Status: On a call, then Away');
    expect(await status.getText()).toBe('On a call, then Away · 0:06');
    expect(await status.getChoices()).toEqual(['Available', 'Away (checked)', 'Offline']);
  });

  it('says which missed call set the agent Away, with Set Available', async () => {
    const { store, status, dispatched } = await setUp();
    expect(await status.getNotice()).toBeNull();
    store.dispatch(
      AgentPresenceActions.missedCallSetAway({
        caller: { displayName: 'Robin Park', identity: null },
        queue: 'Billing',
      }),
    );
    expect(await status.getNotice()).toBe(
      'You missed a call from Robin Park (Billing), so your status is now Away.',
    );
    expect(await status.getName()).toBe('Status: Away');
    await status.setAvailable();
    expect(dispatched).toContain(StatusRegionActions.setAvailableClicked());
    expect(await status.getNotice()).toBeNull();
    expect(await status.getName()).toBe('Status: Available');
  });

  it('says when Teams shows the agent as something else while Available here', async () => {
    const { store, status } = await setUp();
    store.dispatch(
      PresenceApiActions.presenceSet({
        state: 'available',
        presence: { availability: 'Available', activity: 'Available' },
        seen: { availability: 'DoNotDisturb', activity: 'Presenting' },
      }),
    );
    expect(await status.getNotice()).toBe(
      'You are Available here, but Teams shows you as Do not disturb, so call queues that route by presence will not ring you.',
    );
    await status.dismiss();
    expect(await status.getNotice()).toBeNull();
  });

  it('says why Teams would not take the presence, with the code, until dismissed', async () => {
    const { store, status } = await setUp();
    store.dispatch(
      PresenceApiActions.presenceFailed({
        failure: { message: 'Your Teams presence could not be set: Microsoft Graph is busy.', code: 429 },
      }),
    );
    expect(await status.getNotice()).toBe(
      'Your Teams presence could not be set: Microsoft Graph is busy. (code 429)',
    );
    await status.dismiss();
    expect(await status.getNotice()).toBeNull();
  });
});
