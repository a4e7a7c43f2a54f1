import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { Store } from '@ngrx/store';
import { CallingApiActions } from '../../state/calling-api.actions';
import { CallingSdkEvents } from '../../state/calling-sdk.actions';
import { call, participant } from '../../state/testing/snapshots';
import { provideTestState } from '../../state/testing/provide-test-state';
import { HeldCallHarness } from './held-call.harness';
import { HeldCallsPanelComponent } from './held-calls-panel.component';

describe('HeldCallsPanelComponent', () => {
  const now = signal(0);

  async function setUp() {
    TestBed.configureTestingModule({ providers: provideTestState(now) });
    const fixture = TestBed.createComponent(HeldCallsPanelComponent);
    const store = TestBed.inject(Store);
    const loader = TestbedHarnessEnvironment.loader(fixture);
    const text = () => ((fixture.nativeElement as HTMLElement).textContent ?? '').replace(/\s+/g, ' ');
    await fixture.whenStable();
    store.dispatch(CallingSdkEvents.callAdded({ call: call('c1') }));
    store.dispatch(CallingSdkEvents.callStateChanged({ id: 'c1', state: 'LocalHold', at: 10_000 }));
    now.set(40_000);
    await fixture.whenStable();
    return { fixture, store, loader, text };
  }

  it('lists calls on hold with how long they have waited, and Resume', async () => {
    const { loader, text } = await setUp();
    expect(text()).toContain('Calls on hold (1)');
    const held = await loader.getHarness(HeldCallHarness);
    expect(await held.getLabel()).toBe('Held call with Dana Smith');
    expect(await held.getState()).toBe('On hold');
    expect(await held.getTimeOnHold()).toBe('Time on hold: 0:30');
    await held.resume();
    expect(await held.canResume()).toBeFalse();
  });

  it('says why a resume failed, with the SDK code, and offers Resume again', async () => {
    const { store, loader } = await setUp();
    const held = await loader.getHarness(HeldCallHarness);
    await held.resume();
    store.dispatch(
      CallingApiActions.callOperationFailed({
        callId: 'c1',
        operation: 'resume',
        failure: {
          message: 'Resuming the call failed. The call is still on hold.',
          code: 500,
          subCode: 41034,
        },
      }),
    );
    const failure = await held.getFailure();
    expect(await failure?.getText()).toBe(
      'Resuming the call failed. The call is still on hold. (code 500/41034)',
    );
    expect(await held.canResume()).toBeTrue();
  });

  it('says so when no call is on hold', async () => {
    TestBed.configureTestingModule({ providers: provideTestState(now) });
    const fixture = TestBed.createComponent(HeldCallsPanelComponent);
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('No calls on hold.');
  });

  it('lists a held group call and a held meeting by what they are', async () => {
    const { fixture, store, loader } = await setUp();
    const none = { identity: null, displayName: null };
    store.dispatch(
      CallingSdkEvents.callAdded({ call: call('g', { kind: 'group', direction: 'Outgoing', caller: none }) }),
    );
    store.dispatch(
      CallingSdkEvents.participantsAdded({
        callId: 'g',
        participants: [participant('g', '4:+14255550111'), participant('g', '4:+14255550122')],
      }),
    );
    store.dispatch(CallingSdkEvents.callStateChanged({ id: 'g', state: 'LocalHold', at: 20_000 }));
    store.dispatch(
      CallingSdkEvents.callAdded({ call: call('m', { kind: 'meeting', caller: none, role: 'Organizer' }) }),
    );
    store.dispatch(CallingSdkEvents.callStateChanged({ id: 'm', state: 'LocalHold', at: 30_000 }));
    await fixture.whenStable();
    const held = await loader.getAllHarnesses(HeldCallHarness);
    expect(await Promise.all(held.map((h) => h.getLabel()))).toEqual([
      'Held Teams meeting',
      'Held group call of 3',
      'Held call with Dana Smith',
    ]);
    expect(await Promise.all(held.map((h) => h.getState()))).toEqual(['On hold', 'On hold', 'On hold']);
  });
});
