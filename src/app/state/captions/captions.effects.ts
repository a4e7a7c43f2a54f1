import { inject } from '@angular/core';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { mergeMap, takeUntil } from 'rxjs/operators';
import { CallRegistry } from '../../calling/call-registry';
import { startCaptions, stopCaptions } from '../../calling/live-captions';
import { grantRecordingConsent } from '../../calling/recording-consent';
import type { RecordingSnapshot } from '../../model/snapshots';
import { ShellActions } from '../agent/shell.actions';
import { attempt, carryOut, type Control } from '../calls/call-control';
import { CALL_CONTROL_SCHEDULER } from '../calls/call-control-time';
import { CaptionsApiActions } from './captions-api.actions';
import { LiveCaptionsPanelActions } from './live-captions-panel.actions';
import { RecordingApiActions } from './recording-api.actions';
import { RecordingNoticeActions } from './recording-notice.actions';

type Click =
  | ReturnType<typeof LiveCaptionsPanelActions.startCaptionsClicked>
  | ReturnType<typeof LiveCaptionsPanelActions.stopCaptionsClicked>
  | ReturnType<typeof RecordingNoticeActions.giveConsentClicked>;

function controlFor(click: Click, registry: CallRegistry): Control {
  const { callId } = click;
  switch (click.type) {
    case LiveCaptionsPanelActions.startCaptionsClicked.type:
      return {
        run: ({ signal }) => attempt('startCaptions', () => startCaptions(registry, callId, signal)),
        succeeded: () => CaptionsApiActions.captionsStarted({ callId }),
        failed: (failure) =>
          CaptionsApiActions.captionsFailed({ callId, operation: 'startCaptions', failure }),
      };
    case LiveCaptionsPanelActions.stopCaptionsClicked.type:
      return {
        run: ({ signal }) => attempt('stopCaptions', () => stopCaptions(registry, callId, signal)),
        succeeded: () => CaptionsApiActions.captionsStopped({ callId }),
        failed: (failure) =>
          CaptionsApiActions.captionsFailed({ callId, operation: 'stopCaptions', failure }),
      };
    case RecordingNoticeActions.giveConsentClicked.type: {
      let recording: RecordingSnapshot | null = null;
      return {
        run: () =>
          attempt('grantTeamsConsent', async () => {
            recording = await grantRecordingConsent(registry, callId);
          }),
        succeeded: () => RecordingApiActions.consentGiven({ callId, recording: recording! }),
        failed: (failure) => RecordingApiActions.consentFailed({ callId, failure }),
      };
    }
  }
}

/**
 * Starting and stopping captions and giving consent, each reported where the agent clicked. They
 * run beside the line of call controls, not in it: captions may take a while to come on, and Hang
 * up must not wait for them. Each has the controls' time limit; sign-out drops what is left.
 */
export const captionsControls$ = createEffect(
  (actions$ = inject(Actions), registry = inject(CallRegistry), scheduler = inject(CALL_CONTROL_SCHEDULER)) =>
    actions$.pipe(
      ofType(
        LiveCaptionsPanelActions.startCaptionsClicked,
        LiveCaptionsPanelActions.stopCaptionsClicked,
        RecordingNoticeActions.giveConsentClicked,
      ),
      mergeMap((click) =>
        carryOut(controlFor(click, registry), scheduler).pipe(
          takeUntil(actions$.pipe(ofType(ShellActions.signOutClicked))),
        ),
      ),
    ),
  { functional: true },
);
