import { createFeature, createReducer, createSelector, on } from '@ngrx/store';
import type { AgentPresence, ChosenPresence, TeamsPresence } from '../../model/agent-presence';
import type { Failure } from '../../model/failure';
import type { Party } from '../../model/snapshots';
import { afterCallWorkFeature } from '../after-call-work/after-call-work.feature';
import { AfterCallWorkPanelActions } from '../after-call-work/after-call-work-panel.actions';
import { AfterCallWorkTimerActions } from '../after-call-work/after-call-work-timer.actions';
import { AuthApiActions } from '../agent/auth-api.actions';
import { ShellActions } from '../agent/shell.actions';
import { callsFeature } from '../calls/calls.feature';
import { AgentPresenceActions } from './agent-presence.actions';
import { AgentStatusMenuActions } from './agent-status-menu.actions';
import { PresenceApiActions } from './presence-api.actions';
import { StatusRegionActions } from './status-region.actions';

/** The queue call that rang out here, which is why the console set the agent Away. */
export interface MissedCall {
  readonly caller: Party;
  readonly queue: string | null;
}

export interface PresenceState {
  /** What the agent chose (Available from sign-in), or the console chose for them (a missed call). */
  readonly chosen: ChosenPresence;
  /** Chosen during a call or after-call work: the state once they end. */
  readonly afterCall: ChosenPresence | null;
  /** The effective state last entered, and when (epoch ms): the time in state counts from it. */
  readonly entered: AgentPresence;
  readonly since: number | null;
  /** Why the console set the state itself, until the agent acts on it. */
  readonly missedCall: MissedCall | null;
  /** The Teams presence last set for the console's session; null while none is (or it was cleared). */
  readonly teams: TeamsPresence | null;
  /**
   * The user's presence as Teams shows it, read back after each set: a presence the user chose in
   * Teams (Do not disturb) outranks the console's session, and call queues route by it.
   */
  readonly seen: TeamsPresence | null;
  /** Why the Teams presence could not be set or cleared, until it is. */
  readonly failure: Failure | null;
}

export const initialPresenceState: PresenceState = {
  chosen: 'available',
  afterCall: null,
  entered: 'available',
  since: null,
  missedCall: null,
  teams: null,
  seen: null,
  failure: null,
};

const busy = (state: PresenceState) => state.entered === 'onCall' || state.entered === 'afterCallWork';

/** A choice made during a call or after-call work waits for it to end. */
function choose(state: PresenceState, status: ChosenPresence): PresenceState {
  return busy(state)
    ? { ...state, afterCall: status, missedCall: null }
    : { ...state, chosen: status, afterCall: null, missedCall: null };
}

/** The state chosen for after the call, now that it is over. */
const afterCallEnds = (state: PresenceState): PresenceState =>
  state.afterCall ? { ...state, chosen: state.afterCall, afterCall: null } : state;

export const presenceFeature = createFeature({
  name: 'presence',
  reducer: createReducer(
    initialPresenceState,
    on(AuthApiActions.signedIn, ShellActions.signOutClicked, (): PresenceState => initialPresenceState),
    on(AgentStatusMenuActions.statusChosen, (state, { status }) => choose(state, status)),
    on(StatusRegionActions.setAvailableClicked, (state) => choose(state, 'available')),
    on(StatusRegionActions.dismissClicked, (state): PresenceState => ({
      ...state,
      missedCall: null,
      seen: null,
      failure: null,
    })),
    on(AfterCallWorkPanelActions.doneClicked, AfterCallWorkTimerActions.timeUp, afterCallEnds),
    on(AgentPresenceActions.stateEntered, (state, { state: entered, at }): PresenceState => {
      const next = { ...state, entered, since: at };
      return entered === 'onCall' || entered === 'afterCallWork' ? next : afterCallEnds(next);
    }),
    on(AgentPresenceActions.missedCallSetAway, (state, { caller, queue }): PresenceState => ({
      ...state,
      chosen: 'away',
      missedCall: { caller, queue },
    })),
    on(PresenceApiActions.presenceSet, (state, { presence, seen }): PresenceState => ({
      ...state,
      teams: presence,
      seen,
      failure: null,
    })),
    on(PresenceApiActions.presenceCleared, (state): PresenceState => ({
      ...state,
      teams: null,
      seen: null,
      failure: null,
    })),
    on(PresenceApiActions.presenceFailed, (state, { failure }): PresenceState => ({ ...state, failure })),
  ),
});

/**
 * The state the floor and Teams see: On a call while any call is live, else After-call work while
 * it lasts, else what the agent chose (for after the call, if they chose during it).
 */
export const selectEffectivePresence = createSelector(
  callsFeature.selectIds,
  afterCallWorkFeature.selectCurrent,
  presenceFeature.selectChosen,
  presenceFeature.selectAfterCall,
  (callIds, afterCallWork, chosen, afterCall): AgentPresence =>
    callIds.length > 0 ? 'onCall' : afterCallWork ? 'afterCallWork' : (afterCall ?? chosen),
);
