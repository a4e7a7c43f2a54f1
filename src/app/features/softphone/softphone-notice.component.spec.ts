import { Component } from '@angular/core';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { ActionsSubject, Store, type Action } from '@ngrx/store';
import { SoftphoneActions } from '../../state/agent/softphone.actions';
import { SoftphoneNoticeActions } from '../../state/agent/softphone-notice.actions';
import { provideTestState } from '../../state/testing/provide-test-state';
import { SoftphoneNoticeComponent } from './softphone-notice.component';
import { SoftphoneNoticeHarness } from './softphone-notice.harness';

@Component({
  imports: [SoftphoneNoticeComponent],
  template: `<sb-softphone-notice
    ><p class="wrapped">Connecting to the calling service…</p></sb-softphone-notice
  >`,
})
class ShellCase {}

describe('SoftphoneNoticeComponent', () => {
  async function setUp() {
    TestBed.configureTestingModule({ providers: provideTestState() });
    const fixture = TestBed.createComponent(ShellCase);
    const store = TestBed.inject(Store);
    const dispatched: string[] = [];
    TestBed.inject(ActionsSubject).subscribe((action: Action) => dispatched.push(action.type));
    const notice = await TestbedHarnessEnvironment.harnessForFixture(fixture, SoftphoneNoticeHarness);
    const wrapped = () =>
      (fixture.nativeElement as HTMLElement).querySelector('.wrapped')?.textContent ?? null;
    return { store, notice, dispatched, wrapped, fixture };
  }

  it('shows what it wraps while no other tab takes the calls', async () => {
    const { store, notice, wrapped, fixture } = await setUp();
    expect(await notice.getMessage()).toBeNull();
    expect(wrapped()).toBe('Connecting to the calling service…');
    store.dispatch(SoftphoneActions.acquired());
    fixture.detectChanges();
    expect(await notice.getMessage()).toBeNull();
    expect(await notice.getButtons()).toEqual([]);
  });

  it('says another tab takes the calls and offers Use here, which asks nothing when no call is live there', async () => {
    const { store, notice, dispatched, wrapped } = await setUp();
    store.dispatch(SoftphoneActions.heldElsewhere({ liveCallNames: [] }));
    expect(await notice.getMessage()).toBe('Switchboard is taking calls in another tab.');
    expect(wrapped()).toBeNull();
    expect(await notice.getButtons()).toEqual(['Use here']);
    await notice.click('Use here');
    expect(dispatched).toContain(SoftphoneNoticeActions.useHereClicked.type);
    expect(await notice.getConfirmation()).toBeNull();
  });

  it('asks before Use here ends a call in the other tab; Cancel keeps it, End it and use here goes ahead', async () => {
    const { store, notice, dispatched } = await setUp();
    store.dispatch(SoftphoneActions.heldElsewhere({ liveCallNames: ['Casey Morgan'] }));
    await notice.click('Use here');
    expect(await notice.getConfirmation()).toBe('Your call with Casey Morgan in the other tab will end.');
    expect(await notice.getButtons()).toEqual(['End it and use here', 'Cancel']);

    await notice.click('Cancel');
    expect(await notice.getConfirmation()).toBeNull();
    expect(await notice.getButtons()).toEqual(['Use here']);
    expect(dispatched).not.toContain(SoftphoneNoticeActions.endItAndUseHereClicked.type);

    await notice.click('Use here');
    await notice.click('End it and use here');
    expect(dispatched).toContain(SoftphoneNoticeActions.endItAndUseHereClicked.type);
  });

  it('names every call that would end', async () => {
    const { store, notice } = await setUp();
    store.dispatch(SoftphoneActions.heldElsewhere({ liveCallNames: ['Casey Morgan', 'a Teams meeting'] }));
    await notice.click('Use here');
    expect(await notice.getConfirmation()).toBe(
      'Your calls with Casey Morgan and a Teams meeting in the other tab will end.',
    );
  });

  it('says so when this tab gave the calls to another, and offers them back', async () => {
    const { store, notice } = await setUp();
    store.dispatch(SoftphoneActions.acquired());
    store.dispatch(SoftphoneActions.released({ reason: 'usedElsewhere' }));
    expect(await notice.getMessage()).toBe('Switchboard is taking calls in another tab now.');
    expect(await notice.getButtons()).toEqual(['Use here']);
    // The other tab announces its calls: still "now", and Use here asks first.
    store.dispatch(SoftphoneActions.heldElsewhere({ liveCallNames: ['Casey Morgan'] }));
    expect(await notice.getMessage()).toBe('Switchboard is taking calls in another tab now.');
  });
});
