import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonHarness } from '@angular/material/button/testing';
import { Store } from '@ngrx/store';
import { CallingSdkEvents } from '../../state/calling-sdk.actions';
import { CallingApiActions } from '../../state/calling-api.actions';
import { incomingCall } from '../../state/testing/snapshots';
import { provideTestState } from '../../state/testing/provide-test-state';
import { QueuePanelComponent } from './queue-panel.component';

describe('QueuePanelComponent', () => {
  const now = signal(0);

  async function setUp() {
    TestBed.configureTestingModule({ providers: provideTestState(now) });
    const fixture = TestBed.createComponent(QueuePanelComponent);
    const store = TestBed.inject(Store);
    const loader = TestbedHarnessEnvironment.loader(fixture);
    const text = () => (fixture.nativeElement as HTMLElement).textContent ?? '';
    const items = () =>
      [...(fixture.nativeElement as HTMLElement).querySelectorAll('li')].map((li) =>
        li.getAttribute('aria-label'),
      );
    await fixture.whenStable();
    return { fixture, store, loader, text, items };
  }

  it('says when no calls are waiting', async () => {
    const { text } = await setUp();
    expect(text()).toContain('No calls waiting.');
  });

  it('lists ringing calls oldest first with caller, queue and a ticking waiting time', async () => {
    const { fixture, store, text, items } = await setUp();
    store.dispatch(
      CallingSdkEvents.incomingCallReceived({ incomingCall: incomingCall('late', 30_000, 'Sales') }),
    );
    store.dispatch(
      CallingSdkEvents.incomingCallReceived({
        incomingCall: {
          ...incomingCall('early', 10_000),
          caller: { identity: null, displayName: 'Eli Park' },
        },
      }),
    );
    now.set(75_000);
    await fixture.whenStable();
    expect(items()).toEqual(['Call from Eli Park', 'Call from Dana Smith']);
    expect(text()).toContain('(2 waiting)');
    expect(text()).toContain('Waiting 1:05');
    expect(text()).toContain('Waiting 0:45');
    expect(text()).toContain('+1 (425) 555-0123');
    expect(text()).toContain('Sales');
    now.set(76_000);
    await fixture.whenStable();
    expect(text()).toContain('Waiting 1:06');
  });

  it('shows Accepting… and disables both buttons once Accept is clicked', async () => {
    const { fixture, store, loader, text } = await setUp();
    store.dispatch(CallingSdkEvents.incomingCallReceived({ incomingCall: incomingCall('a', 0) }));
    await fixture.whenStable();
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Accept' }))).click();
    expect(text()).toContain('Accepting…');
    expect(
      await (await loader.getHarness(MatButtonHarness.with({ text: 'Accept' }))).isDisabled(),
    ).toBeTrue();
    expect(
      await (await loader.getHarness(MatButtonHarness.with({ text: 'Reject' }))).isDisabled(),
    ).toBeTrue();
  });

  it('shows why an accept failed on the call itself and lets the agent try again', async () => {
    const { fixture, store, loader, text } = await setUp();
    store.dispatch(CallingSdkEvents.incomingCallReceived({ incomingCall: incomingCall('a', 0) }));
    await fixture.whenStable();
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Accept' }))).click();
    store.dispatch(
      CallingApiActions.acceptFailed({
        id: 'a',
        failure: { message: 'Could not reach the calling service.' },
      }),
    );
    await fixture.whenStable();
    expect(text()).toContain('Could not reach the calling service.');
    expect(
      await (await loader.getHarness(MatButtonHarness.with({ text: 'Accept' }))).isDisabled(),
    ).toBeFalse();
  });
});
