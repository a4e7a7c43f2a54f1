import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  emulatorScaleBench,
  emulatorScaleTable,
  failures,
  QUICK_SETTINGS,
  runEmulatorScale,
} from './emulator-scale';

/**
 * The emulator at scale, small (10 consoles, 30 calls in 6 simulated minutes, on the manual
 * clock): it runs, and holds what the bench promises whatever the machine: every call offered
 * rang, was answered by one agent or ended with a reason, nothing was left in the world, and the
 * consoles' listeners went with their calls. No figure is held to a time.
 */
describe('the emulator at scale, small', () => {
  it('has every call answered by one agent or ended with a reason, and nothing left behind', async () => {
    const result = await runEmulatorScale(QUICK_SETTINGS);
    console.log(emulatorScaleTable(result));

    assert.deepEqual(failures(result), []);
    const { outcomes } = result;
    assert.equal(outcomes.offered, 30);
    assert.equal(outcomes.answered + outcomes.unanswered, 30, 'every call answered or ended with a reason');
    assert.ok(outcomes.answered > 0, 'the consoles answer');
    // An answered call ends when its agent hangs up (0/0); an unanswered one with the queue's reason.
    assert.equal(outcomes.reasons.get('answered, ended 0/0'), outcomes.answered);
    for (const reason of outcomes.reasons.keys())
      assert.match(reason, /^(answered, ended 0\/0|unanswered, ended 487\/(0|10004))$/);
    assert.equal(result.callsLeft, 0);
    assert.equal(result.listenersLeft, 0, 'every call’s listeners went with it');
  });

  it('hands npm run bench its figures, a sample per run', async () => {
    const figures = await emulatorScaleBench.run({ runs: 1, quick: true, distDir: '' });
    const withoutReason = figures.find((figure) => figure.name === 'calls without an end reason');
    assert.deepEqual(withoutReason?.samples, [0]);
    assert.deepEqual(figures.find((figure) => figure.name === 'calls offered')?.samples, [30]);
    assert.ok(
      figures.every((figure) => figure.samples.length === 1 && figure.group === 'The emulator at scale'),
    );
  });
});
