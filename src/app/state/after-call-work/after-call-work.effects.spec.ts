import { TestBed } from '@angular/core/testing';
import { CallHistoryDatabases, CallHistoryDb, callHistoryDbName } from '../../core/call-history-db';
import { RUNTIME_CONFIG } from '../../core/runtime-config';
import { SealedMeetingLocators } from '../../core/sealed-meeting-locators';
import { EMULATED_CONFIG } from '../../core/testing/runtime-configs';
import { ManualScheduler } from '../../floor/testing/manual-scheduler';
import { agentFeature } from '../agent/agent.feature';
import { ShellActions } from '../agent/shell.actions';
import { ActiveCallPanelActions } from '../calls/active-call-panel.actions';
import { HeldCallsPanelActions } from '../calls/held-calls-panel.actions';
import { historyFeature } from '../history/history.feature';
import { HISTORY_SCHEDULER } from '../history/history-time';
import { testHistoryDatabases } from '../history/testing/test-history-databases';
import { MeetingJoinFormActions } from '../meeting-join/meeting-join-form.actions';
import { QueuePanelActions } from '../queue/queue-panel.actions';
import { startEmulatedConsole } from '../testing/emulated-console';
import { AfterCallWorkPanelActions } from './after-call-work-panel.actions';
import { AFTER_CALL_WORK_SCHEDULER } from './after-call-work-time';
import { afterCallWorkFeature } from './after-call-work.feature';

describe('after-call work and the call history, on the emulator', () => {
  let wall: number;
  let limit: ManualScheduler;
  let databases: ReturnType<typeof testHistoryDatabases>;
  let userId: string | null;

  beforeEach(() => {
    // The bridges stamp events with the wall clock: the test moves it.
    wall = Date.UTC(2026, 11, 7, 9, 0, 0);
    spyOn(Date, 'now').and.callFake(() => wall);
    limit = new ManualScheduler(0);
    databases = testHistoryDatabases();
    userId = null;
  });
  afterEach(async () => {
    if (userId) await databases.remove(userId);
  });

  async function alex(afterCallWorkSeconds = 120) {
    const app = await startEmulatedConsole('alex', {
      providers: [
        ...databases.providers,
        { provide: AFTER_CALL_WORK_SCHEDULER, useValue: limit },
        { provide: HISTORY_SCHEDULER, useValue: new ManualScheduler(wall) },
        { provide: RUNTIME_CONFIG, useValue: { ...EMULATED_CONFIG, afterCallWorkSeconds } },
      ],
    });
    userId = app.state(agentFeature.selectUser)!.id;
    const stored = async () => (await TestBed.inject(CallHistoryDatabases).of(userId!)).all();
    return { app, stored };
  }

  async function answerRobin(app: Awaited<ReturnType<typeof alex>>['app']) {
    const id = app.emulator.world.enqueuePhoneCall({
      from: '+14255550123',
      displayName: 'Robin Park',
      queue: 'Billing',
      patienceMs: 60_000,
      talkMs: 600_000,
    });
    await app.settle();
    app.store.dispatch(QueuePanelActions.acceptClicked({ id }));
    await app.settle();
    return id;
  }

  it('records a call answered, held and hung up, with its talk and hold time, and the wrap-up at Done', async () => {
    const { app, stored } = await alex();
    const answeredAt = wall;
    const id = await answerRobin(app);
    wall += 30_000;
    app.store.dispatch(ActiveCallPanelActions.holdClicked({ callId: id }));
    await app.settle();
    wall += 10_000;
    app.store.dispatch(HeldCallsPanelActions.resumeClicked({ callId: id }));
    await app.settle();
    wall += 20_000;
    app.store.dispatch(ActiveCallPanelActions.hangUpClicked({ callId: id }));
    await app.settle();

    expect(app.state(afterCallWorkFeature.selectCurrent)).toEqual({
      callId: id,
      callerName: 'Robin Park',
      kind: 'oneToOne',
      startedAt: wall,
      wrapUp: null,
      notes: '',
    });
    expect(app.state(afterCallWorkFeature.selectPanelShown)).toBeTrue();
    const [written] = await stored();
    expect(written).toEqual(
      jasmine.objectContaining({
        id,
        callerName: 'Robin Park',
        callerNumber: '+14255550123',
        queue: 'Billing',
        direction: 'Incoming',
        outcome: 'Answered',
        answeredAt,
        endedAt: answeredAt + 60_000,
        talkMs: 50_000,
        holdMs: 10_000,
        endReason: 'You hung up.',
        endCode: 0,
        endSubCode: 0,
        wrapUp: null,
      }),
    );

    app.store.dispatch(AfterCallWorkPanelActions.wrapUpChosen({ code: 'Resolved' }));
    app.store.dispatch(AfterCallWorkPanelActions.notesChanged({ notes: 'Refund issued.' }));
    app.store.dispatch(AfterCallWorkPanelActions.doneClicked());
    await app.settle();
    expect(app.state(afterCallWorkFeature.selectCurrent)).toBeNull();
    expect((await stored()).map(({ wrapUp, notes, outcome }) => ({ wrapUp, notes, outcome }))).toEqual([
      { wrapUp: 'Resolved', notes: 'Refund issued.', outcome: 'Answered' },
    ]);
    expect(app.state(historyFeature.selectFailure)).toBeNull();
  });

  it('ends after-call work by itself at the limit, keeping what the agent entered', async () => {
    const { app, stored } = await alex(90);
    const id = await answerRobin(app);
    app.store.dispatch(ActiveCallPanelActions.hangUpClicked({ callId: id }));
    await app.settle();
    app.store.dispatch(AfterCallWorkPanelActions.notesChanged({ notes: 'Call back Monday.' }));
    limit.advance(89_999);
    await app.settle();
    expect(app.state(afterCallWorkFeature.selectCurrent)?.notes).toBe('Call back Monday.');
    limit.advance(1);
    await app.settle();
    expect(app.state(afterCallWorkFeature.selectCurrent)).toBeNull();
    expect((await stored())[0]).toEqual(
      jasmine.objectContaining({ id, wrapUp: null, notes: 'Call back Monday.' }),
    );
  });

  it('keeps what was entered when the agent signs out during after-call work', async () => {
    const { app } = await alex();
    const id = await answerRobin(app);
    app.store.dispatch(ActiveCallPanelActions.hangUpClicked({ callId: id }));
    await app.settle();
    app.store.dispatch(AfterCallWorkPanelActions.wrapUpChosen({ code: 'Follow-up needed' }));
    app.store.dispatch(AfterCallWorkPanelActions.notesChanged({ notes: 'Send the form.' }));
    app.store.dispatch(ShellActions.signOutClicked());
    await app.settle();
    const db = await CallHistoryDb.open(callHistoryDbName(databases.prefix, userId!));
    expect((await db.all()).map(({ wrapUp, notes }) => ({ wrapUp, notes }))).toEqual([
      { wrapUp: 'Follow-up needed', notes: 'Send the form.' },
    ]);
    db.close();
  });

  it('has no limit when afterCallWorkSeconds is 0', async () => {
    const { app } = await alex(0);
    const id = await answerRobin(app);
    app.store.dispatch(ActiveCallPanelActions.hangUpClicked({ callId: id }));
    await app.settle();
    limit.advance(24 * 60 * 60 * 1000);
    await app.settle();
    expect(app.state(afterCallWorkFeature.selectCurrent)?.callId).toBe(id);
  });

  it('records a queue call that rang out here as Missed, without after-call work', async () => {
    const { app, stored } = await alex();
    const id = app.emulator.world.enqueuePhoneCall({
      displayName: 'Robin Park',
      queue: 'Billing',
      patienceMs: 600_000,
    });
    await app.settle();
    await app.advance(121_000);
    wall += 121_000;
    expect(app.state(afterCallWorkFeature.selectCurrent)).toBeNull();
    const [missed] = await stored();
    expect(missed).toEqual(
      jasmine.objectContaining({
        id,
        outcome: 'Missed',
        callerName: 'Robin Park',
        queue: 'Billing',
        talkMs: 0,
      }),
    );
    expect(missed.endReason).toBe('Nobody answered in time.');
  });

  it('records a declined call as Declined', async () => {
    const { app, stored } = await alex();
    const id = app.emulator.world.enqueuePhoneCall({
      displayName: 'Robin Park',
      queue: 'Billing',
      patienceMs: 60_000,
    });
    await app.settle();
    app.store.dispatch(QueuePanelActions.rejectClicked({ id }));
    await app.settle();
    expect((await stored()).map((e) => [e.id, e.outcome, e.endReason])).toEqual([
      [id, 'Declined', 'You declined the call.'],
    ]);
  });

  it('stores nothing that joins a meeting: no link, meeting ID, passcode or thread', async () => {
    const { app, stored } = await alex();
    const meeting = app.emulator.world.meetings.list().find((m) => !m.lobby)!;
    app.store.dispatch(
      MeetingJoinFormActions.joinClicked({
        ticket: TestBed.inject(SealedMeetingLocators).seal({
          meetingId: meeting.meetingId,
          passcode: meeting.passcode,
        }),
        kind: 'meetingId',
      }),
    );
    await app.settle();
    const [id] = Object.keys(app.state(afterCallWorkFeature.selectCalls));
    app.store.dispatch(ActiveCallPanelActions.hangUpClicked({ callId: id! }));
    await app.settle();
    const [entry] = await stored();
    expect(entry).toEqual(
      jasmine.objectContaining({ outcome: 'Joined', callerName: 'Teams meeting', kind: 'meeting' }),
    );
    const record = JSON.stringify(entry);
    for (const secret of [meeting.meetingId, meeting.passcode, meeting.threadId, meeting.link])
      expect(record).not.toContain(secret);
  });
});
