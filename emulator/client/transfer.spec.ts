import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TeamsCall, Transfer, TransferCallFeature } from '@azure/communication-calling';
import { Features } from './features';
import { RING_TIMEOUT_MS } from '../engine/call-model';
import { consoles, rawId } from '../testing/consoles';

const CONTEXT = {
  voipHeaders: [
    { key: 'X-MS-Custom-Switchboard-Queue', value: 'Billing' },
    { key: 'X-MS-Custom-Switchboard-Waiting-Since', value: '2026-01-01T00:00:00.000Z' },
  ],
};

/** Alex answers a Billing caller; the test transfers it on. */
async function alexOnAQueueCall(...others: string[]) {
  const setup = await consoles('alex', ...others);
  const { emulator, world, consoles: c } = setup;
  world.enqueuePhoneCall({
    from: '+14255550100',
    queue: 'Billing',
    displayName: 'Robin Park',
    talkMs: 3_600_000,
  });
  await emulator.settle();
  const call = await c['alex'].ringing[0].accept();
  await emulator.settle();
  return { ...setup, call };
}

/** Transfer states in order, watched until the test's `finish`. */
function follow(setup: Awaited<ReturnType<typeof alexOnAQueueCall>>, transfer: Transfer): string[] {
  const log: string[] = [];
  setup.watch(transfer, ['stateChanged'], log, '', (t) =>
    t.error ? `${t.state} ${t.error.code}/${t.error.subCode ?? '-'}` : t.state,
  );
  return log;
}

/** The call's Transfer feature, typed as the SDK's (the emulator's tokens stand in for its factories). */
const transferOf = (call: TeamsCall) => call.feature(Features.Transfer as never) as TransferCallFeature;

const endOf = (call: TeamsCall) =>
  call.callEndReason ? `${call.callEndReason.code}/${call.callEndReason.subCode}` : undefined;

describe('transferring a call (Features.Transfer)', () => {
  it('cold to a Teams user: the target rings with the transferor and the context; on answer the caller is theirs and the transferor’s call ends 0/7015', async () => {
    const setup = await alexOnAQueueCall('blake');
    const { emulator, consoles: c, call, finish } = setup;
    const serverCallId = await call.info.getServerCallId();
    const transfer = transferOf(call).transfer(
      { targetParticipant: c['blake'].identifier },
      { customContext: CONTEXT },
    );
    assert.equal(transfer.state, 'None');
    const log = follow(setup, transfer);
    // Left on: they go with the call's features when the call ends (`finish` checks the count).
    transfer.on('stateChanged', () => undefined);
    transferOf(call).on('transferAccepted', () => assert.fail('no new call to announce'));
    await emulator.settle();
    assert.deepEqual(log, ['Transferring']);
    assert.equal(call.state, 'LocalHold', 'the caller is held while the target rings');
    const incoming = c['blake'].ringing.at(-1)!;
    assert.equal(incoming.transferorInfo?.displayName, 'Alex Rivera');
    assert.equal(
      incoming.transferorInfo && rawId(incoming.transferorInfo),
      `8:orgid:${c['alex'].identifier.microsoftTeamsUserId}`,
    );
    assert.equal(incoming.callerInfo.displayName, 'Robin Park');
    assert.deepEqual(incoming.customContext, CONTEXT);

    const taken = await incoming.accept();
    await emulator.settle();
    assert.deepEqual(log, ['Transferring', 'Transferred']);
    assert.equal(call.state, 'Disconnected');
    assert.equal(endOf(call), '0/7015');
    assert.equal(taken.state, 'Connected');
    assert.equal(await taken.info.getServerCallId(), serverCallId, 'the caller’s conversation goes on');
    assert.equal(taken.transferorInfo?.displayName, 'Alex Rivera');
    assert.deepEqual(
      taken.remoteParticipants.map((p) => p.displayName),
      ['Robin Park'],
    );
    await finish();
  });

  for (const [name, act, expected] of [
    ['declines', (i: { reject(): Promise<void> }) => i.reject(), 'Failed 603/0'],
    ['does not answer', undefined, `Failed 487/10004`],
  ] as const) {
    it(`to a Teams user who ${name}: Failed (${expected.slice(7)}), the caller stays on the agent’s call, held`, async () => {
      const setup = await alexOnAQueueCall('blake');
      const { emulator, consoles: c, call, finish } = setup;
      const transfer = transferOf(call).transfer({ targetParticipant: c['blake'].identifier });
      const log = follow(setup, transfer);
      await emulator.settle();
      const incoming = c['blake'].ringing.at(-1)!;
      if (act) await act(incoming);
      else await emulator.advance(RING_TIMEOUT_MS);
      await emulator.settle();
      assert.deepEqual(log, ['Transferring', expected]);
      assert.ok(incoming.callEndReason, 'the target stopped ringing');
      assert.equal(call.state, 'LocalHold');
      assert.deepEqual(
        call.remoteParticipants.map((p) => p.displayName),
        ['Robin Park'],
      );
      await call.resume();
      await emulator.settle();
      assert.equal(call.state, 'Connected');
      await finish();
    });
  }

  it('consult first: the caller takes the agent’s place in the consult call; both of the agent’s calls end 0/7015', async () => {
    const setup = await alexOnAQueueCall('blake');
    const { emulator, consoles: c, call, finish } = setup;
    await call.hold();
    // The queue and the wait travel with the consult call (StartTeamsCallOptions.customContext).
    const consult = c['alex'].agent.startCall(c['blake'].identifier, { customContext: CONTEXT });
    await emulator.settle();
    const ringing = c['blake'].ringing.at(-1)!;
    assert.deepEqual(ringing.customContext, CONTEXT);
    const blakeCall = await ringing.accept();
    await emulator.settle();
    assert.equal(consult.state, 'Connected');
    const transfer = transferOf(call).transfer({ targetCallId: consult.id });
    const log = follow(setup, transfer);
    await emulator.settle();
    assert.deepEqual(log, ['Transferring', 'Transferred']);
    assert.deepEqual([endOf(call), endOf(consult)], ['0/7015', '0/7015']);
    assert.deepEqual(c['alex'].agent.calls, []);
    assert.equal(blakeCall.state, 'Connected');
    assert.deepEqual(
      blakeCall.remoteParticipants.map((p) => p.displayName),
      ['Robin Park'],
      'Blake talks to the caller; Alex left',
    );
    await finish();
  });

  it('consult first with a call that is not the agent’s live call: Failed 404/10202, nothing moves', async () => {
    const setup = await alexOnAQueueCall();
    const { emulator, call, finish } = setup;
    await call.hold();
    const transfer = transferOf(call).transfer({ targetCallId: 'no-such-call' });
    const log = follow(setup, transfer);
    await emulator.settle();
    assert.deepEqual(log, ['Transferring', 'Failed 404/10202']);
    assert.equal(call.state, 'LocalHold');
    assert.deepEqual(
      call.remoteParticipants.map((p) => p.displayName),
      ['Robin Park'],
    );
    await finish();
  });

  it('to a call queue (its resource account, 28:orgid:…): the caller waits in its line again, ringing its other agents, with the original wait', async () => {
    const setup = await alexOnAQueueCall('blake');
    const { emulator, world, consoles: c, call, finish } = setup;
    const serverCallId = await call.info.getServerCallId();
    const firstRing = world.snapshot().calls[0].startedAt;
    await emulator.advance(60_000);
    const billing = world.directory.queue('Billing')!;
    const alexRung = c['alex'].ringing.length;
    const transfer = transferOf(call).transfer(
      { targetParticipant: { teamsAppId: billing.resourceAccountId } },
      { customContext: CONTEXT },
    );
    const log = follow(setup, transfer);
    await emulator.settle();
    assert.deepEqual(log, ['Transferring', 'Transferred']);
    assert.equal(endOf(call), '0/7015');
    assert.equal(c['alex'].ringing.length, alexRung, 'the agent who sent it back is not rung');
    const [waiting] = world.snapshot().queue;
    assert.equal(waiting.waitingMs, 60_000, 'the wait counts from the first ring');
    const incoming = c['blake'].ringing.at(-1)!;
    assert.equal(incoming.transferorInfo?.displayName, 'Billing');
    assert.equal(
      incoming.transferorInfo && rawId(incoming.transferorInfo),
      `28:orgid:${billing.resourceAccountId}`,
    );
    assert.deepEqual(incoming.customContext, CONTEXT);
    const taken = await incoming.accept();
    await emulator.settle();
    assert.equal(await taken.info.getServerCallId(), serverCallId);
    assert.equal(world.snapshot().calls[0].startedAt, firstRing);
    await finish();
  });

  it('to voicemail: Failed 501 (not modelled), the call as it was', async () => {
    const setup = await alexOnAQueueCall('blake');
    const { emulator, consoles: c, call, finish } = setup;
    const transfer = transferOf(call).transfer({ targetParticipantVoicemail: c['blake'].identifier });
    const log = follow(setup, transfer);
    await emulator.settle();
    assert.deepEqual(log, ['Transferring', 'Failed 501/-']);
    assert.equal(call.state, 'Connected');
    await finish();
  });

  for (const [number, expected, after] of [
    ['+14255550123', 'Transferred', 5_000],
    ['+14255550486', 'Failed 486/560486', 1_000],
    ['+14255550603', 'Failed 603/0', 3_000],
  ] as const) {
    it(`to a phone number ending ${number.slice(-3)}: ${expected} after ${after / 1000} s, as the dialer’s rules say`, async () => {
      const setup = await alexOnAQueueCall();
      const { emulator, world, call, finish } = setup;
      const transfer = transferOf(call).transfer({ targetParticipant: { phoneNumber: number } });
      const log = follow(setup, transfer);
      await emulator.advance(after - 1);
      assert.deepEqual(log, ['Transferring']);
      await emulator.advance(1);
      assert.deepEqual(log, ['Transferring', expected]);
      if (expected === 'Transferred') {
        assert.equal(endOf(call), '0/7015');
        const parties = world.snapshot().calls[0].parties.map((p: { id: string }) => p.id);
        assert.deepEqual(parties.sort(), ['4:+14255550100', `4:${number}`].sort());
      } else assert.equal(call.state, 'LocalHold');
      await finish();
    });
  }

  it('refuses a malformed target where it is given, and a second transfer while one is under way', async () => {
    const setup = await alexOnAQueueCall('blake');
    const { emulator, consoles: c, call, finish } = setup;
    const feature = transferOf(call);
    assert.throws(() => feature.transfer({ targetParticipant: { phoneNumber: '555' } }), {
      code: 400,
      subCode: 49002,
    });
    assert.throws(() => feature.transfer({} as never), /targetParticipant/);
    feature.transfer({ targetParticipant: c['blake'].identifier });
    const second = feature.transfer({ targetParticipant: c['blake'].identifier });
    const log = follow(setup, second);
    await emulator.settle();
    assert.deepEqual(log, ['Transferring', 'Failed 400/49017']);
    await finish();
  });

  it('fails with the call’s end reason when the caller hangs up while the target rings; the target stops ringing', async () => {
    const setup = await alexOnAQueueCall('blake');
    const { emulator, world, consoles: c, call, finish } = setup;
    const transfer = transferOf(call).transfer({ targetParticipant: c['blake'].identifier });
    const log = follow(setup, transfer);
    await emulator.settle();
    const model = [...world.calls.all.values()][0];
    world.calls.leave(model, model.parties.get('4:+14255550100')!, { code: 0, subCode: 560000 });
    await emulator.settle();
    assert.deepEqual(log, ['Transferring', 'Failed 0/560000']);
    assert.ok(c['blake'].ringing.at(-1)!.callEndReason);
    await finish();
  });

  for (const [key, who, after, expected] of [
    ['casey', 'never signed in', 0, 'Failed 480/10037'],
    ['avery', 'a colleague who is offline', 0, 'Failed 480/10076'],
    ['jordan', 'a colleague who declines', 2_000, 'Failed 603/0'],
    ['riley', 'a colleague who answers', 3_000, 'Transferred'],
  ] as const) {
    it(`to a Teams user ${who} (${key}): ${expected} after ${after / 1000} s`, async () => {
      const setup = await alexOnAQueueCall();
      const { emulator, world, call, finish } = setup;
      const { microsoftTeamsUserId } = (world.directory.user(key) ?? world.directory.colleague(key))!;
      const transfer = transferOf(call).transfer({ targetParticipant: { microsoftTeamsUserId } });
      const log = follow(setup, transfer);
      await emulator.advance(after);
      assert.deepEqual(log, ['Transferring', expected]);
      if (expected === 'Transferred') {
        assert.equal(endOf(call), '0/7015');
        assert.equal(world.snapshot().calls[0].parties.length, 2, 'the caller and the colleague');
      } else assert.equal(call.state, 'LocalHold');
      await finish();
    });
  }

  it('refuses what cannot be transferred: an unknown queue (404), the call itself as targetCallId (404/10202)', async () => {
    const setup = await alexOnAQueueCall();
    const { emulator, call, finish } = setup;
    const feature = transferOf(call);
    const toNoQueue = feature.transfer({
      targetParticipant: { teamsAppId: '00000000-0000-4000-8000-00000000dead' },
    });
    const toItself = feature.transfer({ targetCallId: call.id });
    const logs = [follow(setup, toNoQueue), follow(setup, toItself)];
    await emulator.settle();
    assert.deepEqual(logs, [
      ['Transferring', 'Failed 404/-'],
      ['Transferring', 'Failed 404/10202'],
    ]);
    assert.equal(call.state, 'LocalHold');
    await finish();
  });
});
