import { createActionGroup, props } from '@ngrx/store';

export const HeldCallsPanelActions = createActionGroup({
  source: 'Held Calls Panel',
  events: {
    'Resume Clicked': props<{ callId: string }>(),
  },
});
