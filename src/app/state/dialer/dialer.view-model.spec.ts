import type { Action } from '@ngrx/store';
import { phoneNumberTarget, teamsUserTarget } from '../../model/dial-target';
import { AuthApiActions } from '../agent/auth-api.actions';
import { agentFeature } from '../agent/agent.feature';
import { CallingSdkEvents } from '../calling-sdk.actions';
import { call } from '../testing/snapshots';
import { CallingApiActions } from '../calling-api.actions';
import { CallSwitchActions } from '../calls/call-switch.actions';
import { ChatThreadsApiActions } from './chat-threads-api.actions';
import { DialerActions } from './dialer.actions';
import { DirectoryApiActions } from './directory-api.actions';
import { dialerFeature } from './dialer.feature';
import { selectDialerViewModel } from './dialer.view-model';

const ALEX = '00000000-0000-4000-8000-00000000a001';
const BLAKE = '00000000-0000-4000-8000-00000000a002';
const blake = teamsUserTarget(BLAKE, 'Blake Chen', 'public');
const dana = phoneNumberTarget('+14255550123', '+1 425 555 0123');

/** The dialer as the agent sees it after the actions, through the real reducers. */
function dialerAfter(...actions: Action[]) {
  const all = [
    AuthApiActions.signedIn({
      user: {
        id: ALEX,
        displayName: 'Alex Rivera',
        role: 'agent',
        microsoftTeamsUserId: ALEX,
        cloud: 'public',
      },
    }),
    ...actions,
  ];
  return selectDialerViewModel({
    agent: all.reduce(agentFeature.reducer, agentFeature.reducer(undefined, { type: 'init' })),
    dialer: all.reduce(dialerFeature.reducer, dialerFeature.reducer(undefined, { type: 'init' })),
  });
}

describe('the dialer view-model', () => {
  it('offers Call with nothing to do yet', () => {
    expect(dialerAfter()).toEqual(
      jasmine.objectContaining({ chips: [], busy: false, callLabel: 'Call', status: null, searchNote: null }),
    );
  });

  it('says it is looking in the directory, then that nobody matches the name looked up', () => {
    expect(dialerAfter(DialerActions.searchChanged({ text: 'Nobody Here ' })).searchNote).toEqual({
      text: 'Looking in the directory…',
      whileTyped: null,
    });
    const none = dialerAfter(
      DialerActions.searchChanged({ text: 'Nobody Here ' }),
      DirectoryApiActions.peopleFound({ text: 'Nobody Here ', people: [] }),
    );
    expect(none.searchNote).toEqual({
      text: 'Nobody in the directory matches “Nobody Here”.',
      whileTyped: 'Nobody Here ',
    });
    expect(none.searching).toBeFalse();
  });

  it('suggests people from the directory, never the agent', () => {
    const people = [
      { id: ALEX, displayName: 'Alex Rivera', userPrincipalName: null },
      { id: BLAKE, displayName: 'Blake Chen', userPrincipalName: null },
    ];
    const dialer = dialerAfter(
      DialerActions.searchChanged({ text: 'Al' }),
      DirectoryApiActions.peopleFound({ text: 'Al', people }),
    );
    expect(dialer.suggestions.map((p) => p.displayName)).toEqual(['Blake Chen']);
    expect(dialer.searchNote).toBeNull();
  });

  it('makes several chips a group call, and says what it is doing while it places it', () => {
    const chosen = [
      DialerActions.targetAdded({ target: blake }),
      DialerActions.targetAdded({ target: dana }),
    ];
    expect(dialerAfter(...chosen)).toEqual(
      jasmine.objectContaining({ chips: ['Blake Chen', '+1 425 555 0123'], callLabel: 'Start group call' }),
    );
    const preparing = dialerAfter(...chosen, DialerActions.groupCallClicked({ targets: [blake, dana] }));
    expect(preparing.busy).toBeTrue();
    expect(preparing.status).toBe(
      'Creating the chat for the group call with Blake Chen and +1 425 555 0123…',
    );
    const placing = dialerAfter(
      ...chosen,
      DialerActions.groupCallClicked({ targets: [blake, dana] }),
      ChatThreadsApiActions.groupCallThreadReady({ targets: [blake, dana], threadId: '19:chat' }),
    );
    expect(placing.status).toBe('Calling Blake Chen and +1 425 555 0123…');
  });

  it('follows a placed call until it connects', () => {
    const placed = [
      DialerActions.callClicked({ target: blake }),
      CallSwitchActions.startingCall(),
      CallingSdkEvents.callAdded({ call: call('out', { direction: 'Outgoing', state: 'Connecting' }) }),
      CallingApiActions.callPlaced({ callId: 'out' }),
    ];
    expect(dialerAfter(...placed)).toEqual(
      jasmine.objectContaining({ busy: false, status: 'Calling Blake Chen…' }),
    );
    expect(
      dialerAfter(...placed, CallingSdkEvents.callStateChanged({ id: 'out', state: 'Connected', at: 2 }))
        .status,
    ).toBeNull();
  });

  it('waits while a pasted Teams user id is looked up, and says why it could not be', () => {
    const id = '00000000-0000-4000-8000-00000000a0ff';
    expect(dialerAfter(DialerActions.teamsUserIdEntered({ id }))).toEqual(
      jasmine.objectContaining({ busy: true, status: 'Looking the Teams user up…' }),
    );
    const failure = { message: 'Nobody in the directory has that Teams user id.' };
    expect(
      dialerAfter(
        DialerActions.teamsUserIdEntered({ id }),
        DirectoryApiActions.personLookupFailed({ id, failure }),
      ),
    ).toEqual(jasmine.objectContaining({ busy: false, status: null, failure }));
  });
});
