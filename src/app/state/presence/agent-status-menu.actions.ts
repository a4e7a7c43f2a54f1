import { createActionGroup, props } from '@ngrx/store';
import type { ChosenPresence } from '../../model/agent-presence';

/** The status button's menu in the shell's toolbar. */
export const AgentStatusMenuActions = createActionGroup({
  source: 'Agent Status Menu',
  events: {
    /** During a call or after-call work it is the state for after it; otherwise the state now. */
    'Status Chosen': props<{ status: ChosenPresence }>(),
  },
});
