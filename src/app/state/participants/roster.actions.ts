import { createActionGroup, props } from '@ngrx/store';
import type { Failure } from '../../model/failure';

/** What the agent can do to one participant of a call. */
export type ParticipantOperation = 'muteParticipant' | 'removeParticipant';

export const RosterActions = createActionGroup({
  source: 'Roster',
  events: {
    'Mute Clicked': props<{ callId: string; participantId: string }>(),
    'Remove Clicked': props<{ callId: string; participantId: string }>(),
    'Mute All Others Clicked': props<{ callId: string }>(),
  },
});

export const RosterApiActions = createActionGroup({
  source: 'Calling API',
  events: {
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
  },
});

/** What the organization's directory said about the people in calls. */
export const DirectoryApiActions = createActionGroup({
  source: 'Directory API',
  events: {
    /** A Teams user the SDK gave no name (it never names Teams users) has one in the directory. */
    'Participant Named': props<{ participantId: string; displayName: string }>(),
  },
});
