import { createActionGroup, props } from '@ngrx/store';

/** The supervisor's floor panels: requests, agents and their calls. */
export const SupervisorFloorPageActions = createActionGroup({
  source: 'Supervisor Floor Page',
  events: {
    /** Join an agent's call: answering their request (`requestId`), or from the floor (null). */
    'Join Clicked': props<{ agentId: string; callKey: string; requestId: string | null }>(),
    /** Turn a request down: its card closes on this console only. */
    'Decline Clicked': props<{ requestId: string }>(),
  },
});
