/**
 * The agent's state as the floor and the call queues see it. The agent chooses Available, Away and
 * Offline; On a call and After-call work follow their calls. In Teams a call queue with
 * presence-based routing rings only agents whose Teams presence is Available, so each state is a
 * Teams presence the console sets for its session (Graph `setPresence`); Offline clears the session.
 */
export type AgentPresence = 'available' | 'onCall' | 'afterCallWork' | 'away' | 'offline';

/** The states an agent picks; the others follow their calls. */
export type ChosenPresence = Extract<AgentPresence, 'available' | 'away' | 'offline'>;

export const AGENT_PRESENCE_WORDS: Readonly<Record<AgentPresence, string>> = {
  available: 'Available',
  onCall: 'On a call',
  afterCallWork: 'After-call work',
  away: 'Away',
  offline: 'Offline',
};

/** A Teams presence: Graph's `availability` / `activity` pair. */
export interface TeamsPresence {
  readonly availability: string;
  readonly activity: string;
}

/** The Teams presence each state sets; Offline clears the console's presence session instead. */
export const TEAMS_PRESENCE: Readonly<Record<Exclude<AgentPresence, 'offline'>, TeamsPresence>> = {
  available: { availability: 'Available', activity: 'Available' },
  onCall: { availability: 'Busy', activity: 'InACall' },
  afterCallWork: { availability: 'Away', activity: 'Away' },
  away: { availability: 'Away', activity: 'Away' },
};
