import type { Action } from '@ngrx/store';
import { AfterCallWorkPanelActions } from '../after-call-work/after-call-work-panel.actions';
import { AfterCallWorkTimerActions } from '../after-call-work/after-call-work-timer.actions';
import { AuthApiActions } from '../agent/auth-api.actions';
import { ShellActions } from '../agent/shell.actions';
import { ALEX } from '../agent/testing/signed-in-users';
import { CallingSdkEvents } from '../calling-sdk.actions';
import { callsFeature } from '../calls/calls.feature';
import { call } from '../testing/snapshots';
import { AgentPresenceActions } from './agent-presence.actions';
import { AgentStatusMenuActions } from './agent-status-menu.actions';
import { PresenceApiActions } from './presence-api.actions';
import { presenceFeature, selectEffectivePresence } from './presence.feature';
import { selectStatusMenuViewModel } from './presence.view-model';
import { StatusRegionActions } from './status-region.actions';

const ROBIN = { displayName: 'Robin Park', identity: null };
const ACW = { callId: 'c1', startedAt: 5_000 };

/**
 * The root state after the actions, through the real reducers; `afterCallWork` is the after-call
 * work in progress (its own feature's state, given as it would be).
 */
function after(actions: Action[], afterCallWork: typeof ACW | null = null) {
  const reduce = <S>(reducer: (state: S | undefined, action: Action) => S) =>
    actions.reduce(reducer, reducer(undefined, { type: 'init' }));
  return {
    calls: reduce(callsFeature.reducer),
    presence: reduce(presenceFeature.reducer),
    afterCallWork: { current: afterCallWork },
  } as never;
}

const signedIn = [
  AuthApiActions.signedIn({ user: ALEX }),
  AgentPresenceActions.stateEntered({ state: 'available', at: 1_000 }),
];
const onCall = [
  CallingSdkEvents.callAdded({ call: call('c1') }),
  AgentPresenceActions.stateEntered({ state: 'onCall', at: 2_000 }),
];
const callEnded = [
  CallingSdkEvents.callEnded({ id: 'c1', callEndReason: { code: 0, subCode: 0 }, at: 5_000 }),
  AgentPresenceActions.stateEntered({ state: 'afterCallWork', at: 5_000 }),
];

describe('the agent’s presence', () => {
  it('is Available from sign-in, with the time in it counted from when it was entered', () => {
    const state = after(signedIn);
    expect(selectEffectivePresence(state)).toBe('available');
    expect(selectStatusMenuViewModel(state)).toEqual(
      jasmine.objectContaining({
        state: 'available',
        words: 'Available',
        since: 1_000,
        label: 'Status: Available',
      }),
    );
  });

  it('is On a call while any call is live, then After-call work while it lasts, then the chosen state', () => {
    expect(selectEffectivePresence(after([...signedIn, ...onCall]))).toBe('onCall');
    expect(selectEffectivePresence(after([...signedIn, ...onCall, ...callEnded], ACW))).toBe('afterCallWork');
    expect(
      selectEffectivePresence(
        after([...signedIn, AgentStatusMenuActions.statusChosen({ status: 'away' })], ACW),
      ),
    )
      .withContext('after-call work outranks what the agent chose')
      .toBe('afterCallWork');
    expect(
      selectEffectivePresence(
        after([...signedIn, ...onCall, ...callEnded, AfterCallWorkPanelActions.doneClicked()]),
      ),
    ).toBe('available');
  });

  it('takes a state chosen during a call or after-call work as the state for after it, and applies it at Done', () => {
    const chosenDuringCall = [
      ...signedIn,
      ...onCall,
      AgentStatusMenuActions.statusChosen({ status: 'away' }),
    ];
    const during = selectStatusMenuViewModel(after(chosenDuringCall));
    expect(during).toEqual(
      jasmine.objectContaining({
        state: 'onCall',
        then: 'Away',
        label: 'Status: On a call, then Away',
        since: 2_000,
      }),
    );
    expect(during.choices.map((c) => [c.words, c.checked])).toEqual([
      ['Available', false],
      ['Away', true],
      ['Offline', false],
    ]);

    const inAfterCallWork = [...chosenDuringCall, ...callEnded];
    expect(selectStatusMenuViewModel(after(inAfterCallWork, ACW)).label).toBe(
      'Status: After-call work, then Away',
    );
    const done = after([...inAfterCallWork, AfterCallWorkPanelActions.doneClicked()]);
    expect(selectEffectivePresence(done)).toBe('away');
    expect(selectStatusMenuViewModel(done).then).toBeNull();
  });

  it('applies the state chosen for after the call when after-call work times out too', () => {
    const state = after([
      ...signedIn,
      ...onCall,
      ...callEnded,
      AgentStatusMenuActions.statusChosen({ status: 'offline' }),
      AfterCallWorkTimerActions.timeUp(),
    ]);
    expect(selectEffectivePresence(state)).toBe('offline');
  });

  it('applies the state chosen during a call that had no after-call work once the call ends', () => {
    const state = after([
      ...signedIn,
      ...onCall,
      AgentStatusMenuActions.statusChosen({ status: 'away' }),
      CallingSdkEvents.callEnded({ id: 'c1', callEndReason: { code: 0, subCode: 0 }, at: 5_000 }),
      AgentPresenceActions.stateEntered({ state: 'away', at: 5_000 }),
    ]);
    expect(selectEffectivePresence(state)).toBe('away');
    expect(selectStatusMenuViewModel(state)).toEqual(
      jasmine.objectContaining({ then: null, label: 'Status: Away', since: 5_000 }),
    );
  });

  it('says "then Available" when the agent was Away before the call and picks Available during it', () => {
    const away = [...signedIn, AgentStatusMenuActions.statusChosen({ status: 'away' })];
    expect(selectStatusMenuViewModel(after([...away, ...onCall])).label).toBe('Status: On a call, then Away');
    expect(
      selectStatusMenuViewModel(
        after([...away, ...onCall, AgentStatusMenuActions.statusChosen({ status: 'available' })]),
      ).label,
    ).toBe('Status: On a call, then Available');
  });

  it('keeps why a missed call set the agent Away until they act: Set Available or another choice', () => {
    const missed = [...signedIn, AgentPresenceActions.missedCallSetAway({ caller: ROBIN, queue: 'Billing' })];
    expect(selectEffectivePresence(after(missed))).toBe('away');
    expect(selectStatusMenuViewModel(after(missed)).missedCall).toEqual({ caller: ROBIN, queue: 'Billing' });

    const setAvailable = after([...missed, StatusRegionActions.setAvailableClicked()]);
    expect(selectEffectivePresence(setAvailable)).toBe('available');
    expect(selectStatusMenuViewModel(setAvailable).missedCall).toBeNull();

    const offline = after([...missed, AgentStatusMenuActions.statusChosen({ status: 'offline' })]);
    expect(selectStatusMenuViewModel(offline)).toEqual(
      jasmine.objectContaining({ state: 'offline', missedCall: null }),
    );
  });

  it('keeps a Teams presence failure until the presence is set or the agent dismisses it', () => {
    const failure = { message: 'Your Teams presence could not be set: Microsoft Graph is busy.', code: 429 };
    const failed = [...signedIn, PresenceApiActions.presenceFailed({ failure })];
    expect(selectStatusMenuViewModel(after(failed)).failure).toEqual(failure);
    const presence = { availability: 'Available', activity: 'Available' };
    expect(
      selectStatusMenuViewModel(
        after([...failed, PresenceApiActions.presenceSet({ state: 'available', presence, seen: presence })]),
      ).failure,
    ).toBeNull();
    expect(
      selectStatusMenuViewModel(after([...failed, StatusRegionActions.dismissClicked()])).failure,
    ).toBeNull();
  });

  it('starts over at sign-out and at the next sign-in', () => {
    const away = [...signedIn, AgentPresenceActions.missedCallSetAway({ caller: ROBIN, queue: 'Billing' })];
    for (const end of [ShellActions.signOutClicked(), AuthApiActions.signedIn({ user: ALEX })]) {
      const state = after([...away, end]);
      expect(selectEffectivePresence(state)).toBe('available');
      expect(selectStatusMenuViewModel(state)).toEqual(
        jasmine.objectContaining({ missedCall: null, since: null }),
      );
    }
  });
});
