import type { Action } from '@ngrx/store';
import type { CallingEvent } from '../calling/calling-events';
import { CallingSdkEvents, type ParticipantChange } from './calling-sdk.actions';

/** The "Calling SDK" action for each bridge event (participant changes go through coalescing). */
export function toCallingSdkAction(event: Exclude<CallingEvent, { type: 'participantChanged' }>): Action {
  switch (event.type) {
    case 'agentReady':
      return CallingSdkEvents.agentReady({ connectionState: event.connectionState });
    case 'agentConnectionStateChanged':
      return CallingSdkEvents.connectionStateChanged({ connectionState: event.connectionState });
    case 'incomingCallReceived':
      return CallingSdkEvents.incomingCallReceived({ incomingCall: event.incomingCall });
    case 'incomingCallEnded':
      return CallingSdkEvents.incomingCallEnded({ id: event.id, callEndReason: event.callEndReason });
    case 'callAdded':
      return CallingSdkEvents.callAdded({ call: event.call });
    case 'callStateChanged':
      return CallingSdkEvents.callStateChanged({ id: event.id, state: event.state, at: event.at });
    case 'callIdChanged':
      return CallingSdkEvents.callIdChanged({ previousId: event.previousId, id: event.id });
    case 'callMutedChanged':
      return CallingSdkEvents.callMutedChanged({ id: event.id, isMuted: event.isMuted });
    case 'callMutedByOthers':
      return CallingSdkEvents.callMutedByOthers({ id: event.id, at: event.at });
    case 'callConversationChanged':
      return CallingSdkEvents.callConversationChanged({
        id: event.id,
        kind: event.kind,
        threadId: event.threadId,
      });
    case 'callRoleChanged':
      return CallingSdkEvents.callRoleChanged({ id: event.id, role: event.role });
    case 'callLocalVideoChanged':
      return CallingSdkEvents.callLocalVideoChanged({
        id: event.id,
        isLocalVideoStarted: event.isLocalVideoStarted,
      });
    case 'callCapabilitiesChanged':
      return CallingSdkEvents.callCapabilitiesChanged({ id: event.id, capabilities: event.capabilities });
    case 'callDominantSpeakersChanged':
      return CallingSdkEvents.callDominantSpeakersChanged({
        id: event.id,
        dominantSpeakers: event.dominantSpeakers,
      });
    case 'callEnded':
      return CallingSdkEvents.callEnded({ id: event.id, callEndReason: event.callEndReason, at: event.at });
    case 'participantsAdded':
      return CallingSdkEvents.participantsAdded({ callId: event.callId, participants: event.participants });
    case 'participantRemoved':
      return CallingSdkEvents.participantRemoved({
        callId: event.callId,
        participantId: event.participantId,
        callEndReason: event.callEndReason,
      });
  }
}

type ParticipantChanged = Extract<CallingEvent, { type: 'participantChanged' }>;

/** Participant changes coalesce per participant of a call: a speaker toggling ten times in a frame is one update. */
export const participantChangeKey = ({ callId, participantId }: ParticipantChanged): string =>
  `${callId}|${participantId}`;

/** Later changes win, field by field. */
export function mergeParticipantChange(
  previous: ParticipantChanged,
  next: ParticipantChanged,
): ParticipantChanged {
  return { ...next, changes: { ...previous.changes, ...next.changes } };
}

export function toParticipantChange({
  callId,
  participantId,
  changes,
}: ParticipantChanged): ParticipantChange {
  return { callId, participantId, changes };
}
