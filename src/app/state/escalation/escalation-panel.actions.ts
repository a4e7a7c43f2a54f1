import { createActionGroup, props } from '@ngrx/store';

/** The escalation controls in the active call panel. */
export const EscalationPanelActions = createActionGroup({
  source: 'Escalation Panel',
  events: {
    /** One click: ask the floor for a supervisor to join this call. */
    'Ask Supervisor Clicked': props<{ callId: string }>(),
    /** The agent takes the request back before anyone joined. */
    'Ask Supervisor Cancelled': props<{ callId: string; requestId: string }>(),
    /** A finished or failed person's row is put away. */
    'Step Dismissed': props<{ callId: string; personId: string }>(),
    /** What became of asking a supervisor (failed, expired, joining) is put away. */
    'Supervisor Notice Dismissed': props<{ callId: string }>(),
  },
});
