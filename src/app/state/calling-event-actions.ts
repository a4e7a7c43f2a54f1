import type { Action } from '@ngrx/store';
import type { CallingEvent, CallingEventPayloads } from '../calling/calling-events';
import { CallingSdkEvents, type DirectCallingEventType, type ParticipantChange } from './calling-sdk.actions';

/**
 * Each direct event's creator, under the bridge's own name and taking the event's payload: an event
 * without its action, or with another payload, does not compile.
 */
const creators: {
  readonly [K in DirectCallingEventType]: (payload: CallingEventPayloads[K]) => Action;
} = CallingSdkEvents;

/** The "Calling SDK" action for a bridge event: the event's payload, under its kind's action. */
export function toCallingSdkAction(event: CallingEvent<DirectCallingEventType>): Action {
  const { type, ...payload } = event;
  return (creators[type] as (payload: object) => Action)(payload);
}

type ParticipantChanged = CallingEvent<'participantChanged'>;

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
