import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { commitsPerFrame } from './speaker-storm';

describe('commitsPerFrame', () => {
  it('counts the commits between each animation frame and the next', () => {
    const commits = [{ t: 1 }, { t: 20 }, { t: 21 }, { t: 22 }, { t: 47.9 }];
    assert.deepEqual(commitsPerFrame([0, 16, 32, 48], commits), [1, 3, 1]);
  });

  it('leaves out commits before the first frame and after the last', () => {
    assert.deepEqual(commitsPerFrame([10, 20], [{ t: 5 }, { t: 15 }, { t: 25 }]), [1]);
    assert.deepEqual(commitsPerFrame([10], [{ t: 15 }]), []);
  });
});
