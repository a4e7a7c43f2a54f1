import { createActionGroup, props } from '@ngrx/store';

export const ActiveCallPanelActions = createActionGroup({
  source: 'Active Call Panel',
  events: {
    'Mute Clicked': props<{ callId: string }>(),
    'Unmute Clicked': props<{ callId: string }>(),
    'Hold Clicked': props<{ callId: string }>(),
    'Hang Up Clicked': props<{ callId: string }>(),
    'Start Video Clicked': props<{ callId: string }>(),
    'Stop Video Clicked': props<{ callId: string }>(),
    'Muted Notice Dismissed': props<{ callId: string }>(),
  },
});
