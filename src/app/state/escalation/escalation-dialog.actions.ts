import { createActionGroup, props } from '@ngrx/store';
import type { DialTarget } from '../../model/dial-target';

/** The Escalate dialog: Teams users from the directory and typed numbers, one Confirm. */
export const EscalationDialogActions = createActionGroup({
  source: 'Escalation Dialog',
  events: {
    'Confirm Clicked': props<{ callId: string; targets: DialTarget[] }>(),
  },
});
