import { PHONE_PARTICIPANT_ID } from '../../graph/graph.service';
import { RosterActions } from '../participants/roster.actions';
import {
  ALEX,
  AVERY,
  BLAKE,
  colleague,
  JORDAN,
  onAPhoneCall,
  phone,
  RILEY,
  TAYLOR,
} from './testing/escalating-console';
import { otherConsole } from '../testing/group-call';

const MEMBERS_PATH = /^\/chats\/[^/]+\/members$/;

describe('escalating a 1:1 phone call, on the emulator', () => {
  it('adds a second number with a chat of the agent and the phone stand-in, step by step', async () => {
    const { app, call, chat, rows, escalationLog, escalate, roster, ringing } = await onAPhoneCall();
    escalate(phone('+14255550123'));
    await ringing();
    expect(chat()).toEqual([ALEX, PHONE_PARTICIPANT_ID]);
    expect(call().kind).toBe('group');
    expect(rows()).toEqual([['+1 425 555 0123', 'Ringing', 'Ringing +1 425 555 0123…']]);
    await app.advance(5_000);
    expect(roster()).toEqual(jasmine.arrayContaining([[jasmine.anything(), 'Connected']]));
    expect(rows()).toEqual([['+1 425 555 0123', 'Joined', '+1 425 555 0123 joined the call.']]);
    expect(escalationLog()).toEqual([
      '[Escalation API] Escalation Started',
      '[Escalation API] Thread Ensured',
      '[Escalation API] Participant Added',
      '[Escalation API] Ringing',
      '[Escalation API] Connected',
    ]);
  });

  it('uses the group chat the agent already has with the phone stand-in instead of making one', async () => {
    const { app, threadId, escalate, found, ringing } = await onAPhoneCall();
    const existing = app.emulator.world.threads.create({ members: [ALEX, PHONE_PARTICIPANT_ID] }, 0);
    const chats = app.emulator.world.threads.list().length;
    escalate(phone('+14255550123'));
    await ringing();
    expect(threadId()).toBe(existing.id);
    expect(app.emulator.world.threads.list().length).toBe(chats);
    expect(found()).toEqual([true]);
  });

  it('adds a Teams user to a group call’s own chat before the call, and leaves them ringing there', async () => {
    const { app, chat, rows, escalate, threadId, found, ringing } = await onAPhoneCall();
    escalate(phone('+14255550123'));
    await ringing();
    await app.advance(5_000);
    const groupChat = threadId();
    escalate(colleague(TAYLOR, 'Taylor Kim'));
    await ringing();
    expect(threadId()).toBe(groupChat);
    expect(chat()).toEqual([ALEX, PHONE_PARTICIPANT_ID, TAYLOR]);
    expect(found()).toEqual([false, true]);
    expect(rows().map(([name, chip]) => [name, chip])).toEqual([
      ['+1 425 555 0123', 'Joined'],
      ['Taylor Kim', 'Ringing'],
    ]);
    // Signing out (after the test) stops the escalation with nothing left listening.
  });

  it('puts a Teams user in the chat before adding them to the call, then shows them joined', async () => {
    const { app, chat, rows, escalationLog, escalate, ringing } = await onAPhoneCall();
    escalate(colleague(RILEY, 'Riley Brooks'));
    await ringing();
    expect(chat()).toEqual([ALEX, PHONE_PARTICIPANT_ID, RILEY]);
    expect(rows()).toEqual([['Riley Brooks', 'Ringing', 'Ringing Riley Brooks…']]);
    await app.advance(5_000);
    expect(rows()).toEqual([['Riley Brooks', 'Joined', 'Riley Brooks joined the call.']]);
    expect(escalationLog()).toEqual([
      '[Escalation API] Escalation Started',
      '[Escalation API] Thread Ensured',
      '[Escalation API] Chat Member Added',
      '[Escalation API] Participant Added',
      '[Escalation API] Ringing',
      '[Escalation API] Connected',
    ]);
  });

  it('gives two escalations of one call at once one chat, the second waiting for the first', async () => {
    const { app, chat, rows, escalate, ringing } = await onAPhoneCall();
    const chats = app.emulator.world.threads.list().length;
    escalate(phone('+14255550123'));
    escalate(colleague(RILEY, 'Riley Brooks'));
    await ringing();
    await app.advance(5_000);
    expect(app.emulator.world.threads.list().length).toBe(chats + 1);
    expect(chat()).toEqual([ALEX, PHONE_PARTICIPANT_ID, RILEY]);
    expect(rows().map(([name, chip]) => [name, chip])).toEqual([
      ['+1 425 555 0123', 'Joined'],
      ['Riley Brooks', 'Joined'],
    ]);
  });

  it('makes a chat of the Teams users alone when they are more than two', async () => {
    const { app, chat, rows, escalate, ringing } = await onAPhoneCall();
    const blake = await otherConsole(app, 'blake');
    escalate(colleague(RILEY, 'Riley Brooks'), colleague(BLAKE, 'Blake Chen'));
    await ringing();
    expect(chat()).toEqual([ALEX, RILEY, BLAKE]);
    await blake.accept();
    await app.advance(5_000);
    expect(rows().map(([name, chip]) => [name, chip])).toEqual([
      ['Riley Brooks', 'Joined'],
      ['Blake Chen', 'Joined'],
    ]);
    await blake.dispose();
  });

  it('leaves nothing behind when Graph refuses the chat member (403), and says so by name', async () => {
    const { graph, chat, call, roster, panel, escalate, ringing } = await onAPhoneCall();
    graph.faults.failNext('POST', MEMBERS_PATH, 403);
    escalate(colleague(RILEY, 'Riley Brooks'));
    await ringing();
    const [row] = panel().rows;
    expect(row!.chip).toBe('Failed');
    expect(row!.text).toMatch(/^Failed: Riley Brooks could not be added to the call’s chat: /);
    expect(row!.failure?.code).toBe(403);
    expect(row!.dismissable).toBeTrue();
    expect(chat()).toEqual([]);
    expect(call().kind).toBe('oneToOne');
    expect(roster().length).toBe(1);
  });

  it('takes the chat member out again when adding them to the call fails', async () => {
    const { app, chat, panel, escalate, threadId, ringing } = await onAPhoneCall();
    app.emulator.world.faults.failNext('addParticipant', { code: 500 });
    escalate(colleague(RILEY, 'Riley Brooks'));
    await ringing();
    const members = app.emulator.world.threads.list().flatMap((t) => [...t.members]);
    expect(members).not.toContain(RILEY);
    expect(panel().rows[0]!.chip).toBe('Failed');
    expect(threadId() === undefined || !chat().includes(RILEY)).toBeTrue();
  });

  const refusals: [string, () => ReturnType<typeof colleague>, number, string, string][] = [
    [
      'declines',
      () => colleague(JORDAN, 'Jordan Diaz'),
      2_000,
      JORDAN,
      'Failed: Jordan Diaz declined the call.',
    ],
    ['is offline', () => colleague(AVERY, 'Avery Stone'), 0, AVERY, 'Failed: Avery Stone is offline.'],
    [
      'does not answer',
      () => colleague(TAYLOR, 'Taylor Kim'),
      121_000,
      TAYLOR,
      'Failed: Taylor Kim did not answer.',
    ],
  ];
  for (const [what, target, after, id, message] of refusals) {
    it(`takes a Teams user who ${what} out of the call and the chat, and says so`, async () => {
      const { app, chat, roster, panel, escalate, finished, ringing } = await onAPhoneCall();
      escalate(target());
      await ringing();
      await app.advance(after);
      await finished();
      expect(panel().rows.map((r) => [r.chip, r.text])).toEqual([['Failed', message]]);
      expect(chat()).not.toContain(id);
      expect(roster().length).toBe(1);
    });
  }

  it('says a busy number is busy, with its code', async () => {
    const { app, panel, escalate, ringing } = await onAPhoneCall();
    escalate(phone('+14255550486'));
    await ringing();
    await app.advance(1_000);
    expect(panel().rows[0]).toEqual(
      jasmine.objectContaining({
        chip: 'Failed',
        text: 'Failed: +1 425 555 0486 is busy.',
        failure: { message: '+1 425 555 0486 is busy.', code: 486, subCode: 560486 },
      }),
    );
  });

  it('says someone already in the call is, and adds nobody', async () => {
    const { app, panel, escalate, callerName, roster, callId, call, ringing } = await onAPhoneCall();
    const { identifier } = app.registry.call(callId).remoteParticipants[0]!;
    escalate(phone(identifier.kind === 'phoneNumber' ? identifier.phoneNumber : ''));
    await ringing();
    expect(panel().rows[0]?.text).toMatch(/^Failed: .+ is already in this call\.$/);
    expect(roster().map(([name]) => name)).toEqual([callerName]);
    expect(call().kind).toBe('oneToOne');
  });

  it('takes a Teams user removed from the call out of its chat afterwards', async () => {
    const { app, log, chat, call, escalate, ringing } = await onAPhoneCall();
    escalate(colleague(RILEY, 'Riley Brooks'));
    await ringing();
    await app.advance(5_000);
    expect(chat()).toContain(RILEY);
    log.length = 0;
    app.store.dispatch(RosterActions.removeClicked({ callId: call().id, participantId: `8:orgid:${RILEY}` }));
    await app.settle();
    expect(chat()).toEqual([ALEX, PHONE_PARTICIPANT_ID]);
    const order = log.filter((type) =>
      ['[Calling API] Participant Operation Succeeded', '[Chat Threads API] Chat Member Removed'].includes(
        type,
      ),
    );
    expect(order).toEqual([
      '[Calling API] Participant Operation Succeeded',
      '[Chat Threads API] Chat Member Removed',
    ]);
  });
});
