import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rawId } from '../testing/consoles';
import { alexOnAQueueCall, endOf, follow, QUEUE_CONTEXT, transferOf } from '../testing/transfers';

/** `Features.Transfer` by its other routes: consult first, a call queue, voicemail, phone numbers. */
describe('transferring a call by its other routes (Features.Transfer)', () => {
  it('consult first: the caller takes the agent’s place in the consult call; both of the agent’s calls end 0/7015', async () => {
    const setup = await alexOnAQueueCall('blake');
    const { emulator, consoles: c, call, finish } = setup;
    await call.hold();
    // The queue and the wait travel with the consult call (StartTeamsCallOptions.customContext).
    const consult = c['alex'].agent.startCall(c['blake'].identifier, { customContext: QUEUE_CONTEXT });
    await emulator.settle();
    const ringing = c['blake'].ringing.at(-1)!;
    assert.deepEqual(ringing.customContext, QUEUE_CONTEXT);
    const blakeCall = await ringing.accept();
    await emulator.settle();
    assert.equal(consult.state, 'Connected');
    assert.equal(blakeCall.transferorInfo?.displayName, undefined, 'a consult call is no transfer yet');
    let transferorChanges = 0;
    const onTransferor = () => transferorChanges++;
    blakeCall.on('transferorInfoChanged', onTransferor);
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
    assert.equal(transferorChanges, 1);
    assert.equal(
      blakeCall.transferorInfo?.displayName,
      'Alex Rivera',
      'Blake’s call says who transferred it',
    );
    blakeCall.off('transferorInfoChanged', onTransferor);
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
      { customContext: QUEUE_CONTEXT },
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
    assert.deepEqual(incoming.customContext, QUEUE_CONTEXT);
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
