import type { TeamsCall, Transfer, TransferCallFeature } from '@azure/communication-calling';
import { Features } from '../client';
import { consoles } from './consoles';

/** The custom context a console sends with a queued caller's transfer (the queue, the first ring). */
export const QUEUE_CONTEXT = {
  voipHeaders: [
    { key: 'X-MS-Custom-Switchboard-Queue', value: 'Billing' },
    { key: 'X-MS-Custom-Switchboard-Waiting-Since', value: '2026-01-01T00:00:00.000Z' },
  ],
};

/** Alex (and the `others`, signed in) with a Billing caller, Robin Park, answered: ready to transfer. */
export async function alexOnAQueueCall(...others: string[]) {
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

/** A transfer's states in order (`Failed 603/0`), watched until the test's `finish`. */
export function follow(setup: Awaited<ReturnType<typeof alexOnAQueueCall>>, transfer: Transfer): string[] {
  const log: string[] = [];
  setup.watch(transfer, ['stateChanged'], log, '', (t) =>
    t.error ? `${t.state} ${t.error.code}/${t.error.subCode ?? '-'}` : t.state,
  );
  return log;
}

/** The call's Transfer feature, typed as the SDK's (the emulator's tokens stand in for its factories). */
export const transferOf = (call: TeamsCall) =>
  call.feature(Features.Transfer as never) as TransferCallFeature;

/** A call's end reason as `code/subCode`. */
export const endOf = (call: TeamsCall) =>
  call.callEndReason ? `${call.callEndReason.code}/${call.callEndReason.subCode}` : undefined;
