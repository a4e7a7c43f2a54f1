import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { provideState, Store } from '@ngrx/store';
import { afterCallWorkFeature } from '../../state/after-call-work/after-call-work.feature';
import { AfterCallWorkPanelActions } from '../../state/after-call-work/after-call-work-panel.actions';
import { CallingSdkEvents } from '../../state/calling-sdk.actions';
import { provideTestState } from '../../state/testing/provide-test-state';
import { call } from '../../state/testing/snapshots';
import { AfterCallWorkPanelHarness } from '../after-call-work/after-call-work-panel.harness';
import { DashboardPageComponent } from './dashboard-page.component';

describe('DashboardPageComponent', () => {
  it('shows after-call work above the active call while no call is live, and only the call again when one is', async () => {
    TestBed.configureTestingModule({
      imports: [DashboardPageComponent],
      providers: [...provideTestState(), provideState(afterCallWorkFeature)],
    });
    // The dialer's @defer block makes the page's metadata resolve asynchronously.
    await TestBed.compileComponents();
    const fixture = TestBed.createComponent(DashboardPageComponent);
    const store = TestBed.inject(Store);
    const loader = TestbedHarnessEnvironment.loader(fixture);
    const activeCallPanels = () => fixture.nativeElement.querySelectorAll('sb-active-call-panel').length;

    store.dispatch(CallingSdkEvents.callAdded({ call: call('c1') }));
    store.dispatch(
      CallingSdkEvents.callEnded({ id: 'c1', callEndReason: { code: 0, subCode: 0 }, at: 9_000 }),
    );
    const panel = await loader.getHarness(AfterCallWorkPanelHarness);
    expect(await panel.getCall()).toBe('Call with Dana Smith');
    // What became of the call stays said below it.
    expect(activeCallPanels()).toBe(1);

    store.dispatch(CallingSdkEvents.callAdded({ call: call('c2') }));
    fixture.detectChanges();
    expect(await loader.getAllHarnesses(AfterCallWorkPanelHarness)).toEqual([]);
    expect(activeCallPanels()).toBe(1);

    store.dispatch(
      CallingSdkEvents.callEnded({ id: 'c2', callEndReason: { code: 0, subCode: 0 }, at: 12_000 }),
    );
    store.dispatch(AfterCallWorkPanelActions.doneClicked());
    fixture.detectChanges();
    expect(await loader.getAllHarnesses(AfterCallWorkPanelHarness)).toEqual([]);
    expect(activeCallPanels()).toBe(1);
  });
});
