import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ManualClock } from './clock';
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

describe('Random', () => {
  it('gives the same sequence for the same seed', () => {
    const a = new Random(42);
    const b = new Random(42);
    assert.deepEqual([a.next(), a.between(1, 6), a.guid()], [b.next(), b.between(1, 6), b.guid()]);
  });
});
