import { createActionGroup, props } from '@ngrx/store';
import type { AgentPresence } from '../../model/agent-presence';
import type { Party } from '../../model/snapshots';

/** What the console's presence rules saw: the state it entered, a queue call that rang out here. */
export const AgentPresenceActions = createActionGroup({
  source: 'Agent Presence',
  events: {
    /** The effective state changed (a call, after-call work, or the agent's choice); `at`: epoch ms. */
    'State Entered': props<{ state: AgentPresence; at: number }>(),
    /** A queue call rang out unanswered while the agent was Available: they are set Away. */
    'Missed Call Set Away': props<{ caller: Party; queue: string | null }>(),
  },
});
