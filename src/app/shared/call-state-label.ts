import type { CallState, RemoteParticipantState } from '@azure/communication-calling';

/** Call and participant states in words for the agent (docs/architecture.md, call states). */
const CALL_STATE_LABELS: Record<CallState, string> = {
  None: 'Starting',
  Connecting: 'Connecting',
  Ringing: 'Ringing',
  EarlyMedia: 'Early media',
  Connected: 'Connected',
  LocalHold: 'On hold',
  RemoteHold: 'Held by the other side',
  InLobby: 'In the lobby',
  Disconnecting: 'Hanging up',
  Disconnected: 'Ended',
};

const PARTICIPANT_STATE_LABELS: Record<RemoteParticipantState, string> = {
  Idle: 'Idle',
  Connecting: 'Connecting',
  Ringing: 'Ringing',
  EarlyMedia: 'Early media',
  Connected: 'Connected',
  Hold: 'On hold',
  InLobby: 'In the lobby',
  Disconnected: 'Left',
};

export function callStateLabel(state: CallState): string {
  return CALL_STATE_LABELS[state];
}

export function participantStateLabel(state: RemoteParticipantState): string {
  return PARTICIPANT_STATE_LABELS[state];
}
