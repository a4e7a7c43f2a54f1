import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RemoteParticipant, TeamsCall } from '@azure/communication-calling';
import { consoles, rawId, rawIdOf } from '../testing/consoles';
import { RESUME_WINDOW_MS } from '../engine/world';

const reasonOf = (r: { code: number; subCode?: number } | undefined) =>
  r ? ` ${r.code}/${r.subCode ?? '-'}` : '';
const stateOf = (o: { state: string; callEndReason?: { code: number; subCode?: number } }) =>
  `${o.state}${reasonOf(o.callEndReason)}`;

describe('1:1 calls between consoles', () => {
  it('rings the callee with the caller’s identity; once accepted each sees the other, with its own state and direction', async () => {
    const { emulator, consoles: c, watch, finish } = await consoles('alex', 'blake');
    const log: string[] = [];
    const call = c.alex.agent.startCall(c.blake.identifier);
    assert.equal(call.state, 'None');
    assert.equal(call.direction, 'Outgoing');
    assert.deepEqual(c.alex.agent.calls, [call]);
    const blakeSeen = call.remoteParticipants[0];
    assert.equal(blakeSeen.state, 'Idle');
    watch(call, ['stateChanged'], log, 'alex call', (t) => t.state);
    watch(blakeSeen, ['stateChanged'], log, 'alex sees blake', (t) => t.state);
    await emulator.settle();

    assert.equal(c.blake.ringing.length, 1);
    const incoming = c.blake.ringing[0];
    assert.deepEqual(incoming.callerInfo, {
      identifier: {
        kind: 'microsoftTeamsUser',
        microsoftTeamsUserId: c.alex.identifier.microsoftTeamsUserId,
        rawId: rawIdOf(c.alex.identifier),
        isAnonymous: false,
        cloud: 'public',
      },
      displayName: 'Alex Rivera',
    });
    const answered = await incoming.accept();
    await emulator.settle();
    assert.deepEqual(log, [
      'alex call Connecting',
      'alex sees blake Connecting',
      'alex sees blake Ringing',
      'alex call Ringing',
      'alex sees blake Connected',
      'alex call Connected',
    ]);
    assert.equal(answered.direction, 'Incoming');
    assert.equal(answered.state, 'Connected');
    assert.equal(answered.remoteParticipants.length, 1);
    assert.equal(rawId(answered.remoteParticipants[0]), rawIdOf(c.alex.identifier));
    assert.equal(answered.remoteParticipants[0].state, 'Connected');
    assert.equal(rawId(blakeSeen), rawIdOf(c.blake.identifier));
    // The SDK sets no display name for Teams users' participants (consumers look them up).
    assert.equal(blakeSeen.displayName, undefined);
    assert.equal(call.callerInfo.identifier, undefined, 'an outgoing call has no caller');
    assert.equal(await answered.info.getServerCallId(), await call.info.getServerCallId());
    await answered.hangUp();
    await finish();
  });

  it('ends for both when one hangs up: the callee’s leaving is the caller’s end, 0/0 on both sides', async () => {
    const { emulator, consoles: c, watch, finish } = await consoles('alex', 'blake');
    const call = c.alex.agent.startCall(c.blake.identifier);
    await emulator.settle();
    const answered = await c.blake.ringing[0].accept();
    await emulator.settle();
    const log: string[] = [];
    const blakeSeen = call.remoteParticipants[0];
    watch(call, ['stateChanged'], log, 'alex call', (t) => stateOf(t));
    watch(blakeSeen, ['stateChanged'], log, 'alex sees blake', (t) => stateOf(t));
    watch(
      call,
      ['remoteParticipantsUpdated'],
      log,
      'alex roster',
      (_t, _e, a) => `-${(a as { removed: RemoteParticipant[] }).removed.length}`,
    );
    watch(answered, ['stateChanged'], log, 'blake call', (t) => stateOf(t));
    await answered.hangUp();
    await emulator.settle();
    assert.deepEqual(log, [
      'blake call Disconnecting',
      'blake call Disconnected 0/0',
      'alex sees blake Disconnected 0/0',
      'alex roster -1',
      'alex call Disconnecting',
      'alex call Disconnected 0/0',
    ]);
    assert.deepEqual(c.alex.agent.calls, []);
    assert.deepEqual(c.blake.agent.calls, []);
    assert.deepEqual(emulator.world.snapshot().calls, []);
    await finish();
  });

  it('holds on either side: the other side is RemoteHold and sees the holder’s participant on Hold', async () => {
    const { emulator, consoles: c, finish } = await consoles('alex', 'blake');
    const call = c.alex.agent.startCall(c.blake.identifier);
    await emulator.settle();
    const answered = await c.blake.ringing[0].accept();
    await emulator.settle();
    const states = () =>
      `${call.state}/${answered.state} ${call.remoteParticipants[0].state}/${answered.remoteParticipants[0].state}`;
    await call.hold();
    await emulator.settle();
    assert.equal(states(), 'LocalHold/RemoteHold Connected/Hold');
    await answered.hold();
    await emulator.settle();
    assert.equal(states(), 'LocalHold/LocalHold Hold/Hold');
    await call.resume();
    await emulator.settle();
    assert.equal(states(), 'RemoteHold/LocalHold Hold/Connected');
    await answered.resume();
    await emulator.settle();
    assert.equal(states(), 'Connected/Connected Connected/Connected');
    await call.hangUp();
    await finish();
  });

  it('ends 603/0 on both sides when the callee declines, and 487/0 for the callee when the caller gives up', async () => {
    const { emulator, consoles: c, finish } = await consoles('alex', 'blake');
    const declined = c.alex.agent.startCall(c.blake.identifier);
    await emulator.settle();
    await c.blake.ringing[0].reject();
    await emulator.settle();
    assert.equal(stateOf(declined), 'Disconnected 603/0');
    assert.deepEqual(c.blake.ringing[0].callEndReason, { code: 603, subCode: 0 });

    const cancelled = c.alex.agent.startCall(c.blake.identifier);
    await emulator.settle();
    await cancelled.hangUp();
    await emulator.settle();
    assert.equal(stateOf(cancelled), 'Disconnected 0/0');
    assert.deepEqual(c.blake.ringing[1].callEndReason, { code: 487, subCode: 0 });
    await finish();
  });

  it('ends 487/10004 for both when nobody answers within two minutes', async () => {
    const { emulator, consoles: c, finish } = await consoles('alex', 'blake');
    const call = c.alex.agent.startCall(c.blake.identifier);
    await emulator.settle();
    await emulator.advance(119_999);
    assert.equal(call.state, 'Ringing');
    await emulator.advance(1);
    assert.equal(stateOf(call), 'Disconnected 487/10004');
    assert.deepEqual(c.blake.ringing[0].callEndReason, { code: 487, subCode: 10004 });
    await finish();
  });

  it('cannot reach a Teams user with no console (480/10037), one who was signed in (480/10076), or an unknown one (404)', async () => {
    const { emulator, consoles: c, world, signIn, finish } = await consoles('alex');
    const casey = { microsoftTeamsUserId: world.directory.user('casey')!.microsoftTeamsUserId };
    const never = c.alex.agent.startCall(casey);
    const blake = await signIn('blake');
    await blake.agent.dispose();
    await emulator.settle();
    const gone = c.alex.agent.startCall(blake.identifier);
    const unknown = c.alex.agent.startCall({ microsoftTeamsUserId: '0e1f0000-0000-4000-8000-000000000000' });
    await emulator.settle();
    assert.equal(stateOf(never), 'Disconnected 480/10037');
    assert.equal(stateOf(gone), 'Disconnected 480/10076');
    assert.equal(stateOf(unknown), 'Disconnected 404/-');
    assert.deepEqual(c.alex.agent.calls, []);
    await finish();
  });

  it('ends the other side 0/4521 when a console vanishes (its connection lost for longer than the window)', async () => {
    const { emulator, consoles: c, world, finish } = await consoles('alex', 'blake');
    const call = c.alex.agent.startCall(c.blake.identifier);
    await emulator.settle();
    await c.blake.ringing[0].accept();
    await emulator.settle();
    world.dropConnection('blake', 3600);
    await emulator.advance(RESUME_WINDOW_MS - 1);
    assert.equal(stateOf(call), 'Connected');
    await emulator.advance(1);
    assert.equal(stateOf(call), 'Disconnected 0/4521');
    await finish();
  });
});

describe('startCall refuses what the SDK refuses, synchronously and with no call started', () => {
  it('throws 400 with a subCode for a group without thread, a malformed number or Teams id, an unsupported identifier', async () => {
    const { emulator, consoles: c, watch, finish } = await consoles('alex');
    const log: string[] = [];
    watch(c.alex.agent, ['callsUpdated'], log, 'callsUpdated');
    const agent = c.alex.agent;
    const blake = { microsoftTeamsUserId: emulator.world.directory.user('blake')!.microsoftTeamsUserId };
    const cases: [() => TeamsCall, number, RegExp][] = [
      [() => agent.startCall([blake, { phoneNumber: '+14255550123' }]), 49001, /needs its chat thread/],
      [() => agent.startCall({ phoneNumber: '425-555-0123' }), 49002, /not an E\.164 phone number/],
      [() => agent.startCall({ microsoftTeamsUserId: 'blake' }), 49003, /not a Teams user id/],
      [
        () => agent.startCall({ communicationUserId: '8:acs:1' } as never),
        49004,
        /Teams users .* and phone numbers/,
      ],
      [() => agent.startCall([]), 49004, /at least one participant/],
      [() => agent.startCall([blake], { threadId: 'chat-1' }), 49007, /not a chat thread id/],
    ];
    for (const [start, subCode, message] of cases)
      assert.throws(start, { name: 'CallingCommunicationError', code: 400, subCode, message });
    await emulator.settle();
    assert.deepEqual(agent.calls, []);
    assert.deepEqual(log, []);
    assert.deepEqual(emulator.world.snapshot().calls, []);
    await finish();
  });
});
