import type { Action } from '@ngrx/store';
import type { CaptionSnapshot, Party } from '../../model/snapshots';
import { ShellActions } from '../agent/shell.actions';
import { CallingSdkEvents } from '../calling-sdk.actions';
import { dana } from '../testing/snapshots';
import { CaptionsApiActions } from './captions-api.actions';
import { CAPTION_LINES_KEPT, captionsFeature, type CallCaptions } from './captions.feature';
import { LiveCaptionsPanelActions } from './live-captions-panel.actions';
import { RecordingApiActions } from './recording-api.actions';
import { RecordingNoticeActions } from './recording-notice.actions';

const drew: Party = {
  identity: { kind: 'microsoftTeamsUser', rawId: '8:orgid:drew' },
  displayName: 'Drew Lee',
};

function said(speaker: Party, text: string, resultType: 'Partial' | 'Final' = 'Partial'): Action {
  const caption: CaptionSnapshot = { speaker, text, resultType, spokenAt: 1_000, language: 'en-us' };
  return CallingSdkEvents.captionReceived({ callId: 'c', caption });
}

function captionsAfter(...actions: Action[]): CallCaptions | undefined {
  const state = actions.reduce(captionsFeature.reducer, captionsFeature.reducer(undefined, { type: 'init' }));
  return state.entities['c'];
}

const transcript = (captions: CallCaptions | undefined) =>
  captions?.lines.map((line) => `${line.speaker.displayName}: ${line.text}${line.final ? '' : ' …'}`);

describe('captions reducer', () => {
  it('replaces a speaker’s partial result with their next one, and keeps each final', () => {
    const captions = captionsAfter(
      CallingSdkEvents.callCaptionsActiveChanged({ id: 'c', active: true }),
      said(dana, 'my card'),
      said(dana, 'my card number is'),
      said(dana, 'my card number is 4111', 'Final'),
      said(dana, 'thanks'),
    );
    expect(captions?.active).toBeTrue();
    expect(transcript(captions)).toEqual(['Dana Smith: my card number is 4111', 'Dana Smith: thanks …']);
  });

  it('keeps each speaker’s line in progress in its place while another speaks', () => {
    const captions = captionsAfter(
      said(dana, 'I was'),
      said(drew, 'Let me'),
      said(dana, 'I was billed twice', 'Final'),
      said(drew, 'Let me check that'),
    );
    expect(transcript(captions)).toEqual(['Dana Smith: I was billed twice', 'Drew Lee: Let me check that …']);
  });

  it('keeps the latest lines of a long call', () => {
    const finals = Array.from({ length: CAPTION_LINES_KEPT + 2 }, (_, i) => said(dana, `line ${i}`, 'Final'));
    const lines = captionsAfter(...finals)!.lines;
    expect(lines.length).toBe(CAPTION_LINES_KEPT);
    expect(lines.at(-1)?.text).toBe(`line ${CAPTION_LINES_KEPT + 1}`);
  });

  it('forgets a call’s captions when it ends, and everything at sign-out', () => {
    const words = [CallingSdkEvents.callCaptionsActiveChanged({ id: 'c', active: true }), said(dana, 'hi')];
    const end = CallingSdkEvents.callEnded({ id: 'c', callEndReason: { code: 0, subCode: 0 }, at: 2_000 });
    expect(captionsAfter(...words, end)).toBeUndefined();
    expect(captionsAfter(...words, ShellActions.signOutClicked())).toBeUndefined();
  });

  it('follows the call when the SDK gives it a new id', () => {
    const state = [said(dana, 'hi'), CallingSdkEvents.callIdChanged({ previousId: 'c', id: 'd' })].reduce(
      captionsFeature.reducer,
      captionsFeature.reducer(undefined, { type: 'init' }),
    );
    expect(state.ids).toEqual(['d']);
    expect(state.entities['d']?.lines.length).toBe(1);
  });

  it('waits for the SDK to say captions are on, and keeps a failure with its operation', () => {
    const clicked = LiveCaptionsPanelActions.startCaptionsClicked({ callId: 'c' });
    expect(captionsAfter(clicked)).toEqual(jasmine.objectContaining({ captionsPending: 'startCaptions' }));
    expect(
      captionsAfter(clicked, CallingSdkEvents.callCaptionsActiveChanged({ id: 'c', active: true })),
    ).toEqual(jasmine.objectContaining({ active: true, captionsPending: null }));
    const failure = { message: 'Starting captions failed.', code: 403, subCode: 46 };
    const failed = captionsAfter(
      clicked,
      CaptionsApiActions.captionsFailed({ callId: 'c', operation: 'startCaptions', failure }),
    );
    expect(failed).toEqual(
      jasmine.objectContaining({
        active: false,
        captionsPending: null,
        captionsFailure: { ...failure, operation: 'startCaptions' },
      }),
    );
    // Clicking again clears the old failure.
    expect(
      captionsAfter(
        clicked,
        CaptionsApiActions.captionsFailed({ callId: 'c', operation: 'startCaptions', failure }),
        LiveCaptionsPanelActions.stopCaptionsClicked({ callId: 'c' }),
      )?.captionsFailure,
    ).toBeNull();
  });

  it('keeps a failed consent until the agent tries again, and changes nothing for a call that ended', () => {
    const failure = { message: 'Giving your consent failed.', code: 500 };
    const clicked = RecordingNoticeActions.giveConsentClicked({ callId: 'c' });
    expect(captionsAfter(clicked)?.consentPending).toBeTrue();
    expect(captionsAfter(clicked, RecordingApiActions.consentFailed({ callId: 'c', failure }))).toEqual(
      jasmine.objectContaining({ consentPending: false, consentFailure: failure }),
    );
    const end = CallingSdkEvents.callEnded({ id: 'c', callEndReason: null, at: 2_000 });
    expect(
      captionsAfter(clicked, end, RecordingApiActions.consentFailed({ callId: 'c', failure })),
    ).toBeUndefined();
  });
});
