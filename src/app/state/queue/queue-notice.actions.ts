import { createActionGroup, props } from '@ngrx/store';

/** The note at the queue's top ("Another agent answered this call."): it has said its piece. */
export const QueueNoticeActions = createActionGroup({
  source: 'Queue Notice',
  events: {
    Expired: props<{ id: string }>(),
  },
});
