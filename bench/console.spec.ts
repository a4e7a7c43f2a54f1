// The browser benches still run, and what they rest on holds: every call of a burst rendered and
// reachable, the store agreeing with the emulator, no listener left behind. No figure is judged
// here (npm run bench prints them); `BENCH_DIST_DIR` reuses a production build instead of making one.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from '@playwright/test';
import { specBuild } from './spec-build';
import { startProductionStack, type ProductionStack } from './production-stack';
import { burst, mismatches } from './console/burst';
import { eventToPaintBench } from './console/event-to-paint';
import { holdings, workOneCall } from './console/shift-soak';
import { pipelineBurst, servePage, statefulClientPage } from './console/side-by-side';
import { statefulClientBundle } from './console/side-by-side/stateful-client-bundle';
import {
  launchChromium,
  recordEmulatorSends,
  signedInConsole,
  withBenchStack,
  type SignedInConsole,
} from './console/harness';

let distDir: string;
let build: ReturnType<typeof specBuild>;

before(() => {
  build = specBuild();
  distDir = build.distDir;
});
after(() => build.dispose());

describe('the browser benches on the production build', () => {
  let stack: ProductionStack;
  let browser: Browser;
  let agent: SignedInConsole;
  const sends = recordEmulatorSends();

  before(async () => {
    stack = await startProductionStack(distDir);
    browser = await launchChromium();
    agent = await signedInConsole(browser, stack, 'Alex Rivera');
  });
  after(async () => {
    sends.stop();
    await browser?.close();
    await stack?.close();
  });

  for (const mode of ['spread', 'queued'] as const)
    it(`renders every call of a ${mode} burst, each reachable with Accept, the store matching the emulator`, async () => {
      const result = await burst(stack, agent.page, agent.cdp, sends.sent, 25, mode);
      assert.equal(result.reachable, 25);
      assert.deepEqual(result.mismatches, []);
      // Once they hung up, the queue is empty in both.
      assert.deepEqual(await mismatches(stack, agent.page, 'alex'), []);
    });

  it('brings the emulator’s listeners back to where they were after calls are worked', async () => {
    const baseline = await holdings(stack, agent);
    assert.ok(baseline.subscriptions > 0, 'the store probe hands over RxJS’s Subscriber');
    for (let n = 1; n <= 3; n++) await workOneCall(stack, agent.page, 900 + n);
    const afterwards = await holdings(stack, agent);
    assert.equal(afterwards.emulatorListeners, baseline.emulatorListeners);
  });
});

describe('the side-by-side bench’s other console', () => {
  it('has Microsoft’s StatefulCallClient, in Chromium, ring and render every call of a burst', async () => {
    const served = await servePage(await statefulClientBundle());
    try {
      await withBenchStack(distDir, async ({ stack, browser, sent }) => {
        const target = await statefulClientPage(browser, stack, served.url);
        // Resolves once 10 rows show and a state change held all 10 (it throws otherwise).
        await pipelineBurst(stack, target, sent, 10, true);
        // Once the callers hung up, StatefulCallClient's list empties.
        await target.page.locator('#incoming-calls li').first().waitFor({ state: 'detached' });
      });
    } finally {
      await served.close();
    }
  });
});

describe('npm run bench’s event → painted DOM bench, quick', () => {
  it('follows each kind of event to the painted frame, leg by leg', async () => {
    const figures = await eventToPaintBench.run({ runs: 1, quick: true, distDir });
    const kinds = new Set(figures.map((f) => f.name.split(':')[0]));
    assert.deepEqual([...kinds], ['queued call appears', 'accept → Connected', 'mute', 'hold']);
    for (const figure of figures)
      assert.ok(
        figure.samples.length === 1 && figure.samples.every(Number.isFinite),
        `${figure.name} was measured`,
      );
  });
});
