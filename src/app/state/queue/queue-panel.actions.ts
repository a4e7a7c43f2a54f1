import { createActionGroup, props } from '@ngrx/store';

export const QueuePanelActions = createActionGroup({
  source: 'Queue Panel',
  events: {
    'Accept Clicked': props<{ id: string }>(),
    'Reject Clicked': props<{ id: string }>(),
  },
});
