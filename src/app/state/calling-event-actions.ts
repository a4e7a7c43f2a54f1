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
type DominantSpeakersChanged = CallingEvent<'callDominantSpeakersChanged'>;
/** What a speaker storm raises: coalesced per frame into one action (`perFrameAction`). */
export type PerFrameEvent = ParticipantChanged | DominantSpeakersChanged;

export const isPerFrameEvent = (event: CallingEvent): event is PerFrameEvent =>
  event.type === 'participantChanged' || event.type === 'callDominantSpeakersChanged';

/** A participant's changes by participant; a call's dominant speakers by call (the last list wins). */
export const perFrameKey = (event: PerFrameEvent): string =>
  event.type === 'participantChanged' ? participantChangeKey(event) : event.id;

export const mergePerFrame = (previous: PerFrameEvent, next: PerFrameEvent): PerFrameEvent =>
  previous.type === 'participantChanged' && next.type === 'participantChanged'
    ? mergeParticipantChange(previous, next)
    : next;

/**
 * One frame's events as one action: `Participants Changed` with the dominant speakers folded in;
 * a frame with nothing but one call's dominant speakers is that call's own action, as before.
 */
export function perFrameAction(batch: readonly PerFrameEvent[]): Action {
  const changes = batch.filter((event): event is ParticipantChanged => event.type === 'participantChanged');
  const dominant = batch.filter(
    (event): event is DominantSpeakersChanged => event.type === 'callDominantSpeakersChanged',
  );
  if (changes.length === 0 && dominant.length === 1) return toCallingSdkAction(dominant[0]);
  return CallingSdkEvents.participantsChanged({
    changes: changes.map(toParticipantChange),
    ...(dominant.length > 0 && {
      dominantSpeakers: dominant.map(({ id, dominantSpeakers }) => ({ id, dominantSpeakers })),
    }),
  });
}

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
