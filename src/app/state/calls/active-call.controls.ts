import type { Failure } from '../../model/failure';
import { startVideo, stopVideo } from '../../calling/call-video';
import { removeParticipant } from '../../calling/roster';
import { RosterActions, RosterApiActions, type ParticipantOperation } from '../participants/roster.actions';
import { attempt, callOperationOutcome, control, type ControlEntry } from './call-control';
import { ActiveCallPanelActions, DtmfApiActions, DtmfKeypadActions } from './call-panels.actions';

function participantOutcome(callId: string, participantId: string, operation: ParticipantOperation) {
  return {
    succeeded: () => RosterApiActions.participantOperationSucceeded({ callId, participantId, operation }),
    failed: (failure: Failure) =>
      RosterApiActions.participantOperationFailed({ callId, participantId, operation, failure }),
  };
}

/** The roster's Mute, Remove and Mute all others; the DTMF keypad; the camera. */
export const activeCallControls: readonly ControlEntry[] = [
  control(RosterActions.muteClicked, ({ callId, participantId }, registry) => ({
    run: () => attempt('muteParticipant', () => registry.participant(callId, participantId).mute()),
    ...participantOutcome(callId, participantId, 'muteParticipant'),
  })),
  control(RosterActions.removeClicked, ({ callId, participantId }, registry) => ({
    run: () => attempt('removeParticipant', () => removeParticipant(registry, callId, participantId)),
    ...participantOutcome(callId, participantId, 'removeParticipant'),
  })),
  control(RosterActions.muteAllOthersClicked, ({ callId }, registry) => ({
    run: () => attempt('muteAllRemoteParticipants', () => registry.call(callId).muteAllRemoteParticipants()),
    ...callOperationOutcome(callId, 'muteAllRemoteParticipants'),
  })),
  control(DtmfKeypadActions.tonePressed, ({ callId, tone }, registry) => ({
    run: () => attempt('sendDtmf', () => registry.call(callId).sendDtmf(tone)),
    succeeded: () => DtmfApiActions.dtmfToneSent({ callId, tone }),
    failed: (failure) => DtmfApiActions.dtmfToneFailed({ callId, tone, failure }),
  })),
  control(ActiveCallPanelActions.startVideoClicked, ({ callId }, registry) => ({
    run: () => attempt('startVideo', () => startVideo(registry, callId)),
    ...callOperationOutcome(callId, 'startVideo'),
  })),
  control(ActiveCallPanelActions.stopVideoClicked, ({ callId }, registry) => ({
    run: () => attempt('stopVideo', () => stopVideo(registry, callId)),
    ...callOperationOutcome(callId, 'stopVideo'),
  })),
];
