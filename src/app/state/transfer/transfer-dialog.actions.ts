import { createActionGroup, props } from '@ngrx/store';
import type { TransferDestination } from '../../model/transfer-destination';
import type { DialTarget } from '../../model/dial-target';

/** The Transfer dialog: one destination, handed on at once or consulted first. */
export const TransferDialogActions = createActionGroup({
  source: 'Transfer Dialog',
  events: {
    /** Cold: the call goes to a person, a number or a queue now (`callerName`: who is handed on). */
    'Transfer Now Clicked': props<{ callId: string; callerName: string; destination: TransferDestination }>(),
    /** Warm: the caller is held and the agent calls the target first. */
    'Consult First Clicked': props<{ callId: string; callerName: string; target: DialTarget }>(),
  },
});
