import type { Failure } from '../../model/failure';
import { startVideo, stopVideo } from '../../calling/call-video';
import { removeParticipant } from '../../calling/roster';
import { CallingApiActions, type ParticipantOperation } from '../calling-api.actions';
import { ActiveCallPanelActions } from './active-call-panel.actions';
import { DtmfKeypadActions } from './dtmf-keypad.actions';
import { RosterActions } from '../participants/roster.actions';
import { attempt, callOperationOutcome, control, type ControlEntry } from './call-control';

function participantOutcome(callId: string, participantId: string, operation: ParticipantOperation) {
  return {
    succeeded: () => CallingApiActions.participantOperationSucceeded({ callId, participantId, operation }),
    failed: (failure: Failure) =>
      CallingApiActions.participantOperationFailed({ callId, participantId, operation, failure }),
  };
}

/** The roster's Mute, Remove and Mute all others; the DTMF keypad; the camera. */
export const activeCallControls: readonly ControlEntry[] = [
  control(RosterActions.muteClicked, ({ callId, participantId }, { registry }) => ({
    run: () => attempt('muteParticipant', () => registry.participant(callId, participantId).mute()),
    ...participantOutcome(callId, participantId, 'muteParticipant'),
  })),
  control(RosterActions.removeClicked, ({ callId, participantId }, { registry }) => ({
    run: () => attempt('removeParticipant', () => removeParticipant(registry, callId, participantId)),
    ...participantOutcome(callId, participantId, 'removeParticipant'),
  })),
  control(RosterActions.muteAllOthersClicked, ({ callId }, { registry }) => ({
    run: () => attempt('muteAllRemoteParticipants', () => registry.call(callId).muteAllRemoteParticipants()),
    ...callOperationOutcome(callId, 'muteAllRemoteParticipants'),
  })),
  control(DtmfKeypadActions.tonePressed, ({ callId, tone }, { registry }) => ({
    run: () => attempt('sendDtmf', () => registry.call(callId).sendDtmf(tone)),
    succeeded: () => CallingApiActions.dtmfToneSent({ callId, tone }),
    failed: (failure) => CallingApiActions.dtmfToneFailed({ callId, tone, failure }),
  })),
  control(ActiveCallPanelActions.startVideoClicked, ({ callId }, { registry, cameraId }) => ({
    run: () => attempt('startVideo', () => startVideo(registry, callId, cameraId?.() ?? null)),
    ...callOperationOutcome(callId, 'startVideo'),
  })),
  control(ActiveCallPanelActions.stopVideoClicked, ({ callId }, { registry }) => ({
    run: () => attempt('stopVideo', () => stopVideo(registry, callId)),
    ...callOperationOutcome(callId, 'stopVideo'),
  })),
];
