import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ActionsSubject, Store, type Action } from '@ngrx/store';
import type { CaptionSnapshot, Party } from '../../model/snapshots';
import { AuthApiActions } from '../../state/agent/auth-api.actions';
import { CallingSdkEvents } from '../../state/calling-sdk.actions';
import { CaptionsApiActions } from '../../state/captions/captions-api.actions';
import { LiveCaptionsPanelActions } from '../../state/captions/live-captions-panel.actions';
import { call, participant } from '../../state/testing/snapshots';
import { provideTestState } from '../../state/testing/provide-test-state';
import { ALEX } from '../../state/testing/taking-calls-here';
import { formatPhoneNumber } from '../../shared/phone-number.pipe';
import { ActiveCallPanelComponent } from '../active-call/active-call-panel.component';
import { LiveCaptionsHarness } from './live-captions.harness';

const robin: Party = {
  identity: { kind: 'phoneNumber', rawId: '4:+14255550188', phoneNumber: '+14255550188' },
  displayName: 'Robin Park',
};

function said(speaker: Party, text: string, resultType: 'Partial' | 'Final' = 'Partial') {
  const caption: CaptionSnapshot = { speaker, text, resultType, spokenAt: 1_000, language: 'en-us' };
  return CallingSdkEvents.captionReceived({ callId: 'c1', caption });
}

describe('LiveCaptionsComponent on the active call', () => {
  async function setUp(overrides: Parameters<typeof call>[1] = {}) {
    TestBed.configureTestingModule({ providers: provideTestState(signal(0)) });
    const fixture = TestBed.createComponent(ActiveCallPanelComponent);
    const store = TestBed.inject(Store);
    const dispatched: Action[] = [];
    TestBed.inject(ActionsSubject).subscribe((action) => dispatched.push(action));
    store.dispatch(AuthApiActions.signedIn({ user: ALEX }));
    store.dispatch(CallingSdkEvents.callAdded({ call: call('c1', { caller: robin, ...overrides }) }));
    const captions = () => TestbedHarnessEnvironment.loader(fixture).getHarness(LiveCaptionsHarness);
    return { store, captions, dispatched };
  }

  it('offers Start captions, and shows no transcript before captions are on', async () => {
    const { captions, dispatched } = await setUp();
    const shown = await captions();
    expect(await shown.getLogName()).toBeNull();
    await (await shown.getButton()).click();
    expect(dispatched).toContain(LiveCaptionsPanelActions.startCaptionsClicked({ callId: 'c1' }));
    expect(await (await shown.getButton()).getText()).toBe('Starting captions…');
    expect(await (await shown.getButton()).isDisabled()).toBeTrue();
  });

  it('shows what is said, by name, a line in progress marked and replaced, finals kept', async () => {
    const { store, captions, dispatched } = await setUp();
    const alex: Party = {
      identity: { kind: 'microsoftTeamsUser', rawId: `8:orgid:${ALEX.microsoftTeamsUserId}` },
      displayName: null,
    };
    const drew = participant('c1', '8:orgid:drew', {
      identity: { kind: 'microsoftTeamsUser', rawId: '8:orgid:drew' },
      displayName: 'Drew Lee',
    });
    store.dispatch(CallingSdkEvents.participantsAdded({ callId: 'c1', participants: [drew] }));
    store.dispatch(CallingSdkEvents.callCaptionsActiveChanged({ id: 'c1', active: true }));
    const shown = await captions();
    expect(await shown.getLogName()).toBe('Live captions');
    expect(await shown.getLines()).toEqual([]);

    store.dispatch(said(robin, 'my card'));
    store.dispatch(said(robin, 'my card number is'));
    expect(await shown.getLines()).toEqual(['Robin Park: my card number is (in progress)']);
    store.dispatch(said(robin, 'my card number is 4111', 'Final'));
    store.dispatch(said(alex, 'Thank you', 'Final'));
    store.dispatch(said({ identity: drew.identity, displayName: null }, 'I can help'));
    store.dispatch(said({ ...robin, displayName: null }, 'okay'));
    expect(await shown.getLines()).toEqual([
      'Robin Park: my card number is 4111',
      'You: Thank you',
      'Drew Lee: I can help (in progress)',
      `${formatPhoneNumber('+14255550188')}: okay (in progress)`,
    ]);

    await (await shown.getButton()).click();
    expect(dispatched).toContain(LiveCaptionsPanelActions.stopCaptionsClicked({ callId: 'c1' }));
  });

  it('shows why captions did not start, with the SDK’s code, beside the button', async () => {
    const { store, captions } = await setUp();
    store.dispatch(LiveCaptionsPanelActions.startCaptionsClicked({ callId: 'c1' }));
    store.dispatch(
      CaptionsApiActions.captionsFailed({
        callId: 'c1',
        operation: 'startCaptions',
        failure: {
          message: 'Starting captions failed: Captions are disabled by policy.',
          code: 403,
          subCode: 46,
        },
      }),
    );
    const shown = await captions();
    expect(await (await shown.getFailure())?.getText()).toBe(
      'Starting captions failed: Captions are disabled by policy. (code 403/46)',
    );
    expect(await (await shown.getButton()).getText()).toBe('Start captions');
  });

  it('says why the call does not allow captions, keeping the button focusable', async () => {
    const { captions } = await setUp({
      capabilities: { startLiveCallingCaptions: { isPresent: false, reason: 'UserPolicyRestricted' } },
    });
    const shown = await captions();
    const button = await shown.getButton();
    expect(await button.isDisabled()).toBeTrue();
    expect(await shown.getReason()).toBe('Your Teams policy does not let you start live captions.');
  });

  it('offers Start captions once the call has connected', async () => {
    const { store, captions } = await setUp({ state: 'Connecting' });
    expect(await (await (await captions()).getButton()).isDisabled()).toBeTrue();
    store.dispatch(CallingSdkEvents.callStateChanged({ id: 'c1', state: 'Connected', at: 2_000 }));
    expect(await (await (await captions()).getButton()).isDisabled()).toBeFalse();
  });

  it('clears the transcript when the call ends', async () => {
    const { store, captions } = await setUp();
    store.dispatch(CallingSdkEvents.callCaptionsActiveChanged({ id: 'c1', active: true }));
    store.dispatch(said(robin, 'bye', 'Final'));
    expect(await (await captions()).getLines()).toEqual(['Robin Park: bye']);
    store.dispatch(
      CallingSdkEvents.callEnded({ id: 'c1', callEndReason: { code: 0, subCode: 0 }, at: 2_000 }),
    );
    store.dispatch(CallingSdkEvents.callAdded({ call: call('c2', { caller: robin }) }));
    expect(await (await captions()).getLines()).toEqual([]);
  });
});
