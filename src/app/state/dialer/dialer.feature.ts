import { createFeature, createReducer, createSelector, on } from '@ngrx/store';
import type { Failure } from '../../model/failure';
import { describeTargets, targetRawId } from '../../calling/dial-target';
import { type DialTarget, teamsUserTarget } from '../../model/dial-target';
import { describeUnansweredCall } from '../../calling/outbound-codes';
import type { DirectoryPerson } from '../../model/directory-person';
import { ShellActions } from '../agent/shell.actions';
import { CallingApiActions } from '../calling-api.actions';
import { CallSwitchActions } from '../calls/call-switch.actions';
import { ChatThreadsApiActions } from './chat-threads-api.actions';
import { DialerActions } from './dialer.actions';
import { DirectoryApiActions } from './directory-api.actions';
import { agentFeature } from '../agent/agent.feature';
import { CallingSdkEvents } from '../calling-sdk.actions';
import { isNameSearch } from './dialer-input';

/** A call the dialer placed, followed until it connects or ends without connecting. */
export interface PlacedCall {
  readonly callId: string;
  readonly description: string;
}

export interface DialerState {
  /** The name being looked up, and who the directory suggests for it. */
  readonly search: string;
  readonly people: readonly DirectoryPerson[];
  readonly searching: boolean;
  readonly searchFailure: Failure | null;
  /** Who the next call goes to: one target is a 1:1 call, several a group call. */
  readonly targets: readonly DialTarget[];
  /** A pasted Teams user id the directory is being asked about. */
  readonly lookingUp: string | null;
  /**
   * `preparing`: getting the group call's chat thread; `placing`: waiting its turn, holding the
   * current call; `starting`: `startCall` is running (the call it adds is the one placed).
   */
  readonly status: 'idle' | 'preparing' | 'placing' | 'starting';
  /** What is being placed, in words ("Blake Chen and +1 425 555 0100"). */
  readonly placing: string | null;
  readonly placed: PlacedCall | null;
  readonly failure: Failure | null;
}

export const initialDialerState: DialerState = {
  search: '',
  people: [],
  searching: false,
  searchFailure: null,
  targets: [],
  lookingUp: null,
  status: 'idle',
  placing: null,
  placed: null,
  failure: null,
};

function withTarget(state: DialerState, target: DialTarget): DialerState {
  const known = state.targets.some((t) => targetRawId(t) === targetRawId(target));
  return {
    ...state,
    targets: known ? state.targets : [...state.targets, target],
    search: '',
    people: [],
    searching: false,
    failure: null,
  };
}

function place(
  state: DialerState,
  targets: readonly DialTarget[],
  status: DialerState['status'],
): DialerState {
  return { ...state, status, placing: describeTargets(targets), placed: null, failure: null };
}

export const dialerFeature = createFeature({
  name: 'dialer',
  reducer: createReducer(
    initialDialerState,
    on(DialerActions.searchChanged, (state, { text }): DialerState => {
      const searching = isNameSearch(text);
      return {
        ...state,
        search: text,
        searching,
        people: searching ? state.people : [],
        searchFailure: null,
      };
    }),
    on(DirectoryApiActions.peopleFound, (state, { text, people }): DialerState =>
      text === state.search ? { ...state, people, searching: false } : state,
    ),
    on(DirectoryApiActions.peopleSearchFailed, (state, { text, failure }): DialerState =>
      text === state.search ? { ...state, people: [], searching: false, searchFailure: failure } : state,
    ),
    on(DialerActions.targetAdded, (state, { target }) => withTarget(state, target)),
    on(DialerActions.teamsUserIdEntered, (state, { id }): DialerState => ({
      ...state,
      lookingUp: id,
      failure: null,
    })),
    on(DirectoryApiActions.personFound, (state, { person, cloud }) =>
      withTarget({ ...state, lookingUp: null }, teamsUserTarget(person.id, person.displayName, cloud)),
    ),
    on(DirectoryApiActions.personLookupFailed, (state, { failure }): DialerState => ({
      ...state,
      lookingUp: null,
      failure,
    })),
    on(DialerActions.targetRemoved, (state, { index }): DialerState => ({
      ...state,
      targets: state.targets.filter((_, i) => i !== index),
    })),
    on(DialerActions.callClicked, (state, { target }) => place(state, [target], 'placing')),
    on(DialerActions.groupCallClicked, (state, { targets }) => place(state, targets, 'preparing')),
    on(ChatThreadsApiActions.groupCallThreadReady, (state): DialerState => ({ ...state, status: 'placing' })),
    on(CallSwitchActions.startingCall, (state): DialerState =>
      state.status === 'placing' ? { ...state, status: 'starting' } : state,
    ),
    // The call `startCall` returns is announced before the line reports it placed, and may end
    // (busy, offline) before that report too: follow it from its announcement.
    on(CallingSdkEvents.callAdded, (state, { call }): DialerState =>
      state.status === 'starting' && call.direction === 'Outgoing' && !state.placed
        ? { ...state, placed: { callId: call.id, description: state.placing ?? '' } }
        : state,
    ),
    on(
      ChatThreadsApiActions.groupCallThreadFailed,
      CallingApiActions.placeCallFailed,
      (state, { failure }): DialerState => ({
        ...state,
        status: 'idle',
        placing: null,
        failure,
      }),
    ),
    on(CallingApiActions.callPlaced, (state): DialerState => ({
      ...state,
      status: 'idle',
      placing: null,
      targets: [],
    })),
    on(CallingSdkEvents.callIdChanged, (state, { previousId, id }): DialerState =>
      state.placed?.callId === previousId ? { ...state, placed: { ...state.placed, callId: id } } : state,
    ),
    on(CallingSdkEvents.callStateChanged, (state, { id, state: callState }): DialerState =>
      state.placed?.callId === id && callState === 'Connected' ? { ...state, placed: null } : state,
    ),
    on(CallingSdkEvents.callEnded, (state, { id, callEndReason }): DialerState =>
      state.placed?.callId === id
        ? { ...state, placed: null, failure: describeUnansweredCall(state.placed.description, callEndReason) }
        : state,
    ),
    on(ShellActions.signOutClicked, (): DialerState => initialDialerState),
  ),
  extraSelectors: ({ selectPeople }) => ({
    /** Who to suggest: the directory's matches, without the signed-in user (nobody calls themselves). */
    selectSuggestions: createSelector(selectPeople, agentFeature.selectUser, (people, user) =>
      people.filter((person) => person.id !== user?.microsoftTeamsUserId),
    ),
  }),
});
