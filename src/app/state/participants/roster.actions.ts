import { createActionGroup, props } from '@ngrx/store';

export const RosterActions = createActionGroup({
  source: 'Roster',
  events: {
    'Mute Clicked': props<{ callId: string; participantId: string }>(),
    'Remove Clicked': props<{ callId: string; participantId: string }>(),
    'Mute All Others Clicked': props<{ callId: string }>(),
  },
});
