import { TestBed } from '@angular/core/testing';
import { Actions } from '@ngrx/effects';
import type { Action } from '@ngrx/store';
import type { MeetingLocator } from '../../model/meeting-locator';
import { SealedMeetingLocators } from '../../core/sealed-meeting-locators';
import { ShellActions } from '../agent/shell.actions';
import { ActiveCallPanelActions } from '../calls/active-call-panel.actions';
import { MeetingJoinFormActions } from './meeting-join-form.actions';
import { callsFeature } from '../calls/calls.feature';
import { participantsFeature } from '../participants/participants.feature';
import { QueuePanelActions } from '../queue/queue-panel.actions';
import { startEmulatedConsole } from '../testing/emulated-console';
import { meetingJoinFeature } from './meeting-join.feature';

const RILEY = '8:orgid:00000000-0000-4000-8000-00000000b001';

/** Alex at a console, every action recorded as the devtools would serialize it. */
async function joiner() {
  const app = await startEmulatedConsole('alex');
  const actions: Action[] = [];
  TestBed.inject(Actions).subscribe((action) => actions.push(action));
  const [withLobby, withoutLobby] = app.emulator.world.meetings.list();
  const join = (locator: MeetingLocator, kind: 'link' | 'coordinates' | 'meetingId') =>
    app.store.dispatch(
      MeetingJoinFormActions.joinClicked({
        ticket: TestBed.inject(SealedMeetingLocators).seal(locator),
        kind,
      }),
    );
  const progress = () => app.state(meetingJoinFeature.selectJoinProgress);
  return { app, actions, withLobby: withLobby!, withoutLobby: withoutLobby!, join, progress };
}

describe('joining Teams meetings, on the emulator', () => {
  it('waits in the lobby, says so, and is in once the organizer lets the agent in', async () => {
    const { app, join, progress, withLobby } = await joiner();
    join({ meetingId: withLobby.meetingId, passcode: withLobby.passcode }, 'meetingId');
    await app.settle();
    expect(app.state(callsFeature.selectActiveCall)).toEqual(
      jasmine.objectContaining({ kind: 'meeting', state: 'InLobby' }),
    );
    expect(progress()).toBe('Waiting in the lobby: someone in the meeting will let you in.');
    await app.advance(withLobby.autoAdmitMs);
    expect(app.state(callsFeature.selectActiveCall)?.state).toBe('Connected');
    expect(progress()).toBeNull();
  });

  it('reaches the same meeting by its link and by its coordinates', async () => {
    const { app, join, withoutLobby } = await joiner();
    const inMeeting = () => [
      app.state(callsFeature.selectActiveCall)?.kind,
      app.state(participantsFeature.selectAllParticipants).map((p) => p.identity.rawId),
    ];
    join({ meetingLink: withoutLobby.link }, 'link');
    await app.settle();
    expect(inMeeting()).toEqual(['meeting', [RILEY]]);
    app.store.dispatch(
      ActiveCallPanelActions.hangUpClicked({ callId: app.state(callsFeature.selectActiveCall)!.id }),
    );
    await app.settle();
    const { threadId, organizerId, tenantId, messageId } = withoutLobby;
    join({ threadId, organizerId, tenantId, messageId }, 'coordinates');
    await app.settle();
    expect(inMeeting()).toEqual(['meeting', [RILEY]]);
  });

  it('holds the call the agent is on before joining', async () => {
    const { app, join, withoutLobby } = await joiner();
    const queued = app.emulator.world.enqueuePhoneCall({ patienceMs: 60_000, talkMs: 600_000 });
    await app.settle();
    app.store.dispatch(QueuePanelActions.acceptClicked({ id: queued }));
    await app.settle();
    join({ meetingLink: withoutLobby.link }, 'link');
    await app.settle();
    expect(app.state(callsFeature.selectHeldCalls).map((c) => [c.id, c.state])).toEqual([
      [queued, 'LocalHold'],
    ]);
    expect(app.state(callsFeature.selectActiveCall)).toEqual(
      jasmine.objectContaining({ kind: 'meeting', state: 'Connected' }),
    );
  });

  it('says, with the code, that no meeting has this ID and passcode (the passcode’s case matters)', async () => {
    const { app, join, withoutLobby } = await joiner();
    const wrongCase = withoutLobby.passcode.replace(/[a-z]/i, (c) =>
      c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase(),
    );
    join({ meetingId: withoutLobby.meetingId, passcode: wrongCase }, 'meetingId');
    await app.settle();
    expect(app.state(meetingJoinFeature.selectFailure)).toEqual(
      jasmine.objectContaining({
        message:
          'Could not join the Teams meeting. No meeting matches these details: check them and try again.',
        code: 404,
      }),
    );
    expect(app.state(callsFeature.selectAllCalls)).toEqual([]);
  });

  it('takes the agent back to the caller they held when the meeting cannot be joined', async () => {
    const { app, join, withoutLobby } = await joiner();
    const queued = app.emulator.world.enqueuePhoneCall({ patienceMs: 60_000, talkMs: 600_000 });
    await app.settle();
    app.store.dispatch(QueuePanelActions.acceptClicked({ id: queued }));
    await app.settle();
    join({ meetingId: withoutLobby.meetingId, passcode: 'wrong1' }, 'meetingId');
    await app.settle();
    expect(app.state(meetingJoinFeature.selectFailure)?.code).toBe(404);
    expect(app.state(callsFeature.selectActiveCall)).toEqual(
      jasmine.objectContaining({ id: queued, state: 'Connected' }),
    );
    expect(app.state(callsFeature.selectHeldCalls)).toEqual([]);
  });

  it('keeps meeting IDs, passcodes, links and coordinates out of every action and the store', async () => {
    const { app, actions, join, withLobby, withoutLobby } = await joiner();
    join({ meetingId: withLobby.meetingId, passcode: withLobby.passcode }, 'meetingId');
    await app.settle();
    join({ meetingLink: withoutLobby.link }, 'link');
    await app.settle();
    const { threadId, organizerId, tenantId, messageId } = withoutLobby;
    join({ threadId, organizerId, tenantId, messageId }, 'coordinates');
    await app.advance(withLobby.autoAdmitMs);
    const seen = JSON.stringify([actions, app.state((state) => state)]);
    for (const secret of [
      withLobby.meetingId,
      withLobby.passcode,
      withoutLobby.link,
      encodeURIComponent(withoutLobby.threadId),
      withoutLobby.threadId,
      withLobby.threadId,
      withoutLobby.messageId,
    ])
      expect(seen).not.toContain(secret);
    expect(TestBed.inject(SealedMeetingLocators).count).toBe(0);
  });

  it('drops a sealed locator whose join never ran when the agent signs out', async () => {
    const { app, withLobby } = await joiner();
    // Stuck behind an accept the world never answers, the join waits in the line.
    const queued = app.emulator.world.enqueuePhoneCall({ patienceMs: 600_000 });
    await app.settle();
    app.emulator.world.faults.delayNext('accept', 600_000);
    app.store.dispatch(QueuePanelActions.acceptClicked({ id: queued }));
    app.store.dispatch(
      MeetingJoinFormActions.joinClicked({
        ticket: TestBed.inject(SealedMeetingLocators).seal({
          meetingId: withLobby.meetingId,
          passcode: withLobby.passcode,
        }),
        kind: 'meetingId',
      }),
    );
    await app.settle();
    expect(TestBed.inject(SealedMeetingLocators).count).toBe(1);
    app.store.dispatch(ShellActions.signOutClicked());
    await app.settle();
    expect(TestBed.inject(SealedMeetingLocators).count).toBe(0);
  });
});
