import type { CallState, RemoteParticipantState } from '@azure/communication-calling';

/**
 * Call and participant states in words for the agent (docs/architecture.md, call states).
 * EarlyMedia is telephony's name for sound before an answer (a ringback tone, a network's
 * announcement): the agent hears it as ringing with sound, so that is what it says.
 */
const CALL_STATE_LABELS: Record<CallState, string> = {
  None: 'Starting',
  Connecting: 'Connecting',
  Ringing: 'Ringing',
  EarlyMedia: 'Ringing, with audio from their line',
  Connected: 'Connected',
  LocalHold: 'On hold',
  RemoteHold: 'Held by the other side',
  InLobby: 'Waiting in the lobby',
  Disconnecting: 'Hanging up',
  Disconnected: 'Ended',
};

const PARTICIPANT_STATE_LABELS: Record<RemoteParticipantState, string> = {
  Idle: 'Not called yet',
  Connecting: 'Connecting',
  Ringing: 'Ringing',
  EarlyMedia: 'Ringing, with audio from their line',
  Connected: 'Connected',
  Hold: 'On hold',
  InLobby: 'In the lobby',
  Disconnected: 'Left',
};

/**
 * The colour a state's chip takes; the chip always says the state in words too. `live`: media
 * flows; `waiting`: on the way to connecting (or waiting to be let in); `held`: on hold, either
 * side; `ended`: hanging up or gone.
 */
export type StateTone = 'live' | 'waiting' | 'held' | 'ended';

const CALL_STATE_TONES: Record<CallState, StateTone> = {
  None: 'waiting',
  Connecting: 'waiting',
  Ringing: 'waiting',
  EarlyMedia: 'waiting',
  InLobby: 'waiting',
  Connected: 'live',
  LocalHold: 'held',
  RemoteHold: 'held',
  Disconnecting: 'ended',
  Disconnected: 'ended',
};

const PARTICIPANT_STATE_TONES: Record<RemoteParticipantState, StateTone> = {
  Idle: 'waiting',
  Connecting: 'waiting',
  Ringing: 'waiting',
  EarlyMedia: 'waiting',
  InLobby: 'waiting',
  Connected: 'live',
  Hold: 'held',
  Disconnected: 'ended',
};

export const CALL_STATES = Object.keys(CALL_STATE_LABELS) as CallState[];
export const PARTICIPANT_STATES = Object.keys(PARTICIPANT_STATE_LABELS) as RemoteParticipantState[];

export function callStateLabel(state: CallState): string {
  return CALL_STATE_LABELS[state];
}

export function participantStateLabel(state: RemoteParticipantState): string {
  return PARTICIPANT_STATE_LABELS[state];
}

export function callStateTone(state: CallState): StateTone {
  return CALL_STATE_TONES[state];
}

export function participantStateTone(state: RemoteParticipantState): StateTone {
  return PARTICIPANT_STATE_TONES[state];
}
