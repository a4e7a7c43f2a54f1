import type { Session, FloorClock } from './floor-context';
import { BATCH_INTERVAL_MS, type FloorAgent, type QueueStats, type ServerMessage } from './floor-protocol';

type Snapshot = Omit<Extract<ServerMessage, { type: 'snapshot' }>, 'type'>;

/**
 * The supervisors watching the floor on this instance: each gets its snapshot, then what changed
 * since, at most one message every `BATCH_INTERVAL_MS`, so a thousand agents reporting once a
 * second do not become a message per report per supervisor.
 */
export class FloorWatch {
  private readonly watching = new Set<Session>();

  constructor(private readonly clock: FloorClock) {}

  /**
   * Sends the snapshot `read` answers. The supervisor counts as watching before the read, so that
   * what changes meanwhile follows the snapshot rather than being lost: queue counts, and agents
   * whose report came after the read took them (it may be an agent's last for an hour).
   */
  async subscribe(session: Session, read: () => Promise<Snapshot>): Promise<void> {
    if (this.watching.has(session)) return;
    this.watching.add(session);
    const snapshot = await read();
    for (const agent of snapshot.agents)
      if (session.dirty.get(agent.agent.id) === agent) session.dirty.delete(agent.agent.id);
    session.send({ type: 'snapshot', ...snapshot });
    session.lastSentAt = this.clock.now();
    if (session.dirty.size + session.dirtyQueues.size > 0) this.schedule(session);
  }

  agentChanged(agent: FloorAgent): void {
    for (const session of this.watching) {
      session.dirty.set(agent.agent.id, agent);
      this.schedule(session);
    }
  }

  queueChanged(stats: QueueStats): void {
    for (const session of this.watching) {
      session.dirtyQueues.set(stats.queue, stats);
      this.schedule(session);
    }
  }

  leave(session: Session): void {
    this.watching.delete(session);
    this.clock.clearTimeout(session.flushTimer);
  }

  /** Changes during the snapshot's read wait for it; then one message every interval at most. */
  private schedule(session: Session): void {
    if (session.lastSentAt === Number.NEGATIVE_INFINITY || session.flushTimer !== null) return;
    const wait = Math.max(0, session.lastSentAt + BATCH_INTERVAL_MS - this.clock.now());
    session.flushTimer = this.clock.setTimeout(() => this.flush(session), wait);
  }

  private flush(session: Session): void {
    session.flushTimer = null;
    if (session.closed || session.dirty.size + session.dirtyQueues.size === 0) return;
    session.send({
      type: 'update',
      agents: [...session.dirty.values()],
      queues: [...session.dirtyQueues.values()],
    });
    session.dirty.clear();
    session.dirtyQueues.clear();
    session.lastSentAt = this.clock.now();
  }
}
