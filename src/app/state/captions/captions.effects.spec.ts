import { TestBed } from '@angular/core/testing';
import type { CallClient, TeamsCall } from '@azure/communication-calling';
import { provideEffects } from '@ngrx/effects';
import { provideState, provideStore, Store } from '@ngrx/store';
import { CallRegistry } from '../../calling/call-registry';
import type { CallingValues } from '../../calling/calling-backend';
import { SWITCH_ABANDONED } from '../../calling/switch-active-call';
import { FAKE_FEATURES, FakeCall } from '../../calling/testing/fake-sdk-objects';
import { ManualScheduler } from '../../floor/testing/manual-scheduler';
import { CallingSdkEvents } from '../calling-sdk.actions';
import { CALL_CONTROL_SCHEDULER, CONTROL_TIME_LIMIT_MS } from '../calls/call-control-time';
import { callsFeature } from '../calls/calls.feature';
import { call as callSnapshot } from '../testing/snapshots';
import * as captionsEffects from './captions.effects';
import { captionsFeature } from './captions.feature';
import { LiveCaptionsPanelActions } from './live-captions-panel.actions';
import { RecordingNoticeActions } from './recording-notice.actions';

/**
 * The emulator's calls have no captions or recording in this slice of it, so the SDK's side is a
 * hand-made call in the registry: its captions take a request, then come on when the test says.
 */
function onACall() {
  const clock = new ManualScheduler(0);
  TestBed.configureTestingModule({
    providers: [
      provideStore(
        {},
        { runtimeChecks: { strictStateSerializability: true, strictActionSerializability: true } },
      ),
      provideState(callsFeature),
      provideState(captionsFeature),
      provideEffects(captionsEffects),
      { provide: CALL_CONTROL_SCHEDULER, useValue: clock },
    ],
  });
  const store = TestBed.inject(Store);
  const registry = TestBed.inject(CallRegistry);
  const call = new FakeCall('c');
  registry.setClient({} as CallClient, { Features: FAKE_FEATURES } as unknown as CallingValues);
  registry.addCall(call as unknown as TeamsCall);
  store.dispatch(CallingSdkEvents.callAdded({ call: callSnapshot('c', { isMuted: true }) }));
  const captions = () => store.selectSignal(captionsFeature.selectEntities)()['c'];
  const entry = () => store.selectSignal(callsFeature.selectEntities)()['c'];
  return { store, clock, call, teamsCaptions: call.features.Captions.captions, captions, entry };
}

/** Lets the SDK's promises and what follows them run, without moving any clock. */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

describe('captions and consent effects', () => {
  it('starts captions, and says they are on only once the SDK does', async () => {
    const { store, teamsCaptions, captions } = onACall();
    store.dispatch(LiveCaptionsPanelActions.startCaptionsClicked({ callId: 'c' }));
    await settle();
    expect(teamsCaptions.requests).toEqual(['start']);
    expect(captions()).toEqual(jasmine.objectContaining({ active: false, captionsPending: 'startCaptions' }));

    teamsCaptions.turn(true);
    await settle();
    expect(captions()).toEqual(
      jasmine.objectContaining({ active: true, captionsPending: null, captionsFailure: null }),
    );
    expect(teamsCaptions.listenerCount).toBe(0);
  });

  it('stops captions once the SDK says they are off', async () => {
    const { store, teamsCaptions, captions } = onACall();
    teamsCaptions.isCaptionsFeatureActive = true;
    store.dispatch(LiveCaptionsPanelActions.stopCaptionsClicked({ callId: 'c' }));
    await settle();
    expect(captions()?.captionsPending).toBe('stopCaptions');
    teamsCaptions.turn(false);
    await settle();
    expect(captions()).toEqual(jasmine.objectContaining({ active: false, captionsPending: null }));
  });

  it('says why captions did not start, with the SDK’s code, where the agent clicked', async () => {
    const { store, teamsCaptions, captions } = onACall();
    teamsCaptions.refusal = Object.assign(new Error('Captions are disabled by policy.'), {
      code: 403,
      subCode: 46,
    });
    store.dispatch(LiveCaptionsPanelActions.startCaptionsClicked({ callId: 'c' }));
    await settle();
    expect(captions()).toEqual(
      jasmine.objectContaining({
        active: false,
        captionsPending: null,
        captionsFailure: {
          message: 'Starting captions failed: Captions are disabled by policy.',
          code: 403,
          subCode: 46,
          operation: 'startCaptions',
        },
      }),
    );
  });

  it('gives up on captions that never come on after the controls’ time limit, letting go of its listener', async () => {
    const { store, clock, teamsCaptions, captions } = onACall();
    store.dispatch(LiveCaptionsPanelActions.startCaptionsClicked({ callId: 'c' }));
    await settle();
    expect(teamsCaptions.listenerCount).toBe(1);
    clock.advance(CONTROL_TIME_LIMIT_MS - 1);
    await settle();
    expect(captions()?.captionsPending).toBe('startCaptions');
    clock.advance(1);
    await settle();
    expect(captions()?.captionsFailure).toEqual({ ...SWITCH_ABANDONED, operation: 'startCaptions' });
    expect(teamsCaptions.listenerCount).toBe(0);
  });

  it('gives consent, and keeps the recording as the SDK then says it is', async () => {
    const { store, call, captions, entry } = onACall();
    call.features.Recording.isRecordingActive = true;
    call.features.Recording.isTeamsConsentRequired = true;
    store.dispatch(
      CallingSdkEvents.callRecordingChanged({
        id: 'c',
        recording: { isRecordingActive: true, isTeamsConsentRequired: true },
      }),
    );
    store.dispatch(RecordingNoticeActions.giveConsentClicked({ callId: 'c' }));
    expect(captions()?.consentPending).toBeTrue();
    await settle();
    expect(entry()?.recording).toEqual({ isRecordingActive: true, isTeamsConsentRequired: false });
    expect(captions()).toEqual(jasmine.objectContaining({ consentPending: false, consentFailure: null }));
  });

  it('says why consent could not be given, with the SDK’s code, the agent still asked for it', async () => {
    const { store, call, captions, entry } = onACall();
    const recording = { isRecordingActive: true, isTeamsConsentRequired: true };
    call.features.Recording.refusal = Object.assign(new Error('The service is busy.'), {
      code: 500,
      subCode: 7,
    });
    store.dispatch(CallingSdkEvents.callRecordingChanged({ id: 'c', recording }));
    store.dispatch(RecordingNoticeActions.giveConsentClicked({ callId: 'c' }));
    await settle();
    expect(captions()?.consentFailure).toEqual({
      message: 'The calling service had a problem. Try again.',
      code: 500,
      subCode: 7,
    });
    expect(entry()?.recording).toEqual(recording);
  });
});
