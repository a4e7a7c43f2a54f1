import { createActionGroup, props } from '@ngrx/store';

/** The transfer controls in the active call panel while the agent consults (`callId`: the caller's call). */
export const TransferPanelActions = createActionGroup({
  source: 'Transfer Panel',
  events: {
    'Complete Transfer Clicked': props<{ callId: string }>(),
    'Conference Clicked': props<{ callId: string }>(),
    'Cancel Transfer Clicked': props<{ callId: string }>(),
    /** What became of a transfer is put away. */
    'Transfer Notice Dismissed': props<{ callId: string }>(),
  },
});
