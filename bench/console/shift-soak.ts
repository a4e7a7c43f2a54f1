// A shift's worth of calls at one console: accepted, held, resumed and hung up by script, then
// what the console holds compared with what it held before the first.
import type { Page } from '@playwright/test';
import type { Bench, Figure } from '../figures';
import type { ProductionStack } from '../production-stack';
import { finishCall } from './agent-actions';
import { domCounters, heapAfterGc, liveSubscribers } from './page-memory';
import {
  benchNumber,
  control,
  queueCall,
  signedInConsole,
  withBenchStack,
  type SignedInConsole,
} from './harness';

const GROUP = 'Shift soak';

export interface Holdings {
  readonly heapBytes: number;
  readonly domNodes: number;
  readonly domListeners: number;
  readonly emulatorListeners: number;
  readonly subscriptions: number;
}

/** Listeners the agent's console holds on SDK objects, as its emulator client reports them. */
async function emulatorListeners(stack: ProductionStack, userKey: string): Promise<number> {
  const body = await control<{ consoles: { userKey: string; listeners: number }[] }>(
    stack,
    'GET',
    '/emulator/listeners',
  );
  return body.consoles.filter((c) => c.userKey === userKey).reduce((sum, c) => sum + c.listeners, 0);
}

export async function holdings(stack: ProductionStack, agent: SignedInConsole): Promise<Holdings> {
  const subscriptions = await liveSubscribers(agent.cdp);
  const heapBytes = await heapAfterGc(agent.cdp);
  const dom = await domCounters(agent.cdp);
  return {
    heapBytes,
    domNodes: dom.nodes,
    domListeners: dom.jsEventListeners,
    emulatorListeners: await emulatorListeners(stack, 'alex'),
    subscriptions,
  };
}

/** One caller: rings, is accepted, held, resumed and hung up, after-call work closed. */
export async function workOneCall(stack: ProductionStack, page: Page, n: number): Promise<void> {
  const name = `Soak Caller ${n}`;
  await queueCall(stack, { displayName: name, from: benchNumber(n) });
  await page
    .getByRole('listitem', { name: `Call from ${name}` })
    .getByRole('button', { name: 'Accept' })
    .click();
  const active = page.getByRole('region', { name: 'Active call' });
  await active.getByText('Call state: Connected').waitFor();
  await active.getByRole('button', { name: 'Hold' }).click();
  const held = page.getByRole('region', { name: /Calls on hold/ });
  await held.getByRole('button', { name: 'Resume' }).click();
  await active.getByText('Call state: Connected').waitFor();
  await finishCall(page);
}

export const shiftSoakBench: Bench = {
  name: 'shift-soak',
  method:
    'One agent in Chromium on the production build takes 500 queued calls one after the other (20 quick), each ' +
    'accepted, held, resumed and hung up by clicks, its after-call work closed with Done; one run (a long one). ' +
    'Before the first (after 3 warm-up calls) and after the last: the JavaScript heap after garbage collection ' +
    '(DevTools protocol HeapProfiler.collectGarbage, Runtime.getHeapUsage), DOM nodes and listeners ' +
    '(Memory.getDOMCounters), the listeners the emulator counts for the console’s SDK objects ' +
    '(`GET /emulator/listeners`) and the live RxJS subscriptions: the `Subscriber` objects alive after a garbage ' +
    'collection (Runtime.queryObjects on the prototype the store probe hands over), which counts every ' +
    'subscription of the console’s code, Angular’s and NgRx’s.',
  async run({ quick, distDir }) {
    const calls = quick ? 20 : 500;
    return withBenchStack(distDir, async ({ stack, browser }) => {
      const agent = await signedInConsole(browser, stack, 'Alex Rivera');
      for (let n = 1; n <= 3; n++) await workOneCall(stack, agent.page, n);
      const before = await holdings(stack, agent);
      for (let n = 4; n < 4 + calls; n++) await workOneCall(stack, agent.page, n);
      return soakFigures(before, await holdings(stack, agent), calls);
    });
  },
};

export function soakFigures(before: Holdings, after: Holdings, calls: number): Figure[] {
  const mb = (bytes: number) => bytes / 1_000_000;
  const figure = (name: string, unit: string, value: number, target?: string): Figure => ({
    group: GROUP,
    name: `${calls} calls: ${name}`,
    unit,
    samples: [value],
    ...(target && { target }),
  });
  return [
    figure('heap after GC, before', 'MB', mb(before.heapBytes)),
    figure('heap after GC, after', 'MB', mb(after.heapBytes)),
    figure('heap growth', 'MB', mb(after.heapBytes - before.heapBytes), '≤ 10 MB'),
    figure('DOM nodes, before', 'count', before.domNodes),
    figure('DOM nodes, after', 'count', after.domNodes),
    figure('DOM event listeners, growth', 'count', after.domListeners - before.domListeners),
    figure('emulator listeners, before', 'count', before.emulatorListeners),
    figure('emulator listeners, growth', 'count', after.emulatorListeners - before.emulatorListeners, '0'),
    figure('RxJS subscriptions, before', 'count', before.subscriptions),
    figure('RxJS subscriptions, growth', 'count', after.subscriptions - before.subscriptions, '0'),
  ];
}
