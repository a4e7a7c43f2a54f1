import { signal } from '@angular/core';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { provideState, Store, ActionsSubject, type Action } from '@ngrx/store';
import { RUNTIME_CONFIG } from '../../core/runtime-config';
import { EMULATED_CONFIG } from '../../core/testing/runtime-configs';
import { afterCallWorkFeature } from '../../state/after-call-work/after-call-work.feature';
import { AfterCallWorkPanelActions } from '../../state/after-call-work/after-call-work-panel.actions';
import { CallingSdkEvents } from '../../state/calling-sdk.actions';
import { provideTestState } from '../../state/testing/provide-test-state';
import { call } from '../../state/testing/snapshots';
import { AfterCallWorkPanelComponent } from './after-call-work-panel.component';
import { AfterCallWorkPanelHarness } from './after-call-work-panel.harness';

describe('AfterCallWorkPanelComponent', () => {
  async function setUp(config = EMULATED_CONFIG) {
    const now = signal(0);
    TestBed.configureTestingModule({
      providers: [
        ...provideTestState(now),
        provideState(afterCallWorkFeature),
        { provide: RUNTIME_CONFIG, useValue: config },
      ],
    });
    const fixture = TestBed.createComponent(AfterCallWorkPanelComponent);
    const store = TestBed.inject(Store);
    const dispatched: Action[] = [];
    TestBed.inject(ActionsSubject).subscribe((action: Action) => dispatched.push(action));
    const panel = await TestbedHarnessEnvironment.harnessForFixture(fixture, AfterCallWorkPanelHarness);
    /** Dana's call, answered at 1 s and hung up at `endedAt`. */
    const callEnds = (endedAt: number) => {
      store.dispatch(CallingSdkEvents.callAdded({ call: call('c1', { startedAt: 1_000 }) }));
      store.dispatch(
        CallingSdkEvents.callEnded({ id: 'c1', callEndReason: { code: 0, subCode: 0 }, at: endedAt }),
      );
      now.set(endedAt);
    };
    return { store, panel, now, dispatched, callEnds };
  }

  it('shows nothing until a call that connected has ended', async () => {
    const { panel, store } = await setUp();
    expect(await panel.isShown()).toBeFalse();
    store.dispatch(
      CallingSdkEvents.callAdded({ call: call('c1', { state: 'Ringing', direction: 'Outgoing' }) }),
    );
    store.dispatch(
      CallingSdkEvents.callEnded({ id: 'c1', callEndReason: { code: 603, subCode: 0 }, at: 5_000 }),
    );
    expect(await panel.isShown()).toBeFalse();
  });

  it('names the call and counts the time in after-call work against the limit', async () => {
    const { panel, now, callEnds } = await setUp();
    callEnds(61_000);
    expect(await panel.isShown()).toBeTrue();
    expect(await panel.getCall()).toBe('Call with Dana Smith');
    expect(await panel.getTime()).toBe('0:00 of 2:00 in after-call work');
    now.set(61_000 + 45_000);
    expect(await panel.getTime()).toBe('0:45 of 2:00 in after-call work');
  });

  it('counts without a limit when there is none', async () => {
    const { panel, now, callEnds } = await setUp({ ...EMULATED_CONFIG, afterCallWorkSeconds: 0 });
    callEnds(61_000);
    now.set(61_000 + 3_725_000);
    expect(await panel.getTime()).toBe('1:02:05 in after-call work');
  });

  it('offers the configured wrap-up codes, takes notes, and is gone at Done', async () => {
    const { panel, dispatched, callEnds } = await setUp({
      ...EMULATED_CONFIG,
      wrapUpCodes: ['Sale', 'No sale'],
    });
    callEnds(61_000);
    const wrapUp = await panel.getWrapUp();
    await wrapUp.open();
    expect(await Promise.all((await wrapUp.getOptions()).map((o) => o.getText()))).toEqual([
      'None',
      'Sale',
      'No sale',
    ]);
    await wrapUp.clickOptions({ text: 'Sale' });
    expect(await wrapUp.getValueText()).toBe('Sale');
    const notes = await panel.getNotes();
    await notes.setValue('Sold the annual plan.');
    expect(await notes.getValue()).toBe('Sold the annual plan.');
    await panel.done();
    expect(dispatched).toEqual(
      jasmine.arrayContaining([
        AfterCallWorkPanelActions.wrapUpChosen({ code: 'Sale' }),
        AfterCallWorkPanelActions.notesChanged({ notes: 'Sold the annual plan.' }),
        AfterCallWorkPanelActions.doneClicked(),
      ]),
    );
    expect(await panel.isShown()).toBeFalse();
  });
});
