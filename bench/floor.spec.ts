import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findRedisServer, REDIS_MISSING } from '../server/testing/redis-server';
import { floorTable, machine, runFloorBench } from './floor';

/**
 * The floor's bench, small (20 agents, 3 supervisors, 3 s): it runs, both scenarios, and prints its
 * figures. No figure is held to a time; only what the floor promises whatever the machine: every
 * supervisor hears of every agent, and never more than one update per batching interval.
 */
describe('the floor’s bench, small', () => {
  it('has every supervisor hear of every agent, at most four updates a second, in both scenarios', async () => {
    assert.ok(findRedisServer(), REDIS_MISSING);
    const results = await runFloorBench({
      agents: 20,
      supervisors: 3,
      warmUpMs: 1000,
      durationMs: 3000,
      scenarios: ['A', 'B'],
    });
    console.log(`${machine()}\n${floorTable(results)}`);

    assert.equal(results.length, 2);
    for (const result of results) {
      const scenario = `${result.options.instances} instance(s)`;
      assert.deepEqual(result.agentsUpdatedPerSupervisor, [20, 20, 20], scenario);
      assert.ok(result.reportsSent > 0, scenario);
      // Over N seconds a supervisor may be sent one update per 250 ms: 4N, and one at each edge.
      const seconds = Math.ceil(result.windowMs / 1000);
      for (const updates of result.updatesPerSupervisor) {
        assert.ok(
          updates > 0 && updates <= seconds * 4 + 2,
          `${scenario}: ${updates} updates in ${seconds} s`,
        );
      }
    }
  });
});
