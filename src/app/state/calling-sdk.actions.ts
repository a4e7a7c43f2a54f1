import type { CallState, ConnectionState } from '@azure/communication-calling';
import { createActionGroup, props } from '@ngrx/store';
import type { Failure } from '../calling/calling-codes';
import type { ParticipantChanges } from '../calling/calling-events';
import type {
  CallSnapshot,
  EndReason,
  IncomingCallSnapshot,
  ParticipantSnapshot,
} from '../calling/snapshots';

export interface ParticipantChange {
  readonly callId: string;
  readonly participantId: string;
  readonly changes: ParticipantChanges;
}

/** What the Calling SDK reported: events, in the order they happened. */
export const CallingSdkEvents = createActionGroup({
  source: 'Calling SDK',
  events: {
    'Agent Ready': props<{ connectionState: ConnectionState }>(),
    'Agent Failed': props<{ failure: Failure }>(),
    'Connection State Changed': props<{ connectionState: ConnectionState }>(),
    'Incoming Call Received': props<{ incomingCall: IncomingCallSnapshot }>(),
    'Incoming Call Ended': props<{ id: string; callEndReason: EndReason | null }>(),
    'Call Added': props<{ call: CallSnapshot }>(),
    'Call State Changed': props<{ id: string; state: CallState; at: number }>(),
    'Call Id Changed': props<{ previousId: string; id: string }>(),
    'Call Muted Changed': props<{ id: string; isMuted: boolean }>(),
    'Call Ended': props<{ id: string; callEndReason: EndReason | null; at: number }>(),
    'Participants Added': props<{ callId: string; participants: ParticipantSnapshot[] }>(),
    /** Participant changes of one animation frame, coalesced (speaker storms in large meetings). */
    'Participants Changed': props<{ changes: ParticipantChange[] }>(),
    'Participant Removed': props<{
      callId: string;
      participantId: string;
      callEndReason: EndReason | null;
    }>(),
  },
});
