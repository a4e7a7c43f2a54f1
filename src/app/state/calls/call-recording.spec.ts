import type { Action } from '@ngrx/store';
import { CallingSdkEvents } from '../calling-sdk.actions';
import { RecordingApiActions } from '../captions/recording-api.actions';
import { participantsFeature } from '../participants/participants.feature';
import { call } from '../testing/snapshots';
import { CONSENT_REASON, selectActiveCallCardViewModel } from './active-call-card.view-model';
import { callsFeature } from './calls.feature';

function cardAfter(...actions: Action[]) {
  return selectActiveCallCardViewModel({
    calls: actions.reduce(callsFeature.reducer, callsFeature.reducer(undefined, { type: 'init' })),
    participants: participantsFeature.reducer(undefined, { type: 'init' }),
  })!;
}

const added = CallingSdkEvents.callAdded({ call: call('c', { isMuted: true }) });
const recorded = (isTeamsConsentRequired: boolean) =>
  CallingSdkEvents.callRecordingChanged({
    id: 'c',
    recording: { isRecordingActive: true, isTeamsConsentRequired },
  });

describe('a recorded call', () => {
  it('is not recorded until the SDK says so', () => {
    expect(cardAfter(added).recording).toEqual({ active: false, consentRequired: false });
    expect(cardAfter(added).microphone).toEqual({
      action: 'unmute',
      enabled: true,
      interactive: false,
      reason: null,
    });
  });

  it('keeps Unmute disabled, saying why, while Teams waits for the agent’s consent', () => {
    const card = cardAfter(added, recorded(true));
    expect(card.recording).toEqual({ active: true, consentRequired: true });
    expect(card.microphone).toEqual({
      action: 'unmute',
      enabled: false,
      interactive: true,
      reason: CONSENT_REASON,
    });
  });

  it('lets the agent unmute once consent is given, the recording still on', () => {
    const consented = RecordingApiActions.consentGiven({
      callId: 'c',
      recording: { isRecordingActive: true, isTeamsConsentRequired: false },
    });
    const card = cardAfter(added, recorded(true), consented);
    expect(card.recording).toEqual({ active: true, consentRequired: false });
    expect(card.microphone.enabled).toBeTrue();
    expect(cardAfter(added, recorded(false)).microphone.reason).toBeNull();
  });
});
