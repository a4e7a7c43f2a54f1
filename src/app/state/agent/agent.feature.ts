import type { ConnectionState } from '@azure/communication-calling';
import { createFeature, createReducer, createSelector, on } from '@ngrx/store';
import type { Failure } from '../../calling/calling-codes';
import type { SignedInUser } from '../../core/auth/signed-in-user';
import { CallingSdkEvents } from '../calling-sdk.actions';
import { AppActions, AuthApiActions, ShellActions, SignInPageActions } from './agent.actions';

export type AgentStatus = 'signedOut' | 'signingIn' | 'connecting' | 'ready' | 'failed';

export interface AgentState {
  readonly status: AgentStatus;
  readonly user: SignedInUser | null;
  readonly connectionState: ConnectionState;
  readonly failure: Failure | null;
}

export const initialAgentState: AgentState = {
  status: 'signedOut',
  user: null,
  connectionState: 'Disconnected',
  failure: null,
};

export const agentFeature = createFeature({
  name: 'agent',
  reducer: createReducer(
    initialAgentState,
    on(
      SignInPageActions.userPicked,
      AppActions.sessionRestored,
      ShellActions.tryAgainClicked,
      (): AgentState => ({
        ...initialAgentState,
        status: 'signingIn',
      }),
    ),
    on(AuthApiActions.signedIn, (state, { user }): AgentState => ({ ...state, status: 'connecting', user })),
    on(AuthApiActions.signInFailed, (_, { failure }): AgentState => ({
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
    on(ShellActions.signOutClicked, (): AgentState => initialAgentState),
  ),
});

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
