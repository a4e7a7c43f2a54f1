import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ManualClock, RealClock, type HostTimers } from './clock';
import { Random } from './random';

describe('ManualClock', () => {
  it('fires due timers in time order, including ones set by timers that fall due', () => {
    const clock = new ManualClock(0);
    const fired: string[] = [];
    clock.setTimeout(() => fired.push('b@20'), 20);
    clock.setTimeout(() => {
      fired.push('a@10');
      clock.setTimeout(() => fired.push('c@15'), 5);
    }, 10);
    const cancelled = clock.setTimeout(() => fired.push('never'), 12);
    clock.clearTimeout(cancelled);
    clock.advance(30);
    assert.deepEqual(fired, ['a@10', 'c@15', 'b@20']);
    assert.equal(clock.now(), 30);
  });
});

describe('RealClock', () => {
  /** Host timers that only record what they were asked: the test fires them by hand. */
  function fakeHost() {
    const pending = new Map<number, { ms: number; fire: () => void }>();
    const requested: number[] = [];
    let next = 1;
    const host: HostTimers = {
      setTimeout: (fire, ms) => {
        requested.push(ms);
        pending.set(next, { ms, fire });
        return next++;
      },
      clearTimeout: (timer) => pending.delete(timer as number),
    };
    const fireNext = () => {
      const [timer, { fire }] = [...pending][0];
      pending.delete(timer);
      fire();
    };
    return { host, pending, requested, fireNext };
  }

  it('waits longer than the host’s 2^31-1 ms timer limit in steps instead of firing at once', () => {
    const { host, requested, fireNext } = fakeHost();
    const clock = new RealClock(host);
    const thirtyDays = 30 * 24 * 60 * 60 * 1000;
    let fired = false;
    clock.setTimeout(() => (fired = true), thirtyDays);
    assert.deepEqual(requested, [2 ** 31 - 1]);
    fireNext();
    assert.equal(fired, false);
    assert.deepEqual(requested, [2 ** 31 - 1, thirtyDays - (2 ** 31 - 1)]);
    fireNext();
    assert.equal(fired, true);
  });

  it('cancels a long wait at whichever step it has reached', () => {
    const { host, pending, fireNext } = fakeHost();
    const clock = new RealClock(host);
    let fired = false;
    const handle = clock.setTimeout(() => (fired = true), 2 ** 32);
    fireNext();
    clock.clearTimeout(handle);
    assert.equal(pending.size, 0);
    assert.equal(fired, false);
  });
});

describe('Random', () => {
  it('gives the same sequence for the same seed', () => {
    const a = new Random(42);
    const b = new Random(42);
    assert.deepEqual([a.next(), a.between(1, 6), a.guid()], [b.next(), b.between(1, 6), b.guid()]);
  });
});
