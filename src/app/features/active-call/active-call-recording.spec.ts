import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ActionsSubject, Store, type Action } from '@ngrx/store';
import { CallingSdkEvents } from '../../state/calling-sdk.actions';
import { RecordingApiActions } from '../../state/captions/recording-api.actions';
import { RecordingNoticeActions } from '../../state/captions/recording-notice.actions';
import { call } from '../../state/testing/snapshots';
import { provideTestState } from '../../state/testing/provide-test-state';
import { ActiveCallCardHarness } from './active-call-card.harness';
import { ActiveCallPanelComponent } from './active-call-panel.component';

const NOTICE =
  'This call is being recorded. Your microphone stays muted until you consent to being recorded.';

describe('the active call while it is recorded', () => {
  async function setUp() {
    TestBed.configureTestingModule({ providers: provideTestState(signal(0)) });
    const fixture = TestBed.createComponent(ActiveCallPanelComponent);
    const store = TestBed.inject(Store);
    const dispatched: Action[] = [];
    TestBed.inject(ActionsSubject).subscribe((action) => dispatched.push(action));
    store.dispatch(CallingSdkEvents.callAdded({ call: call('c1', { isMuted: true }) }));
    const loader = TestbedHarnessEnvironment.loader(fixture);
    const card = () => loader.getHarness(ActiveCallCardHarness);
    const record = (isTeamsConsentRequired: boolean) =>
      store.dispatch(
        CallingSdkEvents.callRecordingChanged({
          id: 'c1',
          recording: { isRecordingActive: true, isTeamsConsentRequired },
        }),
      );
    return { store, card, record, dispatched };
  }

  it('says nothing of recording while the call is not recorded', async () => {
    const { card } = await setUp();
    expect(await (await card()).getChips()).not.toContain('Recording');
    expect(await (await card()).getRecordingNotice()).toBeNull();
  });

  it('shows a Recording chip, and asks for consent with Unmute disabled for that reason', async () => {
    const { card, record, dispatched } = await setUp();
    record(true);
    const shown = await card();
    expect(await shown.getChips()).toEqual(['Muted', 'Recording']);
    expect(await shown.getRecordingNotice()).toBe(NOTICE);
    const unmute = await shown.getControl('Unmute');
    expect(await unmute.isDisabled()).toBeTrue();
    const host = await unmute.host();
    const describedBy = await host.getAttribute('aria-describedby');
    expect(document.getElementById(describedBy!)?.textContent?.trim()).toBe(NOTICE);
    // Said once, in the notice, not again under the controls.
    expect(await shown.getReasons()).toEqual([]);

    await shown.giveConsent();
    expect(dispatched).toContain(RecordingNoticeActions.giveConsentClicked({ callId: 'c1' }));
    expect(await (await shown.getControl('Give consent')).isDisabled()).toBeTrue();
  });

  it('shows why consent failed, with the code, in the notice; then lets the agent unmute once given', async () => {
    const { store, card, record } = await setUp();
    record(true);
    store.dispatch(RecordingNoticeActions.giveConsentClicked({ callId: 'c1' }));
    store.dispatch(
      RecordingApiActions.consentFailed({
        callId: 'c1',
        failure: { message: 'The calling service had a problem. Try again.', code: 500, subCode: 7 },
      }),
    );
    const shown = await card();
    const failure = await shown.getConsentFailure();
    expect(await failure?.getText()).toBe('The calling service had a problem. Try again. (code 500/7)');
    expect(await shown.getFailure()).toBeNull();
    expect(await (await shown.getControl('Give consent')).isDisabled()).toBeFalse();

    store.dispatch(
      RecordingApiActions.consentGiven({
        callId: 'c1',
        recording: { isRecordingActive: true, isTeamsConsentRequired: false },
      }),
    );
    expect(await shown.getRecordingNotice()).toBeNull();
    expect(await shown.getChips()).toEqual(['Muted', 'Recording']);
    expect(await (await shown.getControl('Unmute')).isDisabled()).toBeFalse();
  });

  it('moves focus from Give consent to Unmute once consent is given', async () => {
    const { store, card, record } = await setUp();
    record(true);
    const shown = await card();
    await (await (await shown.getControl('Give consent')).host()).focus();
    store.dispatch(
      RecordingApiActions.consentGiven({
        callId: 'c1',
        recording: { isRecordingActive: true, isTeamsConsentRequired: false },
      }),
    );
    const unmute = await shown.getControl('Unmute');
    expect(await (await unmute.host()).isFocused()).toBeTrue();
  });
});
