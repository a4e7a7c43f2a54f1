import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Bench } from './figures';
import { figureTable, replaceSection, SECTION_HEADING } from './results-table';
import { chooseBenches, readRuns } from './run';

const bench = (name: string): Bench => ({ name, method: '', run: async () => [] });

describe('npm run bench’s table and settings', () => {
  it('gives each figure its median, spread, runs and target', () => {
    const table = figureTable([
      { group: 'Bursts', name: '200 calls: time to last row', unit: 'ms', samples: [120, 80, 100] },
      { group: 'Soak', name: 'heap growth', unit: 'MB', samples: [1.234], target: '≤ 10 MB' },
    ]);
    assert.deepEqual(table.split('\n').slice(2), [
      '| Bursts | 200 calls: time to last row | 100 ms | 80–120 | 3 |  |',
      '| Soak | heap growth | 1.23 MB |  | 1 | ≤ 10 MB |',
    ]);
  });

  it('replaces its own section of RESULTS.md and keeps the others', () => {
    const results = `# Benchmarks\n\n## The production bundle\n\nbundle\n\n${SECTION_HEADING}\n\nold\n\n## The floor\n\nfloor\n`;
    const replaced = replaceSection(results, `${SECTION_HEADING}\n\nnew\n`);
    assert.equal(
      replaced,
      `# Benchmarks\n\n## The production bundle\n\nbundle\n\n${SECTION_HEADING}\n\nnew\n\n## The floor\n\nfloor\n`,
    );
    assert.equal(
      replaceSection('# Benchmarks\n', `${SECTION_HEADING}\n\nnew\n`),
      `# Benchmarks\n\n${SECTION_HEADING}\n\nnew\n`,
    );
  });

  it('runs the benches BENCH_ONLY names, and says which exist when one does not', () => {
    const benches = [bench('bursts'), bench('shift-soak')];
    assert.deepEqual(chooseBenches(undefined, benches), benches);
    assert.deepEqual(chooseBenches('shift-soak', benches), [benches[1]]);
    assert.throws(() => chooseBenches('burst', benches), {
      message: 'BENCH_ONLY names no bench burst: choose from bursts, shift-soak.',
    });
  });

  it('takes BENCH_RUNS as a whole number from 1 to 100, 5 without it', () => {
    assert.equal(readRuns(undefined), 5);
    assert.equal(readRuns('3'), 3);
    assert.throws(() => readRuns('0'), {
      message: 'BENCH_RUNS must be a whole number from 1 to 100, not "0".',
    });
    assert.throws(() => readRuns('2.5'), /not "2.5"/);
  });
});
