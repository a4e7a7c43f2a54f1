import { createActionGroup, props } from '@ngrx/store';
import type { DialTarget } from '../../model/dial-target';

export const AddParticipantDialogActions = createActionGroup({
  source: 'Add Participant Dialog',
  events: {
    'Add Clicked': props<{ callId: string; target: DialTarget }>(),
  },
});
