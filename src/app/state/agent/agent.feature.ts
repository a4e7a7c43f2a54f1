import type { ConnectionState } from '@azure/communication-calling';
import { createFeature, createReducer, createSelector, on } from '@ngrx/store';
import type { Failure } from '../../model/failure';
import type { TeamsCloud } from '../../model/identity';
import type { SignedInUser } from '../../core/auth/signed-in-user';
import { CallingSdkEvents } from '../calling-sdk.actions';
import { DirectoryApiActions } from '../dialer/directory-api.actions';
import { AppActions } from './app.actions';
import { AuthApiActions } from './auth-api.actions';
import { CallingSessionActions } from './calling-session.actions';
import {
  callEnded,
  connectionBack,
  connectionLost,
  nameParticipant,
  noNotes,
  noteCall,
  updateNote,
  withFirstParticipant,
  type ConnectionNotes,
} from './connection-notes';
import { ShellActions } from './shell.actions';
import { SignInPageActions } from './sign-in-page.actions';
import { SoftphoneActions } from './softphone.actions';
import { softphoneFeature } from './softphone.feature';

export type AgentStatus = 'signedOut' | 'signingIn' | 'connecting' | 'ready' | 'failed';

/** The calling token could not be renewed: the latest attempt's reason, and when the next comes. */
export interface TokenRenewalProblem {
  readonly failure: Failure;
  readonly attempts: number;
  readonly needsSignIn: boolean;
  readonly retryInMs: number;
}

/** The session has no agent and creates one again: when, and why the last attempt failed. */
export interface AgentRetry {
  readonly attempt: number;
  /** When it was scheduled (the wall clock, as the bridges stamp events). */
  readonly at: number;
  readonly retryInMs: number;
  readonly failure: Failure | null;
}

export interface AgentState {
  readonly status: AgentStatus;
  readonly user: SignedInUser | null;
  readonly connectionState: ConnectionState;
  readonly failure: Failure | null;
  /** The failure is one only signing in again fixes. */
  readonly signInNeeded: boolean;
  readonly retry: AgentRetry | null;
  readonly renewal: TokenRenewalProblem | null;
  readonly notes: ConnectionNotes;
}

export const initialAgentState: AgentState = {
  status: 'signedOut',
  user: null,
  connectionState: 'Disconnected',
  failure: null,
  signInNeeded: false,
  retry: null,
  renewal: null,
  notes: noNotes,
};

/** Lost only once the console was ready: before, there were no calls to lose. */
const lose = (state: AgentState): ConnectionNotes =>
  state.status === 'ready' ? connectionLost(state.notes) : state.notes;

/** A renewal failing this many times in a row is the agent's business (a blip is not). */
export const PERSISTENT_RENEWAL_FAILURES = 3;

export const agentFeature = createFeature({
  name: 'agent',
  reducer: createReducer(
    initialAgentState,
    on(
      // Until start-up knows whether anyone is signed in (MSAL loads after the first paint).
      AppActions.started,
      AuthApiActions.accountRestored,
      SignInPageActions.signInClicked,
      ShellActions.tryAgainClicked,
      (): AgentState => ({ ...initialAgentState, status: 'signingIn' }),
    ),
    on(AuthApiActions.notSignedIn, (state): AgentState =>
      state.status === 'signingIn' ? { ...state, status: 'signedOut' } : state,
    ),
    on(AuthApiActions.signInFailed, (_, { failure }): AgentState => ({
      ...initialAgentState,
      status: 'signedOut',
      failure,
    })),
    on(AuthApiActions.signedIn, (state, { user }): AgentState => ({ ...state, status: 'connecting', user })),
    on(AuthApiActions.sessionFailed, (_, { failure }): AgentState => ({
      ...initialAgentState,
      status: 'failed',
      failure,
    })),
    on(CallingSdkEvents.agentReady, (state, { connectionState }): AgentState => ({
      ...state,
      status: 'ready',
      connectionState,
      failure: null,
      signInNeeded: false,
      retry: null,
      notes: connectionState === 'Connected' ? connectionBack(state.notes) : state.notes,
    })),
    on(CallingSdkEvents.agentFailed, (state, { failure }): AgentState => ({
      ...state,
      status: 'failed',
      connectionState: 'Disconnected',
      failure,
      retry: null,
    })),
    on(CallingSessionActions.signInNeeded, (state, { failure }): AgentState => ({
      ...state,
      status: 'failed',
      connectionState: 'Disconnected',
      failure,
      signInNeeded: true,
      retry: null,
    })),
    on(CallingSdkEvents.agentRetryScheduled, (state, { attempt, at, retryInMs, failure }): AgentState => ({
      ...state,
      connectionState: 'Disconnected',
      retry: { attempt, at, retryInMs, failure },
      notes: lose(state),
    })),
    on(CallingSdkEvents.connectionStateChanged, (state, { connectionState }): AgentState => ({
      ...state,
      connectionState,
      notes: connectionState === 'Connected' ? connectionBack(state.notes) : lose(state),
    })),
    on(CallingSdkEvents.callAdded, (state, { call }): AgentState => ({
      ...state,
      notes: noteCall(state.notes, call),
    })),
    on(CallingSdkEvents.participantsAdded, (state, { callId, participants: [first] }): AgentState => ({
      ...state,
      notes: updateNote(state.notes, callId, withFirstParticipant(first)),
    })),
    on(CallingSdkEvents.callConversationChanged, (state, { id, kind }): AgentState => ({
      ...state,
      notes: updateNote(state.notes, id, () => ({ kind })),
    })),
    on(CallingSdkEvents.callIdChanged, (state, { previousId, id }): AgentState => ({
      ...state,
      notes: updateNote(state.notes, previousId, () => ({ id })),
    })),
    on(DirectoryApiActions.participantNamed, (state, { participantId, displayName }): AgentState => ({
      ...state,
      notes: nameParticipant(state.notes, participantId, displayName),
    })),
    on(CallingSdkEvents.callEnded, (state, { id, callEndReason }): AgentState => ({
      ...state,
      notes: callEnded(state.notes, id, callEndReason),
    })),
    on(ShellActions.backOnlineDismissed, CallingSessionActions.backOnlineExpired, (state): AgentState => ({
      ...state,
      notes: { ...state.notes, backOnline: null },
    })),
    on(
      AuthApiActions.tokenRenewalFailed,
      (state, { failure, attempt, needsSignIn, retryInMs }): AgentState => ({
        ...state,
        renewal: { failure, attempts: attempt, needsSignIn, retryInMs },
      }),
    ),
    on(AuthApiActions.tokenRenewed, (state): AgentState => ({ ...state, renewal: null })),
    // Signed in again after the calling service refused the sign-in: the session starts over.
    on(AuthApiActions.signedInAgain, (state): AgentState =>
      state.signInNeeded ? { ...initialAgentState, status: 'signingIn' } : state,
    ),
    on(AuthApiActions.signInAgainFailed, (state, { failure }): AgentState =>
      state.renewal ? { ...state, renewal: { ...state.renewal, failure } } : { ...state, failure },
    ),
    on(ShellActions.signOutClicked, (): AgentState => initialAgentState),
    // Another tab took the softphone over: this one has no agent, so no connection and no calls.
    on(SoftphoneActions.released, (state): AgentState => ({
      ...initialAgentState,
      status: 'connecting',
      user: state.user,
    })),
  ),
});

/**
 * The signed-in agent's cloud (from their ACS token), which the Teams users they dial share. Public
 * only while nobody is signed in, when nothing can be dialled.
 */
export const selectTeamsCloud = createSelector(
  agentFeature.selectUser,
  (user): TeamsCloud => user?.cloud ?? 'public',
);

/**
 * The shell's connection chip, in words: whether calls can reach this console now. "Reconnecting…"
 * while the SDK retries by itself (calls stay up); "Offline" once it has given up and the console
 * creates its agent again; "Not connected" when only the agent can fix it; "In another tab" while
 * another tab of the agent's holds the softphone.
 */
export const selectConnectionLabel = createSelector(
  agentFeature.selectStatus,
  agentFeature.selectConnectionState,
  agentFeature.selectRetry,
  softphoneFeature.selectPlace,
  (status, connectionState, retry, softphone): string => {
    if (softphone === 'elsewhere') return 'In another tab';
    if (status === 'failed') return 'Not connected';
    if (retry) return 'Offline';
    if (status === 'ready') return connectionState === 'Connected' ? 'Online' : 'Reconnecting…';
    return 'Connecting…';
  },
);

/** What became of each call that was live when the connection was lost, once it is back. */
export const selectBackOnline = createSelector(agentFeature.selectNotes, (notes) => notes.backOnline);

/** A renewal problem worth the agent's attention: persistent, or one only they can fix. */
export const selectRenewalProblem = createSelector(agentFeature.selectRenewal, (renewal) =>
  renewal && (renewal.needsSignIn || renewal.attempts >= PERSISTENT_RENEWAL_FAILURES) ? renewal : null,
);
