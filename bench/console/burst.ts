// A burst of queued calls at one console: placed over a second (each message reaching the page as
// it is written), or placed while the page's main thread is stopped (every message already queued
// when it reads the first). What the benches and bench/console.spec.ts read from one burst.
import type { Page, CDPSession } from '@playwright/test';
import type { ProductionStack } from '../production-stack';
import {
  domDone,
  emulatorState,
  expectDom,
  hangUpWaitingCallers,
  placeWithinASecond,
  readNotes,
  reachableRows,
  startRecording,
  storeView,
  type SentMessage,
} from './harness';

export type BurstMode = 'spread' | 'queued';

export interface BurstResult {
  readonly calls: number;
  /** From the first call placed (spread) or the thread's release (queued) to the last row painted. */
  readonly toLastRow: number;
  /** From the emulator writing the last incoming call to the last row painted (spread only; else NaN). */
  readonly afterLastMessage: number;
  /** Long tasks (over 50 ms) in the page; for a queued burst, those that began after the release. */
  readonly longTasks: number[];
  /** Callers ringing in the store and not in the emulator, or the other way round; calls likewise. */
  readonly mismatches: string[];
  /** Rows reachable by scrolling the virtual list, each with an enabled Accept button. */
  readonly reachable: number;
}

let bursts = 0;

/** The burst's callers, placed; the agent must be `userKey`, alone in being rung. */
export async function burst(
  stack: ProductionStack,
  page: Page,
  cdp: CDPSession,
  sent: SentMessage[],
  calls: number,
  mode: BurstMode,
  userKey = 'alex',
): Promise<BurstResult> {
  const tag = `B${++bursts}`;
  const prefix = `Burst ${tag} `;
  await startRecording(page);
  await expectDom(page, tag, {
    selector: 'sb-queue-panel #queue-heading .count',
    text: `(${calls} waiting)`,
  });
  const start = await placeWithinASecond(stack, cdp, sent, prefix, calls, mode === 'queued');
  const { paint } = await domDone(page, tag, 60_000);
  const notes = await readNotes(page);
  const lastWrite = sent.filter((s) => s.data.includes(prefix) && s.data.includes('"incomingCall"')).pop();
  const result = {
    calls,
    toLastRow: paint - start,
    // Queued, the last message waited for the release: only a spread burst says how long after it.
    afterLastMessage: mode === 'spread' && lastWrite ? paint - lastWrite.t : NaN,
    // A task the debugger stopped began before the release and lasted through the pause.
    longTasks: notes.longTasks.filter((task) => task.start >= start).map((task) => task.duration),
    mismatches: await mismatches(stack, page, userKey),
    reachable: new Set(await reachableRows(page)).size,
  };
  await hangUpWaitingCallers(stack);
  await page.locator('sb-queue-panel .sb-empty').waitFor({ timeout: 60_000 });
  return result;
}

/** The store's ringing callers and calls against the emulator's for `userKey`, as differences. */
export async function mismatches(stack: ProductionStack, page: Page, userKey: string): Promise<string[]> {
  const [store, world] = await Promise.all([storeView(page), emulatorState(stack)]);
  const worldRinging = world.queue
    .filter((call) => call.ringing.includes(userKey))
    .map((call) => call.caller.displayName ?? call.id);
  const worldCalls = world.calls.flatMap((call) =>
    call.parties.flatMap((party) =>
      party.leg && party.leg.userKey === userKey && party.leg.state !== 'Disconnected'
        ? [party.leg.callId]
        : [],
    ),
  );
  const difference = (what: string, a: string[], b: string[]) => [
    ...a.filter((x) => !b.includes(x)).map((x) => `${what} ${x} only in the store`),
    ...b.filter((x) => !a.includes(x)).map((x) => `${what} ${x} only in the emulator`),
  ];
  return [
    ...difference('ringing', store.ringing, worldRinging),
    ...difference('call', store.calls, worldCalls),
  ];
}
