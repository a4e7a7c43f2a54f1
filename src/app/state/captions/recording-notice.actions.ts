import { createActionGroup, props } from '@ngrx/store';

/** The notice on the active call that it is being recorded, asking for the agent's consent. */
export const RecordingNoticeActions = createActionGroup({
  source: 'Recording Notice',
  events: {
    'Give Consent Clicked': props<{ callId: string }>(),
  },
});
