import { createActionGroup, props } from '@ngrx/store';

export const LiveCaptionsPanelActions = createActionGroup({
  source: 'Live Captions Panel',
  events: {
    'Start Captions Clicked': props<{ callId: string }>(),
    'Stop Captions Clicked': props<{ callId: string }>(),
  },
});
