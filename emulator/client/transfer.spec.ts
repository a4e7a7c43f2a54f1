import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RING_TIMEOUT_MS } from '../engine/call-model';
import { consoles, rawId } from '../testing/consoles';
import { alexOnAQueueCall, endOf, follow, QUEUE_CONTEXT, transferOf } from '../testing/transfers';

/** `Features.Transfer` to Teams users: who rings, who sees what, and every way it fails. */
describe('transferring a call to a Teams user (Features.Transfer)', () => {
  it('cold to a Teams user: the target rings with the transferor and the context; on answer the caller is theirs and the transferor’s call ends 0/7015', async () => {
    const setup = await alexOnAQueueCall('blake');
    const { emulator, consoles: c, call, finish } = setup;
    const serverCallId = await call.info.getServerCallId();
    const transfer = transferOf(call).transfer(
      { targetParticipant: c['blake'].identifier },
      { customContext: QUEUE_CONTEXT },
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
    assert.deepEqual(incoming.customContext, QUEUE_CONTEXT);

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

  it('fails 480/10076 when the target’s only console goes away while it rings', async () => {
    const setup = await alexOnAQueueCall('blake');
    const { emulator, consoles: c, call, finish } = setup;
    const transfer = transferOf(call).transfer({ targetParticipant: c['blake'].identifier });
    const log = follow(setup, transfer);
    await emulator.settle();
    await c['blake'].agent.dispose();
    await emulator.settle();
    assert.deepEqual(log, ['Transferring', 'Failed 480/10076']);
    assert.equal(call.state, 'LocalHold');
    await finish();
  });

  it('moves a Teams caller too: their call goes on, with the target in the transferor’s place', async () => {
    const setup = await consoles('alex', 'blake', 'casey');
    const { emulator, consoles: c, watch, finish } = setup;
    const caseyCall = c['casey'].agent.startCall(c['alex'].identifier);
    await emulator.settle();
    const call = await c['alex'].ringing[0].accept();
    await emulator.settle();
    const log: string[] = [];
    watch(caseyCall, ['stateChanged'], log, 'casey', (t) => t.state);
    const transfer = transferOf(call).transfer({ targetParticipant: c['blake'].identifier });
    await emulator.settle();
    const incoming = c['blake'].ringing.at(-1)!;
    assert.equal(incoming.callerInfo.displayName, 'Casey Novak');
    await incoming.accept();
    await emulator.settle();
    assert.equal(transfer.state, 'Transferred');
    assert.deepEqual(log, ['casey RemoteHold', 'casey Connected']);
    assert.deepEqual(caseyCall.remoteParticipants.map(rawId), [
      `8:orgid:${c['blake'].identifier.microsoftTeamsUserId}`,
    ]);
    await caseyCall.hangUp();
    await finish();
  });
});
