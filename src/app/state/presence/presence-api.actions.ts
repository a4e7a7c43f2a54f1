import { createActionGroup, emptyProps, props } from '@ngrx/store';
import type { AgentPresence, TeamsPresence } from '../../model/agent-presence';
import type { Failure } from '../../model/failure';

/** What Microsoft Graph answered when the console set or cleared the agent's Teams presence. */
export const PresenceApiActions = createActionGroup({
  source: 'Presence API',
  events: {
    /** `seen`: the user's presence as Teams shows it, read back (null when it could not be read). */
    'Presence Set': props<{ state: AgentPresence; presence: TeamsPresence; seen: TeamsPresence | null }>(),
    'Presence Cleared': emptyProps(),
    'Presence Failed': props<{ failure: Failure }>(),
  },
});
