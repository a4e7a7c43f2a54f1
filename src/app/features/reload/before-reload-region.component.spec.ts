import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { ActionsSubject, Store, type Action } from '@ngrx/store';
import { AuthApiActions } from '../../state/agent/auth-api.actions';
import { SoftphoneActions } from '../../state/agent/softphone.actions';
import { CallingSdkEvents } from '../../state/calling-sdk.actions';
import { BeforeReloadRegionActions } from '../../state/reload/before-the-reload-region.actions';
import { ReloadNoteActions } from '../../state/reload/reload-note.actions';
import { provideTestState } from '../../state/testing/provide-test-state';
import { ALEX, takingCallsHere } from '../../state/testing/taking-calls-here';
import { call } from '../../state/testing/snapshots';
import { BeforeReloadRegionComponent } from './before-reload-region.component';
import { BeforeReloadRegionHarness } from './before-reload-region.harness';

describe('BeforeReloadRegionComponent', () => {
  async function setUp() {
    TestBed.configureTestingModule({ providers: provideTestState() });
    const fixture = TestBed.createComponent(BeforeReloadRegionComponent);
    const store = TestBed.inject(Store);
    const dispatched: string[] = [];
    TestBed.inject(ActionsSubject).subscribe((action: Action) => dispatched.push(action.type));
    const region = await TestbedHarnessEnvironment.harnessForFixture(fixture, BeforeReloadRegionHarness);
    store.dispatch(
      ReloadNoteActions.noteRead({
        calls: [
          { id: 'c1', kind: 'queued', name: 'Casey Morgan' },
          { id: 'c2', kind: 'oneToOne', name: 'Drew Lee' },
          { id: 'c3', kind: 'meeting', name: 'a Teams meeting', joinedBy: 'link' },
        ],
      }),
    );
    return { store, region, dispatched };
  }

  it('says nothing until the calling session is ready', async () => {
    const { store, region } = await setUp();
    expect(await region.getLines()).toEqual([]);
    store.dispatch(AuthApiActions.signedIn({ user: ALEX }));
    store.dispatch(SoftphoneActions.heldElsewhere({ liveCallNames: [] }));
    expect(await region.getLines()).toEqual([]);
  });

  it('says, per call live before the reload, whether it ended or is still up, by name; Dismiss clears it', async () => {
    const { store, region, dispatched } = await setUp();
    store.dispatch(CallingSdkEvents.callAdded({ call: call('c2') }));
    takingCallsHere(store);
    expect(await region.getLines()).toEqual([
      'Your call with Casey Morgan ended when the page reloaded.',
      'Your call with Drew Lee is still up.',
      'Your Teams meeting ended when the page reloaded.',
    ]);
    await region.dismiss();
    expect(dispatched).toContain(BeforeReloadRegionActions.dismissClicked.type);
    expect(await region.getLines()).toEqual([]);
  });
});
