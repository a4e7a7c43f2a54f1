import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { WebSocket } from 'ws';
import { FakeClock } from '../testing/fake-clock';
import { Session } from './floor-context';
import { BATCH_INTERVAL_MS, type FloorAgent, type ServerMessage } from './floor-protocol';
import { FloorWatch } from './floor-watch';

const agent = (id: string, state: FloorAgent['state'], since: string): FloorAgent => ({
  agent: { id, displayName: `Agent ${id}` },
  state,
  since,
  calls: [],
  updatedAt: since,
});

/** A supervisor's session whose socket keeps what it is sent. */
function supervisor(): { session: Session; received: ServerMessage[] } {
  const received: ServerMessage[] = [];
  const socket = { OPEN: 1, readyState: 1, send: (text: string) => received.push(JSON.parse(text)) };
  return { session: new Session(socket as unknown as WebSocket), received };
}

describe('a supervisor watching the floor', () => {
  it('hears, after its snapshot, of a report that came while the snapshot was being read', async () => {
    const clock = new FakeClock();
    const watch = new FloorWatch(clock);
    const { session, received } = supervisor();
    const before = agent('a1', 'available', '2026-01-05T09:00:00.000Z');
    const after = agent('a1', 'away', '2026-01-05T09:00:01.000Z');
    let readDone!: () => void;
    // The floor takes the agents, then reads the queues' day (a round trip to Redis): the agent's
    // report lands in between, and may be its last for an hour.
    const subscribed = watch.subscribe(session, async () => {
      const agents = [before];
      await new Promise<void>((resolve) => (readDone = resolve));
      return { agents, queues: [], requests: [], serviceLevelSeconds: 20 };
    });
    watch.agentChanged(after);
    readDone();
    await subscribed;
    clock.advance(BATCH_INTERVAL_MS);

    assert.deepEqual(
      received.map((message) => message.type),
      ['snapshot', 'update'],
    );
    assert.deepEqual(received[1], { type: 'update', agents: [after], queues: [] });
  });

  it('does not send again what its snapshot already had', async () => {
    const clock = new FakeClock();
    const watch = new FloorWatch(clock);
    const { session, received } = supervisor();
    const current = agent('a1', 'onCall', '2026-01-05T09:00:00.000Z');
    const subscribed = watch.subscribe(session, async () => {
      watch.agentChanged(current);
      return { agents: [current], queues: [], requests: [], serviceLevelSeconds: 20 };
    });
    await subscribed;
    clock.advance(BATCH_INTERVAL_MS * 4);

    assert.deepEqual(
      received.map((message) => message.type),
      ['snapshot'],
    );
  });
});
