import type { DtmfTone } from '@azure/communication-calling';
import { createActionGroup, props } from '@ngrx/store';
import type { CallOperation } from '../calling/calling-codes';
import type { Failure } from '../model/failure';

/** What the agent can do to one participant of a call. */
export type ParticipantOperation = 'muteParticipant' | 'removeParticipant';

/** How the operations the console asked of the Calling SDK turned out. */
export const CallingApiActions = createActionGroup({
  source: 'Calling API',
  events: {
    // The queue's ringing calls.
    'Accept Succeeded': props<{ id: string }>(),
    'Accept Failed': props<{ id: string; failure: Failure }>(),
    'Reject Succeeded': props<{ id: string }>(),
    'Reject Failed': props<{ id: string; failure: Failure }>(),
    // A call's controls.
    'Call Operation Succeeded': props<{ callId: string; operation: CallOperation }>(),
    'Call Operation Failed': props<{ callId: string; operation: CallOperation; failure: Failure }>(),
    // The keypad.
    'Dtmf Tone Sent': props<{ callId: string; tone: DtmfTone }>(),
    'Dtmf Tone Failed': props<{ callId: string; tone: DtmfTone; failure: Failure }>(),
    // The roster.
    'Participant Operation Succeeded': props<{
      callId: string;
      participantId: string;
      operation: ParticipantOperation;
    }>(),
    'Participant Operation Failed': props<{
      callId: string;
      participantId: string;
      operation: ParticipantOperation;
      failure: Failure;
    }>(),
    // Placing calls, joining meetings and adding participants (the line's controls).
    'Call Placed': props<{ callId: string }>(),
    'Place Call Failed': props<{ failure: Failure }>(),
    'Meeting Joined': props<{ callId: string }>(),
    'Join Meeting Failed': props<{ failure: Failure }>(),
  },
});
