import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ServerMessage } from '../protocol/messages';
import { unnumbered, worldWithConsoles } from '../testing/direct-consoles';
import { msUntilCallerSpeaks } from '../testing/speaking-probe';
import { ManualClock } from './clock';
import { World } from './world';

const setUp = worldWithConsoles;

describe('queue routing', () => {
  it('rings every signed-in agent at once, and never the supervisor', async () => {
    const { world, of } = await setUp('alex', 'blake', 'sam');
    const id = world.enqueuePhoneCall({ from: '+14255550199', queue: 'Sales' });
    for (const agent of ['alex', 'blake']) {
      assert.deepEqual(
        of(agent, 'incomingCall').map((m) => m.type === 'incomingCall' && m.incomingCall.id),
        [id],
      );
    }
    assert.equal(of('sam', 'incomingCall').length, 0);
    const ringing = of('alex', 'incomingCall')[0];
    assert.ok(ringing.type === 'incomingCall');
    assert.equal(ringing.incomingCall.transferorInfo?.displayName, 'Sales');
    assert.equal(ringing.incomingCall.callerInfo.identifier.kind, 'phoneNumber');
  });

  it('gives the call to the first agent who accepts; the others stop ringing with 487/10003', async () => {
    const { world, endpoints, of } = await setUp('alex', 'blake');
    const id = world.enqueuePhoneCall();
    assert.deepEqual(await world.request(endpoints['blake'], { op: 'accept', incomingCallId: id }), {
      callId: id,
    });
    assert.deepEqual(of('alex', 'incomingCallEnded'), [
      { type: 'incomingCallEnded', id, callEndReason: { code: 487, subCode: 10003 } },
    ]);
    const states = of('blake', 'callChanged').map((m) => m.type === 'callChanged' && m.state);
    assert.deepEqual(states, ['Connected']);
    assert.equal(of('blake', 'callAdded').length, 1);
    await assert.rejects(world.request(endpoints['alex'], { op: 'accept', incomingCallId: id }), {
      code: 400,
      subCode: 41006,
    });
  });

  it('keeps a declined call waiting for another agent, who can still take it', async () => {
    const { world, endpoints, of } = await setUp('alex', 'blake');
    const id = world.enqueuePhoneCall();
    await world.request(endpoints['alex'], { op: 'reject', incomingCallId: id });
    assert.deepEqual(of('alex', 'incomingCallEnded'), [
      { type: 'incomingCallEnded', id, callEndReason: { code: 603, subCode: 0 } },
    ]);
    await assert.rejects(world.request(endpoints['alex'], { op: 'reject', incomingCallId: id }), {
      code: 400,
      subCode: 41007,
    });
    assert.deepEqual(await world.request(endpoints['blake'], { op: 'accept', incomingCallId: id }), {
      callId: id,
    });
  });

  it('rings an agent who signs in while a caller waits', async () => {
    const { world, inbox } = await setUp();
    const id = world.enqueuePhoneCall();
    const messages: ServerMessage[] = [];
    const late = world.open(
      (m) => messages.push(unnumbered(m)),
      () => undefined,
    );
    await world.request(late, { op: 'hello', token: world.issueToken('casey').token });
    assert.deepEqual(
      messages.map((m) => m.type === 'incomingCall' && m.incomingCall.id),
      [id],
    );
    assert.equal(inbox.size, 0);
  });

  it('ends the ringing everywhere with 487/0 when the caller runs out of patience', async () => {
    const { world, clock, of } = await setUp('alex', 'blake');
    const id = world.enqueuePhoneCall({ patienceMs: 45_000 });
    clock.advance(44_999);
    assert.equal(of('alex', 'incomingCallEnded').length, 0);
    clock.advance(1);
    for (const agent of ['alex', 'blake']) {
      assert.deepEqual(of(agent, 'incomingCallEnded'), [
        { type: 'incomingCallEnded', id, callEndReason: { code: 487, subCode: 0 } },
      ]);
    }
    assert.equal(world.snapshot().queue.length, 0);
  });

  it('ends an unanswered call after two minutes with 487/10004', async () => {
    const { world, clock, of } = await setUp('alex');
    world.enqueuePhoneCall({ patienceMs: 10 * 60_000 });
    clock.advance(120_000);
    assert.deepEqual(
      of('alex', 'incomingCallEnded').map((m) => m.type === 'incomingCallEnded' && m.callEndReason),
      [{ code: 487, subCode: 10004 }],
    );
  });

  it('picks a caller who is not already waiting or talking, and says so when every caller is', async () => {
    const { world, endpoints } = await setUp('alex');
    const callerOf = (id: string) => [...world.calls.all.get(id)!.parties.values()][0].identifier;
    const ids = world.directory.callers.map(() => world.enqueuePhoneCall({ patienceMs: 60_000 }));
    const numbers = ids.map((id) => {
      const identifier = callerOf(id);
      return identifier.kind === 'phoneNumber' && identifier.phoneNumber;
    });
    assert.equal(new Set(numbers).size, world.directory.callers.length);
    assert.throws(() => world.enqueuePhoneCall(), {
      name: 'AllCallersBusyError',
      message: /All 12 callers in the directory are already on a call: give "from"/,
    });

    // A caller is busy while talking too, and free again once the call ends.
    const talking = callerOf(ids[0]);
    await world.request(endpoints['alex'], { op: 'accept', incomingCallId: ids[0] });
    assert.throws(() => world.enqueuePhoneCall(), { name: 'AllCallersBusyError' });
    await world.request(endpoints['alex'], { op: 'hangUp', callId: ids[0] });
    assert.deepEqual(callerOf(world.enqueuePhoneCall()), talking);
  });

  it('refuses a patience or talk time that is not a number of milliseconds up to a day', async () => {
    const { world } = await setUp();
    const message = (name: string) => `"${name}" must be an integer from 0 to 86400000 (milliseconds).`;
    assert.throws(() => world.enqueuePhoneCall({ talkMs: 1e308 }), { message: message('talkMs') });
    assert.throws(() => world.enqueuePhoneCall({ patienceMs: Infinity }), { message: message('patienceMs') });
    assert.throws(() => world.enqueuePhoneCall({ patienceMs: -1 }), { message: message('patienceMs') });
    assert.equal(world.waitingCount(), 0);
  });

  it('refuses a caller number that is not E.164, and an unknown queue', async () => {
    const { world } = await setUp();
    assert.throws(() => world.enqueuePhoneCall({ from: '4255550123' }), /not an E\.164 phone number/);
    assert.throws(() => world.enqueuePhoneCall({ queue: 'Nope' }), /No call queue named "Nope"/);
  });
});

describe('a connected call', () => {
  /** Alex on a call with a caller; any `others` are signed in too, not on it. */
  async function connected(talkMs = 60_000, ...others: string[]) {
    const context = await setUp('alex', ...others);
    const id = context.world.enqueuePhoneCall({ talkMs });
    await context.world.request(context.endpoints['alex'], { op: 'accept', incomingCallId: id });
    const op = (name: 'mute' | 'unmute' | 'hold' | 'resume' | 'hangUp') =>
      context.world.request(context.endpoints['alex'], { op: name, callId: id });
    const states = () =>
      context
        .of('alex', 'callChanged')
        .flatMap((m) => (m.type === 'callChanged' && m.state ? [m.state] : []));
    return { ...context, id, op, states };
  }

  it('goes through the call states on hold, resume and hang-up, ending 0/0', async () => {
    const { op, states, of } = await connected();
    await op('hold');
    await op('resume');
    await op('hangUp');
    assert.deepEqual(states(), ['Connected', 'LocalHold', 'Connected', 'Disconnected']);
    const last = of('alex', 'callChanged').at(-1);
    assert.ok(last?.type === 'callChanged');
    assert.deepEqual(last.callEndReason, { code: 0, subCode: 0 });
  });

  it('treats hold and resume as idempotent, and refuses operations once the call has ended', async () => {
    const { op, states } = await connected();
    await op('hold');
    await op('hold');
    await op('resume');
    await op('resume');
    assert.deepEqual(states(), ['Connected', 'LocalHold', 'Connected']);
    await op('hangUp');
    await assert.rejects(op('mute'), { code: 404, message: 'The call has already ended.' });
  });

  it('tells another console’s live call (no call of this agent) from this agent’s ended one', async () => {
    const { world, endpoints, id, op } = await connected(600_000, 'blake');
    const blake = (name: 'mute' | 'hangUp', callId = id) =>
      world.request(endpoints['blake'], { op: name, callId });
    const noSuchCall = (callId: string) => ({
      code: 404,
      message: `This call agent has no call with id ${callId}.`,
    });
    await assert.rejects(blake('mute'), noSuchCall(id));
    await assert.rejects(blake('hangUp'), noSuchCall(id));
    await assert.rejects(blake('mute', 'no-such-call'), noSuchCall('no-such-call'));
    assert.equal(world.snapshot().calls.length, 1, 'alex’s call is still live');

    await op('hangUp');
    await assert.rejects(op('mute'), { code: 404, message: 'The call has already ended.' });
    await assert.rejects(blake('mute'), noSuchCall(id));
  });

  it('mutes and unmutes, reporting only real changes', async () => {
    const { op, of } = await connected();
    await op('mute');
    await op('mute');
    await op('unmute');
    assert.deepEqual(
      of('alex', 'callChanged').flatMap((m) =>
        m.type === 'callChanged' && m.isMuted !== undefined ? [m.isMuted] : [],
      ),
      [true, false],
    );
  });

  it('lets the caller speak in turns, and hang up after talking: participant and call end 0/560000', async () => {
    const { clock, of, states } = await connected(30_000);
    clock.advance(29_999);
    const speaking = of('alex', 'participantChanged').filter(
      (m) => m.type === 'participantChanged' && m.isSpeaking !== undefined,
    );
    assert.ok(speaking.length >= 4, `the caller spoke ${speaking.length} times`);
    clock.advance(1);
    const leaving = of('alex', 'participantChanged').at(-1);
    assert.ok(leaving?.type === 'participantChanged');
    assert.equal(leaving.state, 'Disconnected');
    assert.deepEqual(leaving.callEndReason, { code: 0, subCode: 560000 });
    assert.equal(of('alex', 'participantRemoved').length, 1);
    assert.deepEqual(states().slice(-1), ['Disconnected']);
    const ended = of('alex', 'callChanged').at(-1);
    assert.deepEqual(ended?.type === 'callChanged' && ended.callEndReason, { code: 0, subCode: 560000 });
  });

  /** Alex on a call whose caller is mid-sentence at `talkMs` (see `msUntilCallerSpeaks`). */
  async function speakingAtTheEnd() {
    const speaksAt = await msUntilCallerSpeaks(3);
    const context = await setUp('alex');
    const id = context.world.enqueuePhoneCall({ patienceMs: 60_000, talkMs: speaksAt + 1 });
    await context.world.request(context.endpoints['alex'], { op: 'accept', incomingCallId: id });
    context.clock.advance(speaksAt);
    const caller = context.world.snapshot().calls[0].parties.find((p) => p.kind === 'phone');
    assert.equal(caller?.isSpeaking, true);
    const from = context.inbox.get('alex')!.length;
    /** What alex was sent since the caller started speaking, in words. */
    const story = () =>
      context.inbox
        .get('alex')!
        .slice(from)
        .flatMap((m) => {
          if (m.type === 'participantChanged')
            return [
              ...(m.isSpeaking !== undefined ? [`caller isSpeaking ${m.isSpeaking}`] : []),
              ...(m.state ? [`caller ${m.state}`] : []),
            ];
          if (m.type === 'callChanged' && m.state) return [`call ${m.state}`];
          return m.type === 'participantRemoved' ? ['caller removed'] : [];
        });
    return { ...context, id, speaksAt, story };
  }

  it('has a caller who hangs up mid-sentence stop speaking before turning Disconnected', async () => {
    const { clock, story } = await speakingAtTheEnd();
    clock.advance(1);
    assert.deepEqual(story(), [
      'caller isSpeaking false',
      'caller Disconnected',
      'caller removed',
      'call Disconnected',
    ]);
  });

  it('ends the agent’s call in one message when the agent hangs up (its client ends the caller first)', async () => {
    const { world, endpoints, id, story, inbox } = await speakingAtTheEnd();
    await world.request(endpoints['alex'], { op: 'hangUp', callId: id });
    assert.deepEqual(story(), ['call Disconnected']);
    const ended = inbox.get('alex')!.at(-1);
    assert.deepEqual(ended?.type === 'callChanged' && ended.callEndReason, { code: 0, subCode: 0 });
    assert.deepEqual(world.snapshot().calls, []);
  });

  it('keeps the caller quiet while on hold', async () => {
    const { clock, op, of } = await connected(600_000);
    await op('hold');
    const before = of('alex', 'participantChanged').length;
    clock.advance(60_000);
    assert.equal(of('alex', 'participantChanged').length, before);
  });

  it('applies injected faults by operation name', async () => {
    const { world, op, clock } = await connected();
    world.faults.failNext('mute', { code: 500, subCode: 41015 });
    await assert.rejects(op('mute'), { code: 500, subCode: 41015 });
    world.faults.delayNext('hold', 3_000);
    let held = false;
    const holding = op('hold').then(() => (held = true));
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(held, false);
    clock.advance(3_000);
    await holding;
    assert.equal(held, true);
  });

  it('ends the call for the caller when the agent’s console goes away', async () => {
    const { world, endpoints } = await connected();
    world.close(endpoints['alex']);
    assert.equal(world.snapshot().calls.length, 0);
  });
});

describe('queue routing in a generated tenant', () => {
  it('rings the generated agents who are signed in, and never a generated supervisor', async () => {
    const world = new World({
      clock: new ManualClock(0),
      seed: 3,
      scenario: false,
      generatedUsers: { agents: 25, supervisors: 3 },
    });
    const inbox = new Map<string, ServerMessage[]>();
    const endpoints: Record<string, string> = {};
    for (const key of ['agent0001', 'agent0025', 'supervisor0002']) {
      const messages: ServerMessage[] = [];
      endpoints[key] = world.open(
        (m) => messages.push(unnumbered(m)),
        () => undefined,
      );
      await world.request(endpoints[key], { op: 'hello', token: world.issueToken(key).token });
      inbox.set(key, messages);
    }
    const of = (key: string, type: ServerMessage['type']) => inbox.get(key)!.filter((m) => m.type === type);
    const id = world.enqueuePhoneCall({ from: '+14255550199', queue: 'Billing' });
    for (const agent of ['agent0001', 'agent0025'])
      assert.deepEqual(
        of(agent, 'incomingCall').map((m) => m.type === 'incomingCall' && m.incomingCall.id),
        [id],
      );
    assert.equal(of('supervisor0002', 'incomingCall').length, 0);
    await world.request(endpoints['agent0025']!, { op: 'accept', incomingCallId: id });
    assert.deepEqual(of('agent0001', 'incomingCallEnded'), [
      { type: 'incomingCallEnded', id, callEndReason: { code: 487, subCode: 10003 } },
    ]);
  });
});
