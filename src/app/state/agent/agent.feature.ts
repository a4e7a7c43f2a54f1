import type { ConnectionState } from '@azure/communication-calling';
import { createFeature, createReducer, createSelector, on } from '@ngrx/store';
import type { Failure } from '../../model/failure';
import type { TeamsCloud } from '../../model/identity';
import type { SignedInUser } from '../../core/auth/signed-in-user';
import { CallingSdkEvents } from '../calling-sdk.actions';
import { AuthApiActions } from './auth-api.actions';
import { ShellActions } from './shell.actions';
import { SignInPageActions } from './sign-in-page.actions';

export type AgentStatus = 'signedOut' | 'signingIn' | 'connecting' | 'ready' | 'failed';

/** The calling token could not be renewed: the latest attempt's reason, and when the next comes. */
export interface TokenRenewalProblem {
  readonly failure: Failure;
  readonly attempts: number;
  readonly needsSignIn: boolean;
  readonly retryInMs: number;
}

export interface AgentState {
  readonly status: AgentStatus;
  readonly user: SignedInUser | null;
  readonly connectionState: ConnectionState;
  readonly failure: Failure | null;
  readonly renewal: TokenRenewalProblem | null;
}

export const initialAgentState: AgentState = {
  status: 'signedOut',
  user: null,
  connectionState: 'Disconnected',
  failure: null,
  renewal: null,
};

/** A renewal failing this many times in a row is the agent's business (a blip is not). */
export const PERSISTENT_RENEWAL_FAILURES = 3;

export const agentFeature = createFeature({
  name: 'agent',
  reducer: createReducer(
    initialAgentState,
    on(
      AuthApiActions.accountRestored,
      SignInPageActions.signInClicked,
      ShellActions.tryAgainClicked,
      (): AgentState => ({ ...initialAgentState, status: 'signingIn' }),
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
    })),
    on(CallingSdkEvents.agentFailed, (state, { failure }): AgentState => ({
      ...state,
      status: 'failed',
      connectionState: 'Disconnected',
      failure,
    })),
    on(CallingSdkEvents.connectionStateChanged, (state, { connectionState }): AgentState => ({
      ...state,
      connectionState,
    })),
    on(
      AuthApiActions.tokenRenewalFailed,
      (state, { failure, attempt, needsSignIn, retryInMs }): AgentState => ({
        ...state,
        renewal: { failure, attempts: attempt, needsSignIn, retryInMs },
      }),
    ),
    on(AuthApiActions.tokenRenewed, (state): AgentState => ({ ...state, renewal: null })),
    on(AuthApiActions.signInAgainFailed, (state, { failure }): AgentState =>
      state.renewal ? { ...state, renewal: { ...state.renewal, failure } } : { ...state, failure },
    ),
    on(ShellActions.signOutClicked, (): AgentState => initialAgentState),
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

/** The shell's connection chip, in words: whether calls can reach this console now. */
export const selectConnectionLabel = createSelector(
  agentFeature.selectStatus,
  agentFeature.selectConnectionState,
  (status, connectionState): string => {
    switch (status) {
      case 'ready':
        return connectionState === 'Connected' ? 'Online' : 'Offline';
      case 'failed':
        return 'Not connected';
      default:
        return 'Connecting…';
    }
  },
);

/** A renewal problem worth the agent's attention: persistent, or one only they can fix. */
export const selectRenewalProblem = createSelector(agentFeature.selectRenewal, (renewal) =>
  renewal && (renewal.needsSignIn || renewal.attempts >= PERSISTENT_RENEWAL_FAILURES) ? renewal : null,
);
