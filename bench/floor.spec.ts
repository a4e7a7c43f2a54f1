import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findRedisServer, REDIS_MISSING } from '../server/testing/redis-server';
import { floorTable, machine, runFloorBench } from './floor';

/**
 * The floor's bench, small (20 agents, 3 supervisors, a few seconds): it runs, every scenario, and
 * prints its figures. No figure is held to a time; only what the floor promises whatever the
 * machine: every supervisor hears of every agent, never more than one update per batching
 * interval, and, with an instance killed, every console back and nothing lost.
 */
describe('the floor’s bench, small', () => {
  it('has every supervisor hear of every agent, at most four updates a second, in scenarios A and B', async () => {
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
      assert.equal(result.delivery.lost, 0, `${scenario}: reports lost`);
      assert.equal(result.delivery.latestMissing, 0, `${scenario}: last reports missing`);
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

  it('moves the killed instance’s consoles to the other, and every supervisor has every agent’s last state (C)', async () => {
    assert.ok(findRedisServer(), REDIS_MISSING);
    const [result] = await runFloorBench({
      agents: 20,
      supervisors: 3,
      warmUpMs: 1000,
      durationMs: 4000,
      scenarios: ['C'],
    });
    console.log(`${machine()}\n${floorTable([result!])}`);

    const failover = result!.failover;
    assert.ok(failover, 'scenario C kills an instance');
    // Consoles alternate between the instances: the second had agents 2, 4, ... and supervisor 2.
    assert.equal(failover.agentsMoved, 10);
    assert.equal(failover.supervisorsMoved, 1);
    assert.equal(failover.reconnectMs.length, 11, 'every console that was on it is back');
    assert.equal(failover.notBack, 0);
    assert.equal(failover.unheardAfterKill, 0, 'every supervisor heard of every agent after the kill');
    assert.equal(result!.delivery.latestMissing, 0, 'every supervisor has every agent’s last report');
    assert.equal(result!.delivery.lost, 0, 'no report is lost: each was heard, or a newer one was');
    assert.ok(result!.reportsSent > 0);
    assert.deepEqual(result!.agentsUpdatedPerSupervisor, [20, 20, 20]);
  });
});
