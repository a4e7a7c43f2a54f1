import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getIdentifierRawId } from '@azure/communication-common';
import { ManualClock } from './clock';
import type { ScenarioOptions } from './scenario';
import { World } from './world';

/** Every call the scenario placed in the first `minutes`, in arrival order, seen once a second. */
function callsPlaced(world: World, clock: ManualClock, minutes: number) {
  const seen = new Map<string, unknown>();
  for (let second = 0; second < minutes * 60; second++) {
    clock.advance(1_000);
    for (const waiting of world.snapshot().queue) {
      const caller = [...world.calls.all.get(waiting.id)!.parties.values()][0];
      if (!seen.has(waiting.id))
        seen.set(waiting.id, {
          id: waiting.id,
          at: clock.now() - waiting.waitingMs,
          caller: waiting.caller,
          queue: waiting.queue,
          talkMs: caller.talkMs,
        });
    }
  }
  return [...seen.values()];
}

function scenarioWorld(seed: number, scenario: Partial<ScenarioOptions> = {}) {
  const clock = new ManualClock(0);
  return { clock, world: new World({ clock, seed, scenario }) };
}

describe('scenario', () => {
  it('replays the same calls for the same seed, however many tokens were issued first', () => {
    const quiet = scenarioWorld(11);
    const busy = scenarioWorld(11);
    for (const key of ['alex', 'blake', 'casey', 'sam']) busy.world.issueToken(key);
    const expected = callsPlaced(quiet.world, quiet.clock, 10);
    assert.ok(expected.length >= 10, `only ${expected.length} calls arrived in 10 minutes`);
    assert.deepEqual(callsPlaced(busy.world, busy.clock, 10), expected);
    quiet.world.dispose();
    busy.world.dispose();
  });

  it('never puts one caller in the queue twice, and skips arrivals while every caller is busy', () => {
    // Ten arrivals a second against a directory of twelve; the ring timeout (2 min) is not reached.
    const { world, clock } = scenarioWorld(4, {
      arrivalsPerMinute: 600,
      maxWaiting: 100,
      patienceSeconds: [600, 600],
    });
    assert.doesNotThrow(() => clock.advance(90_000));
    const waiting = world.snapshot().queue.map((call) => getIdentifierRawId(call.caller.identifier));
    assert.equal(waiting.length, world.directory.callers.length);
    assert.equal(new Set(waiting).size, waiting.length);
    assert.equal(world.scenario.running, true);
    world.dispose();
  });

  it('refuses settings out of range, naming the setting and its range, and keeps the old ones', () => {
    const clock = new ManualClock(0);
    assert.throws(() => new World({ clock, scenario: { arrivalsPerMinute: Infinity } }), {
      name: 'RangeError',
      message: '"arrivalsPerMinute" must be a number from 0.01 to 600 (calls per minute).',
    });
    const { world } = scenarioWorld(1);
    const before = world.scenario.settings;
    assert.throws(() => world.scenario.configure({ maxWaiting: 2.5 }), {
      message: '"maxWaiting" must be an integer from 1 to 1000 (callers).',
    });
    assert.throws(() => world.scenario.configure({ talkSeconds: [0, 1e6] }), {
      message: '"talkSeconds" must be [min, max] with min <= max, each an integer from 0 to 86400 (seconds).',
    });
    assert.deepEqual(world.scenario.settings, before);
    world.dispose();
  });
});
