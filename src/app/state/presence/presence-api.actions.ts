import { createActionGroup, emptyProps, props } from '@ngrx/store';
import type { AgentPresence, TeamsPresence } from '../../model/agent-presence';
import type { Failure } from '../../model/failure';

/** What Microsoft Graph answered when the console set or cleared the agent's Teams presence. */
export const PresenceApiActions = createActionGroup({
  source: 'Presence API',
  events: {
    'Presence Set': props<{ state: AgentPresence; presence: TeamsPresence }>(),
    'Presence Cleared': emptyProps(),
    'Presence Failed': props<{ failure: Failure }>(),
  },
});
