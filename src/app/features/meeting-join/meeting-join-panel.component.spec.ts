import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ActionsSubject, Store, type Action } from '@ngrx/store';
import { SealedMeetingLocators } from '../../core/sealed-meeting-locators';
import { CallingSdkEvents } from '../../state/calling-sdk.actions';
import { CallingApiActions } from '../../state/calling-api.actions';
import { CallSwitchActions } from '../../state/calls/call-switch.actions';
import { MeetingJoinFormActions } from '../../state/meeting-join/meeting-join-form.actions';
import { call } from '../../state/testing/snapshots';
import { provideTestState } from '../../state/testing/provide-test-state';
import { takingCallsHere } from '../../state/testing/taking-calls-here';
import { ReloadNoteActions } from '../../state/reload/reload-note.actions';
import { MeetingJoinPanelComponent } from './meeting-join-panel.component';
import { MeetingJoinPanelHarness } from './meeting-join-panel.harness';

const LINK =
  'https://teams.microsoft.com/l/meetup-join/19%3Ameeting_NzQ4MjE0%40thread.v2/1700000000123?context=%7B%22Tid%22%3A%22t%22%7D';

describe('MeetingJoinPanelComponent', () => {
  async function setUp() {
    TestBed.configureTestingModule({ providers: provideTestState() });
    const fixture = TestBed.createComponent(MeetingJoinPanelComponent);
    const store = TestBed.inject(Store);
    const dispatched: Action[] = [];
    TestBed.inject(ActionsSubject).subscribe((action) => dispatched.push(action));
    const panel = await TestbedHarnessEnvironment.harnessForFixture(fixture, MeetingJoinPanelHarness);
    const joins = () =>
      dispatched.filter(
        (a): a is ReturnType<typeof MeetingJoinFormActions.joinClicked> =>
          MeetingJoinFormActions.joinClicked.type === a.type,
      );
    return { store, panel, dispatched, joins };
  }

  it('says what is wrong with a meeting ID and passcode, field by field, and joins nothing', async () => {
    const { panel, joins } = await setUp();
    await panel.choose('Meeting ID');
    await panel.fill('Meeting ID', '123 456 789 01');
    await panel.fill('Passcode', 'aB3');
    await panel.join();
    expect(await panel.getErrors()).toEqual({
      'Meeting ID': ['A meeting ID has 12 digits; this one has 11.'],
      Passcode: ['A passcode has 6 characters; this one has 3.'],
    });
    expect(joins()).toEqual([]);
  });

  it('says nothing when the agent tabs past the empty link; a bad link once they leave it, an empty one on Join', async () => {
    const { panel, joins } = await setUp();
    await panel.tabPast('Meeting link');
    expect(await panel.getErrors()).toEqual({});

    await panel.fill('Meeting link', 'teams meeting');
    await panel.tabPast('Meeting link');
    expect(await panel.getErrors()).toEqual({
      'Meeting link': [
        'This is not a link: a Teams meeting link starts with https://teams.microsoft.com/l/meetup-join/.',
      ],
    });

    await panel.fill('Meeting link', '');
    await panel.tabPast('Meeting link');
    expect(await panel.getErrors()).toEqual({});
    await panel.join();
    expect(await panel.getErrors()).toEqual({
      'Meeting link': ['Paste the meeting link from the invitation.'],
    });
    expect(joins()).toEqual([]);
  });

  it('masks the passcode until the agent asks to see it', async () => {
    const { panel } = await setUp();
    await panel.choose('Meeting ID');
    expect(await panel.getType('Passcode')).toBe('password');
    expect(await panel.isPasscodeShown()).toBeFalse();
    await panel.togglePasscode();
    expect(await panel.getType('Passcode')).toBe('text');
    expect(await panel.isPasscodeShown()).toBeTrue();
  });

  it('joins by meeting ID and passcode without putting either in the action', async () => {
    const { panel, dispatched, joins } = await setUp();
    await panel.choose('Meeting ID');
    await panel.fill('Meeting ID', '123 456 789 012');
    await panel.fill('Passcode', 'aB3dE6');
    await panel.join();
    expect(joins().map((j) => j.kind)).toEqual(['meetingId']);
    expect(JSON.stringify(dispatched)).not.toMatch(/123456789012|123 456 789 012|aB3dE6/);
    expect(TestBed.inject(SealedMeetingLocators).unseal(joins()[0]!.ticket)).toEqual({
      meetingId: '123456789012',
      passcode: 'aB3dE6',
    });
    expect(TestBed.inject(SealedMeetingLocators).count).toBe(0);
  });

  it('checks a meeting link and joins by it', async () => {
    const { panel, joins } = await setUp();
    await panel.fill('Meeting link', 'https://zoom.us/j/1');
    await panel.join();
    expect(await panel.getErrors()).toEqual({
      'Meeting link': ['This is not a Teams meeting link: it goes to zoom.us, not teams.microsoft.com.'],
    });
    await panel.fill('Meeting link', LINK);
    await panel.join();
    expect(TestBed.inject(SealedMeetingLocators).unseal(joins()[0]!.ticket)).toEqual({ meetingLink: LINK });
  });

  it('checks each coordinate', async () => {
    const { panel, joins } = await setUp();
    await panel.choose('Coordinates');
    await panel.fill('Thread id', '19:abc');
    await panel.fill('Organizer id', 'sam');
    await panel.fill('Message id', '0');
    await panel.join();
    expect(await panel.getErrors()).toEqual({
      'Thread id': ['A meeting thread id looks like 19:meeting_…@thread.v2.'],
      'Organizer id': [
        'The organizer id is the organizer’s object id: a GUID like 8c0a7a44-1b2c-4d5e-9f00-123456789abc.',
      ],
      'Tenant id': ['Type the tenant id.'],
    });
    expect(joins()).toEqual([]);
  });

  it('shows the agent waiting in the lobby, then clears the form once in', async () => {
    const { store, panel } = await setUp();
    await panel.fill('Meeting link', LINK);
    await panel.join();
    expect(await panel.getProgress()).toBe('Joining the Teams meeting…');
    expect(await panel.canJoin()).toBeFalse();
    store.dispatch(CallSwitchActions.joiningMeeting());
    store.dispatch(
      CallingSdkEvents.callAdded({ call: call('m1', { kind: 'meeting', state: 'Connecting' }) }),
    );
    store.dispatch(CallingApiActions.meetingJoined({ callId: 'm1' }));
    store.dispatch(CallingSdkEvents.callStateChanged({ id: 'm1', state: 'InLobby', at: 2 }));
    expect(await panel.getProgress()).toBe('Waiting in the lobby: someone in the meeting will let you in.');
    expect(await panel.getValue('Meeting link')).toBe('');
    expect(await panel.getErrors()).toEqual({});
    store.dispatch(CallingSdkEvents.callStateChanged({ id: 'm1', state: 'Connected', at: 3 }));
    expect(await panel.getProgress()).toBeNull();
    expect(await panel.canJoin()).toBeTrue();
  });

  it('says, with the code, that no meeting matched', async () => {
    const { store, panel } = await setUp();
    await panel.fill('Meeting link', LINK);
    await panel.join();
    store.dispatch(CallSwitchActions.joiningMeeting());
    store.dispatch(
      CallingSdkEvents.callAdded({ call: call('m1', { kind: 'meeting', state: 'Connecting' }) }),
    );
    store.dispatch(CallingApiActions.meetingJoined({ callId: 'm1' }));
    store.dispatch(CallingSdkEvents.callEnded({ id: 'm1', callEndReason: { code: 404 }, at: 2 }));
    expect(await panel.getFailure()).toBe(
      'Could not join the Teams meeting. No meeting matches these details: check them and try again. (code 404)',
    );
    // What was typed stays, to correct and try again.
    expect(await panel.getValue('Meeting link')).toBe(LINK);
  });

  describe('after a reload ended a meeting', () => {
    const reloaded = (store: Store, joinedBy: 'link' | 'meetingId') => {
      store.dispatch(
        ReloadNoteActions.noteRead({
          calls: [{ id: 'm1', kind: 'meeting', name: 'a Teams meeting', joinedBy }],
        }),
      );
      takingCallsHere(store);
    };

    it('opens the link form again, focused, saying the link must be pasted again; joining ends it', async () => {
      const { store, panel, joins } = await setUp();
      await panel.choose('Meeting ID');
      reloaded(store, 'link');
      expect(await panel.getChosen()).toBe('Link');
      expect(await panel.isFocused('Meeting link')).toBeTrue();
      expect(await panel.getValue('Meeting link')).toBe('');
      expect(await panel.getRejoinLine()).toBe(
        'You were in a Teams meeting before the page reloaded. Paste its link again to join: Switchboard does not keep meeting links.',
      );
      await panel.fill('Meeting link', LINK);
      await panel.join();
      expect(joins().length).toBe(1);
      expect(await panel.getRejoinLine()).toBeNull();
    });

    it('opens the meeting ID form again when the meeting was joined by its ID, with nothing filled in', async () => {
      const { store, panel } = await setUp();
      reloaded(store, 'meetingId');
      expect(await panel.getChosen()).toBe('Meeting ID');
      expect(await panel.isFocused('Meeting ID')).toBeTrue();
      expect(await panel.getValue('Passcode')).toBe('');
      expect(await panel.getRejoinLine()).toContain('Type its meeting ID and passcode again to join');
    });
  });
});
