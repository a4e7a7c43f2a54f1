import type { Action } from '@ngrx/store';
import { CallingSdkEvents } from '../calling-sdk.actions';
import { DirectoryApiActions } from '../dialer/directory-api.actions';
import { call, participant } from '../testing/snapshots';
import { agentFeature, initialAgentState, selectBackOnline, type AgentState } from './agent.feature';
import { AuthApiActions } from './auth-api.actions';
import { ALEX } from './testing/signed-in-users';

const reduce = (...actions: Action[]): AgentState =>
  actions.reduce((state, action) => agentFeature.reducer(state, action), initialAgentState);

const ready = [
  AuthApiActions.signedIn({ user: ALEX }),
  CallingSdkEvents.agentReady({ connectionState: 'Connected' }),
];
const down = CallingSdkEvents.connectionStateChanged({ connectionState: 'Disconnected' });
const up = CallingSdkEvents.connectionStateChanged({ connectionState: 'Connected' });
const teamsUser = { kind: 'microsoftTeamsUser', rawId: '8:orgid:c1' } as const;
const outgoingTo = (id: string) =>
  CallingSdkEvents.callAdded({
    call: call(id, { direction: 'Outgoing', caller: { identity: null, displayName: null } }),
  });

describe('what became of the calls while the connection was lost', () => {
  it('names a call by the person on it, with the name the directory found, and how the call ended', () => {
    const state = reduce(
      ...ready,
      outgoingTo('c1'),
      CallingSdkEvents.participantsAdded({
        callId: 'c1',
        participants: [participant('c1', '8:orgid:c1', { identity: teamsUser, displayName: null })],
      }),
      down,
      DirectoryApiActions.participantNamed({ participantId: '8:orgid:c1', displayName: 'Casey Morgan' }),
      CallingSdkEvents.callEnded({ id: 'c1', callEndReason: { code: 0, subCode: 560000 }, at: 5 }),
      up,
    );
    expect(selectBackOnline.projector(state.notes)).toEqual([
      {
        id: 'c1',
        kind: 'oneToOne',
        direction: 'Outgoing',
        counterpart: { identity: teamsUser, displayName: 'Casey Morgan' },
        ended: 'Casey Morgan hung up.',
      },
    ]);
  });

  it('counts a call ended by a lost network before the SDK says Disconnected, and not calls that came after', () => {
    const state = reduce(
      ...ready,
      CallingSdkEvents.callAdded({ call: call('c1') }),
      CallingSdkEvents.callAdded({ call: call('c2') }),
      CallingSdkEvents.callEnded({ id: 'c1', callEndReason: { code: 496, subCode: 7 }, at: 5 }),
      down,
      CallingSdkEvents.callAdded({ call: call('c3') }),
      up,
    );
    expect(state.notes.backOnline?.map(({ id, ended }) => ({ id, ended }))).toEqual([
      { id: 'c1', ended: 'The network was lost and reconnecting gave up.' },
      { id: 'c2', ended: null },
    ]);
    expect(state.notes.lost).toBeNull();
  });

  it('says nothing about calls when the first connection comes up', () => {
    const state = reduce(
      AuthApiActions.signedIn({ user: ALEX }),
      CallingSdkEvents.agentRetryScheduled({ attempt: 1, at: 0, retryInMs: 500, failure: null }),
      CallingSdkEvents.agentReady({ connectionState: 'Connected' }),
    );
    expect(state.notes.backOnline).toBeNull();
    expect(state.retry).toBeNull();
  });
});
