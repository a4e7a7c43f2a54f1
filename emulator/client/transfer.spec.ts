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

  it('to a Teams user who is offline: Failed 480/10037 at once, the caller held', async () => {
    const setup = await alexOnAQueueCall();
    const { emulator, world, call, finish } = setup;
    const casey = world.directory.user('casey')!;
    const transfer = transferOf(call).transfer({
      targetParticipant: { microsoftTeamsUserId: casey.microsoftTeamsUserId },
    });
    const log = follow(setup, transfer);
    await emulator.settle();
    assert.deepEqual(log, ['Transferring', 'Failed 480/10037']);
    assert.equal(call.state, 'LocalHold');
    await finish();
  });
});
