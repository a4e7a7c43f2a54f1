import { createActionGroup, props } from '@ngrx/store';

export const ActiveCallPanelActions = createActionGroup({
  source: 'Active Call Panel',
  events: {
    'Mute Clicked': props<{ callId: string }>(),
    'Unmute Clicked': props<{ callId: string }>(),
    'Hold Clicked': props<{ callId: string }>(),
    'Hang Up Clicked': props<{ callId: string }>(),
  },
});

export const HeldCallsPanelActions = createActionGroup({
  source: 'Held Calls Panel',
  events: {
    'Resume Clicked': props<{ callId: string }>(),
  },
});
