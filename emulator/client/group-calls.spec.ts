import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RemoteParticipant, TeamsCall } from '@azure/communication-calling';
import { consoles, rawId, rawIdOf } from '../testing/consoles';
import { groupCall, GROUP_CALL_PHONE as PHONE } from '../testing/group-call';

const rosterOf = (call: TeamsCall) => call.remoteParticipants.map((p) => `${rawId(p)} ${p.state}`);
const stateOf = (o: { state: string; callEndReason?: { code: number; subCode?: number } }) =>
  `${o.state}${o.callEndReason ? ` ${o.callEndReason.code}/${o.callEndReason.subCode ?? '-'}` : ''}`;

describe('group calls', () => {
  it('need their chat thread; the caller is in at once, the others ring, and every console sees every other party', async () => {
    const { emulator, consoles: c, thread, call, blakeCall, finish } = await groupCall();
    assert.equal(c.blake.ringing[0].info.threadId, thread.id);
    assert.equal(call.state, 'Connected');
    assert.equal(blakeCall.state, 'Connected');
    assert.equal(call.info.threadId, thread.id);
    assert.equal(blakeCall.info.threadId, thread.id);
    assert.deepEqual(rosterOf(call), [
      `${rawIdOf(c.blake.identifier)} Connected`,
      `${rawIdOf(PHONE)} Connected`,
    ]);
    assert.deepEqual(rosterOf(blakeCall), [
      `${rawIdOf(c.alex.identifier)} Connected`,
      `${rawIdOf(PHONE)} Connected`,
    ]);
    assert.equal(
      call.remoteParticipants[1].displayName,
      undefined,
      'a number not in the directory has no name',
    );
    await call.hangUp();
    await blakeCall.hangUp();
    await emulator.settle();
    assert.deepEqual(emulator.world.snapshot().calls, []);
    await finish();
  });

  it('goes on when one console leaves: its leg ends 0/0, the others see it Disconnected and removed', async () => {
    const { emulator, consoles: c, call, blakeCall, watch, finish } = await groupCall();
    const log: string[] = [];
    watch(blakeCall, ['stateChanged'], log, 'blake call', (t) => stateOf(t));
    watch(call.remoteParticipants[0], ['stateChanged'], log, 'alex sees blake', (t) => stateOf(t));
    watch(
      call,
      ['remoteParticipantsUpdated'],
      log,
      'alex roster',
      (_t, _e, a) => `-${(a as { removed: RemoteParticipant[] }).removed.map((p) => rawId(p)).join()}`,
    );
    await blakeCall.hangUp();
    await emulator.settle();
    assert.deepEqual(log, [
      'blake call Disconnecting',
      'blake call Disconnected 0/0',
      'alex sees blake Disconnected 0/0',
      `alex roster -${rawIdOf(c.blake.identifier)}`,
    ]);
    assert.equal(call.state, 'Connected');
    assert.deepEqual(rosterOf(call), [`${rawIdOf(PHONE)} Connected`]);
    await call.hangUp();
    await emulator.settle();
    assert.deepEqual(emulator.world.snapshot().calls, [], 'with no console left the call is over');
    await finish();
  });

  it('mutes one participant or all others: a muted console sees isMuted, then mutedByOthers; phone parties fall silent', async () => {
    const { emulator, call, blakeCall, watch, finish } = await groupCall();
    const log: string[] = [];
    watch(
      blakeCall,
      ['isMutedChanged', 'mutedByOthers'],
      log,
      'blake',
      (t, e) => `${e} isMuted=${t.isMuted}`,
    );
    watch(
      call.remoteParticipants[0],
      ['isMutedChanged'],
      log,
      'alex sees blake',
      (t) => `isMuted=${t.isMuted}`,
    );
    await call.remoteParticipants[0].mute();
    await emulator.settle();
    assert.deepEqual(log, [
      'blake isMutedChanged isMuted=true',
      'blake mutedByOthers isMuted=true',
      'alex sees blake isMuted=true',
    ]);
    await blakeCall.unmute();
    await blakeCall.muteAllRemoteParticipants();
    await emulator.advance(30_000);
    assert.equal(call.isMuted, true);
    assert.equal(blakeCall.isMuted, false);
    const phone = blakeCall.remoteParticipants.find((p) => p.identifier.kind === 'phoneNumber')!;
    assert.equal(phone.isMuted, true);
    assert.equal(phone.isSpeaking, false, 'a muted phone party is not heard');
    await call.hangUp();
    await blakeCall.hangUp();
    await finish();
  });

  it('refuses a 16th mute operation within 30 seconds with 429, and takes them again once the window passes', async () => {
    const { emulator, call, finish } = await groupCall();
    for (let i = 0; i < 7; i++) {
      await call.mute();
      await call.unmute();
    }
    await call.remoteParticipants[0].mute();
    await assert.rejects(call.mute(), { code: 429, message: /at most 15 in 30 seconds/ });
    await assert.rejects(call.muteAllRemoteParticipants(), { code: 429 });
    await emulator.advance(30_000);
    await call.mute();
    assert.equal(call.isMuted, true);
    await call.hangUp();
    await finish();
  });

  it('records DTMF tones sent on a call with a phone party, and refuses bad tones and calls without one', async () => {
    const { emulator, world, consoles: c, call, finish } = await groupCall();
    await call.sendDtmf('Num1');
    await call.sendDtmf('Pound');
    await assert.rejects(call.sendDtmf('Num10' as never), { code: 400, subCode: 49009 });
    const [live] = world.snapshot().calls;
    assert.deepEqual(
      live.dtmf.map(({ from, tone }) => `${from} ${tone}`),
      ['alex Num1', 'alex Pound'],
    );
    await call.hangUp();
    const oneToOne = c.alex.agent.startCall({
      microsoftTeamsUserId: world.directory.colleague('riley')!.microsoftTeamsUserId,
    });
    await emulator.advance(3_000);
    assert.equal(oneToOne.state, 'Connected');
    await assert.rejects(oneToOne.sendDtmf('Num1'), {
      code: 400,
      subCode: 49010,
      message: /no connected phone participant/,
    });
    await oneToOne.hangUp();
    await finish();
  });
});

describe('adding and removing participants', () => {
  it('turns a 1:1 call into a group call: the participant is returned Idle and goes Connecting, Ringing, Connected', async () => {
    const { emulator, world, consoles: c, watch, finish } = await consoles('alex', 'blake');
    const call = c.alex.agent.startCall(c.blake.identifier);
    await emulator.settle();
    const blakeCall = await c.blake.ringing[0].accept();
    await emulator.settle();
    const log: string[] = [];
    watch(call.info as never, [], log, '');
    const infoChanged = () => log.push('blake callInfoChanged');
    blakeCall.info.onCallInfoChanged('callInfoChanged', infoChanged);
    const capabilities = blakeCall.feature(
      (await import('./index')).Features.Capabilities as never,
    ) as unknown as {
      capabilities: Record<string, { isPresent: boolean }>;
    };
    assert.equal(capabilities.capabilities['muteOthers'].isPresent, false);
    const thread = world.threads.create({ members: [c.alex.identifier.microsoftTeamsUserId] }, 0);
    const riley = { microsoftTeamsUserId: world.directory.colleague('riley')!.microsoftTeamsUserId };
    const added = call.addParticipant(riley, { threadId: thread.id });
    assert.equal(added.state, 'Idle');
    assert.ok(call.remoteParticipants.includes(added));
    watch(added, ['stateChanged'], log, 'riley', (t) => t.state);
    await emulator.advance(3_000);
    assert.deepEqual(log, ['riley Connecting', 'blake callInfoChanged', 'riley Ringing', 'riley Connected']);
    assert.equal(blakeCall.info.threadId, thread.id);
    assert.equal(
      capabilities.capabilities['muteOthers'].isPresent,
      true,
      'a group call lets members mute others',
    );
    assert.deepEqual(rosterOf(blakeCall), [
      `${rawIdOf(c.alex.identifier)} Connected`,
      `${rawIdOf(riley)} Connected`,
    ]);
    blakeCall.info.offCallInfoChanged('callInfoChanged', infoChanged);
    await call.hangUp();
    await blakeCall.hangUp();
    await finish();
  });

  it('adds a phone number through early media; needs a thread, and refuses Teams users an information barrier keeps out', async () => {
    const { emulator, world, consoles: c, finish } = await consoles('alex');
    const call = c.alex.agent.startCall({ phoneNumber: '+14255550123' });
    await emulator.advance(5_000);
    assert.equal(call.state, 'Connected');
    const jess = { phoneNumber: '+442079460199' };
    assert.throws(() => call.addParticipant(jess), { code: 400, subCode: 49006 });
    assert.throws(() => call.addParticipant(jess, { threadId: 'nope' }), { code: 400, subCode: 49007 });
    const open = world.threads.create({ members: [c.alex.identifier.microsoftTeamsUserId] }, 0);
    const states: string[] = [];
    const phone = call.addParticipant(jess, { threadId: open.id });
    const onState = () => states.push(phone.state);
    phone.on('stateChanged', onState);
    await emulator.advance(5_000);
    assert.deepEqual(states, ['Connecting', 'EarlyMedia', 'Connected']);
    phone.off('stateChanged', onState);

    const barred = world.threads.create(
      { members: [c.alex.identifier.microsoftTeamsUserId], informationBarrier: true },
      0,
    );
    const riley = call.addParticipant(
      { microsoftTeamsUserId: world.directory.colleague('riley')!.microsoftTeamsUserId },
      { threadId: barred.id },
    );
    const unknownThread = call.addParticipant(
      { phoneNumber: '+14255550124' },
      { threadId: '19:0000@thread.v2' },
    );
    await emulator.settle();
    assert.deepEqual(riley.callEndReason, { code: 403, subCode: 49020 });
    assert.equal(riley.state, 'Disconnected');
    assert.deepEqual(unknownThread.callEndReason, { code: 404 });
    assert.equal(call.remoteParticipants.length, 2);
    await call.hangUp();
    await finish();
  });

  it('removes a participant: resolves once it left remoteParticipants; a removed console’s call ends 0/5300', async () => {
    const { emulator, consoles: c, call, blakeCall, watch, finish } = await groupCall();
    const log: string[] = [];
    watch(
      blakeCall,
      ['remoteParticipantsUpdated'],
      log,
      'blake roster',
      (_t, _e, a) => `-${(a as { removed: RemoteParticipant[] }).removed.map((p) => rawId(p)).join()}`,
    );
    const phone = call.remoteParticipants[1];
    await call.removeParticipant(PHONE);
    assert.equal(call.remoteParticipants.includes(phone), false);
    assert.deepEqual(phone.callEndReason, { code: 0, subCode: 5300 });
    await emulator.settle();
    assert.deepEqual(log, [`blake roster -${rawIdOf(PHONE)}`]);
    await call.removeParticipant(c.blake.identifier);
    await emulator.settle();
    assert.equal(stateOf(blakeCall), 'Disconnected 0/5300');
    await assert.rejects(call.removeParticipant(c.blake.identifier), { code: 404 });
    await call.hangUp();
    await finish();
  });
});
