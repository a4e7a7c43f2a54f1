import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ActionsSubject, Store, type Action } from '@ngrx/store';
import { phoneNumberTarget, teamsUserTarget } from '../../model/dial-target';
import { formatPhoneNumberAsTyped } from '../../calling/phone-number';
import { AuthApiActions } from '../../state/agent/auth-api.actions';
import { CallingApiActions } from '../../state/calling-api.actions';
import { CallSwitchActions } from '../../state/calls/call-switch.actions';
import { DialerActions } from '../../state/dialer/dialer.actions';
import { DirectoryApiActions } from '../../state/dialer/directory-api.actions';
import { EscalationApiActions } from '../../state/escalation/escalation-api.actions';
import { CallingSdkEvents } from '../../state/calling-sdk.actions';
import { call } from '../../state/testing/snapshots';
import { provideTestState } from '../../state/testing/provide-test-state';
import { DialerPanelComponent } from './dialer-panel.component';
import { DialerPanelHarness } from './dialer-panel.harness';

/** A number as the dialer makes it a target: E.164, shown grouped. */
const phone = (e164: string) => phoneNumberTarget(e164, formatPhoneNumberAsTyped(e164));

const ALEX = '00000000-0000-4000-8000-00000000a001';
const BLAKE = {
  id: '00000000-0000-4000-8000-00000000a002',
  displayName: 'Blake Chen',
  userPrincipalName: 'blake@switchboard.example',
};
const BLAIR = {
  id: '00000000-0000-4000-8000-00000000a009',
  displayName: 'Blair Ode',
  userPrincipalName: null,
};

describe('DialerPanelComponent', () => {
  async function setUp() {
    TestBed.configureTestingModule({ providers: provideTestState() });
    const fixture = TestBed.createComponent(DialerPanelComponent);
    const store = TestBed.inject(Store);
    const dispatched: Action[] = [];
    TestBed.inject(ActionsSubject).subscribe((action) => dispatched.push(action));
    store.dispatch(
      AuthApiActions.signedIn({
        user: {
          id: ALEX,
          displayName: 'Alex Rivera',
          role: 'agent',
          microsoftTeamsUserId: ALEX,
          cloud: 'public',
        },
      }),
    );
    const dialer = await TestbedHarnessEnvironment.harnessForFixture(fixture, DialerPanelHarness);
    const typesDispatched = () => dispatched.map((a) => a.type);
    return { fixture, store, dispatched, dialer, typesDispatched };
  }

  it('leaves bringing people into the call to the active call panel', async () => {
    const { fixture, store } = await setUp();
    store.dispatch(CallingSdkEvents.callAdded({ call: call('c1') }));
    const target = teamsUserTarget('00000000-0000-4000-8000-000000005001', 'Sam Okafor', 'public');
    store.dispatch(EscalationApiActions.escalationStarted({ callId: 'c1', targets: [target] }));
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).textContent).not.toContain('Sam Okafor');
  });

  it('says it is still looking when Enter comes before the directory answers, and no longer once it has', async () => {
    const { store, dialer } = await setUp();
    await dialer.type('Nobody Here');
    await dialer.pressEnter();
    expect(await dialer.getProblem()).toBe(
      'Still looking in the directory: pick from the suggestions once they appear.',
    );
    store.dispatch(DirectoryApiActions.peopleFound({ text: 'Nobody Here', people: [] }));
    expect(await dialer.getProblem()).toBeNull();
    expect(await dialer.getSearchNote()).toBe('Nobody in the directory matches “Nobody Here”.');
  });

  it('suggests people from the directory as a name is typed, and makes a chip of the one picked', async () => {
    const { store, dialer, dispatched } = await setUp();
    await dialer.type('Bla');
    expect(dispatched).toContain(DialerActions.searchChanged({ text: 'Bla' }));
    expect(await dialer.getSearchNote()).toBe('Looking in the directory…');
    store.dispatch(DirectoryApiActions.peopleFound({ text: 'Bla', people: [BLAKE, BLAIR] }));
    expect(await dialer.getSuggestions()).toEqual(['Blake Chen (blake@switchboard.example)', 'Blair Ode']);
    await dialer.pickSuggestion(/Blake Chen/);
    expect(await dialer.getTargets()).toEqual(['Blake Chen']);
    expect(await dialer.getText()).toBe('');
  });

  it('picks a suggestion with the keyboard alone', async () => {
    const { store, dialer, dispatched } = await setUp();
    await dialer.type('Bla');
    store.dispatch(DirectoryApiActions.peopleFound({ text: 'Bla', people: [BLAKE, BLAIR] }));
    await dialer.pressArrowDown();
    await dialer.pressArrowDown();
    await dialer.pressEnter();
    expect(await dialer.getTargets()).toEqual(['Blair Ode']);
    expect(dispatched.filter((a) => a.type === DialerActions.targetAdded.type).length).toBe(1);
    expect(await dialer.getProblem()).toBeNull();
  });

  it('groups a phone number as it is typed and makes it a chip on Enter, in E.164', async () => {
    const { dialer, dispatched, typesDispatched } = await setUp();
    await dialer.type('+14255550101');
    expect(await dialer.getText()).toBe('+1 425 555 0101');
    await dialer.pressEnter();
    expect(await dialer.getTargets()).toEqual(['+1 425 555 0101']);
    expect(dispatched).toContain(DialerActions.targetAdded({ target: phone('+14255550101') }));
    // Numbers are not looked up: nothing of them reaches the log as they are typed.
    expect(typesDispatched()).not.toContain(DialerActions.searchChanged.type);
  });

  it('says exactly what is wrong with a number, and makes no chip of it', async () => {
    const { dialer } = await setUp();
    await dialer.type('425 555 0101');
    await dialer.pressEnter();
    expect(await dialer.getProblem()).toBe(
      'A phone number starts with + and the country code, e.g. +1 425 555 0100.',
    );
    await dialer.type('+1425555010123456');
    await dialer.pressEnter();
    expect(await dialer.getProblem()).toBe(
      'Too long: E.164 numbers have at most 15 digits, and this one has 16.',
    );
    expect(await dialer.getTargets()).toEqual([]);
  });

  it('asks the directory whose a pasted Teams user id is', async () => {
    const { store, dialer, dispatched } = await setUp();
    await dialer.type(`8:orgid:${BLAKE.id}`);
    await dialer.pressEnter();
    expect(dispatched).toContain(DialerActions.teamsUserIdEntered({ id: BLAKE.id }));
    expect(await dialer.getStatus()).toBe('Looking the Teams user up…');
    expect(await dialer.canCall()).toBeFalse();
    store.dispatch(DirectoryApiActions.personFound({ person: BLAKE, cloud: 'public' }));
    expect(await dialer.getTargets()).toEqual(['Blake Chen']);
  });

  it('calls one target 1:1, saying so until the call is placed', async () => {
    const { store, dialer, dispatched } = await setUp();
    await dialer.type('+1 425 555 0101');
    await dialer.call();
    expect(dispatched).toContain(DialerActions.callClicked({ target: phone('+14255550101') }));
    expect(await dialer.getStatus()).toBe('Calling +1 425 555 0101…');
    expect(await dialer.canCall()).toBeFalse();
    store.dispatch(CallSwitchActions.startingCall());
    store.dispatch(
      CallingSdkEvents.callAdded({ call: call('c1', { direction: 'Outgoing', state: 'Connecting' }) }),
    );
    store.dispatch(CallingApiActions.callPlaced({ callId: 'c1' }));
    expect(await dialer.getTargets()).toEqual([]);
    expect(await dialer.canCall()).toBeTrue();
  });

  it('starts a group call with several chips', async () => {
    const { store, dialer, dispatched } = await setUp();
    store.dispatch(DialerActions.targetAdded({ target: teamsUserTarget(BLAKE.id, 'Blake Chen', 'public') }));
    await dialer.type('+442079460107');
    await dialer.pressEnter();
    expect(await dialer.getCallLabel()).toBe('Start group call');
    await dialer.call();
    expect(dispatched).toContain(
      DialerActions.groupCallClicked({
        targets: [teamsUserTarget(BLAKE.id, 'Blake Chen', 'public'), phone('+442079460107')],
      }),
    );
    expect(await dialer.getStatus()).toBe(
      'Creating the chat for the group call with Blake Chen and +44 20 7946 0107…',
    );
  });

  it('removes a chip', async () => {
    const { store, dialer } = await setUp();
    store.dispatch(DialerActions.targetAdded({ target: teamsUserTarget(BLAKE.id, 'Blake Chen', 'public') }));
    store.dispatch(DialerActions.targetAdded({ target: phone('+14255550101') }));
    await dialer.removeTarget('Blake Chen');
    expect(await dialer.getTargets()).toEqual(['+1 425 555 0101']);
    expect(await dialer.getCallLabel()).toBe('Call');
  });

  it('says, with the code, why a placed call did not connect', async () => {
    const { store, dialer } = await setUp();
    await dialer.type('+14255550486');
    await dialer.call();
    store.dispatch(CallSwitchActions.startingCall());
    store.dispatch(
      CallingSdkEvents.callAdded({ call: call('c1', { direction: 'Outgoing', state: 'Connecting' }) }),
    );
    store.dispatch(CallingApiActions.callPlaced({ callId: 'c1' }));
    store.dispatch(
      CallingSdkEvents.callEnded({ id: 'c1', callEndReason: { code: 486, subCode: 560486 }, at: 9 }),
    );
    expect(await dialer.getFailures()).toEqual(['+1 425 555 0486 is busy. (code 486/560486)']);
  });

  it('asks who to call when nothing is typed', async () => {
    const { dialer, typesDispatched } = await setUp();
    await dialer.call();
    expect(await dialer.getProblem()).toBe('Type who to call: a name, a phone number or a Teams user id.');
    expect(typesDispatched()).not.toContain(DialerActions.callClicked.type);
  });
});
