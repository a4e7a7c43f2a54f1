import { createActionGroup, props, type ActionCreatorProps } from '@ngrx/store';
import type { Failure } from '../model/failure';
import type { IncomingCallSnapshot } from '../model/snapshots';
import {
  callingEvents,
  type CallingEventPayloads,
  type CallingEventType,
  type ParticipantChanges,
} from '../calling/calling-events';

export interface ParticipantChange {
  readonly callId: string;
  readonly participantId: string;
  readonly changes: ParticipantChanges;
}

/**
 * Bridge events that reach the store batched per animation frame, not one action each
 * (`Participants Changed`, `Incoming Calls Received`).
 */
export const batchedCallingEventTypes = ['participantChanged', 'incomingCallReceived'] as const;
type BatchedCallingEventType = (typeof batchedCallingEventTypes)[number];
/** Bridge events that each become one "Calling SDK" action of the same payload. */
export type DirectCallingEventType = Exclude<CallingEventType, BatchedCallingEventType>;

/** An action's event name from the bridge's name: `callStateChanged` → `Call State Changed`. */
type CallingSdkEventName<K extends string> = Capitalize<SpacedWords<K>>;
type SpacedWords<S extends string> = S extends `${infer First}${infer Rest}`
  ? `${First extends Lowercase<First> ? First : ` ${First}`}${SpacedWords<Rest>}`
  : S;

const callingSdkEventName = <K extends string>(type: K): CallingSdkEventName<K> =>
  (type.charAt(0).toUpperCase() + type.slice(1).replace(/[A-Z]/g, ' $&')) as CallingSdkEventName<K>;

export const directCallingEventTypes = (Object.keys(callingEvents) as CallingEventType[]).filter(
  (type): type is DirectCallingEventType => !(batchedCallingEventTypes as readonly string[]).includes(type),
);

/** One event of the group per row of the bridges' table, with the row's payload. */
const fromBridges = Object.fromEntries(
  directCallingEventTypes.map((type) => [callingSdkEventName(type), props()]),
) as {
  [K in DirectCallingEventType as CallingSdkEventName<K>]: ActionCreatorProps<CallingEventPayloads[K]>;
};

/** What the Calling SDK reported: events, in the order they happened. */
export const CallingSdkEvents = createActionGroup({
  source: 'Calling SDK',
  events: {
    ...fromBridges,
    'Agent Failed': props<{ failure: Failure }>(),
    /**
     * Participant changes of one animation frame, coalesced (speaker storms in large meetings), with
     * the dominant speakers those changes led to (the last list of each call in the frame): a storm
     * is one store update a frame, not one for its speakers and another for who leads.
     */
    'Participants Changed': props<{
      changes: ParticipantChange[];
      dominantSpeakers?: { id: string; dominantSpeakers: readonly string[] }[];
    }>(),
    /** Calls that started ringing in one animation frame (a queue's burst at sign-in), oldest first. */
    'Incoming Calls Received': props<{ incomingCalls: IncomingCallSnapshot[] }>(),
  },
});
