import { createSelector } from '@ngrx/store';
import { AGENT_PRESENCE_WORDS, type AgentPresence, type ChosenPresence } from '../../model/agent-presence';
import type { Failure } from '../../model/failure';
import { presenceFeature, selectEffectivePresence, type MissedCall } from './presence.feature';

export interface StatusChoice {
  readonly status: ChosenPresence;
  readonly words: string;
  /** The state chosen now (or for after the call, during one). */
  readonly checked: boolean;
}

export interface StatusMenuViewModel {
  readonly state: AgentPresence;
  /** The state in words: `Available`, `On a call`. */
  readonly words: string;
  /** When the state was entered (epoch ms); null until the console has counted it. */
  readonly since: number | null;
  /** During a call or after-call work, the state for after it when that is not Available. */
  readonly then: string | null;
  /** The button's name: `Status: Available`, `Status: On a call, then Away`. */
  readonly label: string;
  readonly choices: readonly StatusChoice[];
  /** The queue call that rang out here, which set the agent Away. */
  readonly missedCall: MissedCall | null;
  readonly failure: Failure | null;
  /** Available here while Teams shows another availability (`Do not disturb`): queues route by Teams. */
  readonly teamsShows: string | null;
}

/** Graph's availability in words: `DoNotDisturb` → `Do not disturb`. */
const availabilityWords = (availability: string) =>
  availability.replace(/(?<=[a-z])(?=[A-Z])/g, ' ').replace(/ \w/g, (c) => c.toLowerCase());

const CHOICES: readonly ChosenPresence[] = ['available', 'away', 'offline'];

/** The status button, its menu and the `Status` region, as the toolbar shows them. */
export const selectStatusMenuViewModel = createSelector(
  selectEffectivePresence,
  presenceFeature.selectPresenceState,
  (state, presence): StatusMenuViewModel => {
    const busy = state === 'onCall' || state === 'afterCallWork';
    const next = presence.afterCall ?? presence.chosen;
    const then =
      busy && (presence.afterCall !== null || next !== 'available') ? AGENT_PRESENCE_WORDS[next] : null;
    const words = AGENT_PRESENCE_WORDS[state];
    return {
      state,
      words,
      since: presence.entered === state ? presence.since : null,
      then,
      label: then ? `Status: ${words}, then ${then}` : `Status: ${words}`,
      choices: CHOICES.map((status) => ({
        status,
        words: AGENT_PRESENCE_WORDS[status],
        checked: status === (busy ? next : state),
      })),
      missedCall: presence.missedCall,
      failure: presence.failure,
      teamsShows:
        state === 'available' && presence.seen && presence.seen.availability !== 'Available'
          ? availabilityWords(presence.seen.availability)
          : null,
    };
  },
);
