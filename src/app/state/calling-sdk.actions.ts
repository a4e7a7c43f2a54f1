import type { CallState, ConnectionState, ParticipantRole } from '@azure/communication-calling';
import { createActionGroup, props } from '@ngrx/store';
import type { Failure } from '../model/failure';
import type { ParticipantChanges } from '../calling/calling-events';
import type {
  CallCapabilities,
  CallSnapshot,
  ConversationKind,
  EndReason,
  IncomingCallSnapshot,
  ParticipantSnapshot,
} from '../model/snapshots';

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
    'Call Muted By Others': props<{ id: string; at: number }>(),
    'Call Conversation Changed': props<{ id: string; kind: ConversationKind; threadId: string | null }>(),
    'Call Role Changed': props<{ id: string; role: ParticipantRole }>(),
    'Call Local Video Changed': props<{ id: string; isLocalVideoStarted: boolean }>(),
    /** The capabilities that changed; the others stay as they were. */
    'Call Capabilities Changed': props<{ id: string; capabilities: CallCapabilities }>(),
    'Call Dominant Speakers Changed': props<{ id: string; dominantSpeakers: readonly string[] }>(),
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
