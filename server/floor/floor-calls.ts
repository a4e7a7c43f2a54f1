import { isAnswered, isLive, liveCall, localDay, type FloorContext } from './floor-context';
import type { FloorAgent, FloorCall, FloorCallView } from './floor-protocol';
import type { Transition } from './floor-store';

/**
 * How long a queued call may be reported nowhere before it counts as abandoned: the ringing stops
 * on every agent's console a moment before the answering agent's report says Connected.
 */
export const ABANDON_GRACE_MS = 3000;

/**
 * Calls across the floor: when each was first seen (one wait for every console) and today's
 * queue statistics, counted from the difference between an agent's last report and its new one.
 */
export class FloorCalls {
  private readonly abandonTimers = new Map<string, unknown>();

  constructor(
    private readonly floor: FloorContext,
    private readonly serviceLevelMs: number,
  ) {}

  /**
   * The reported calls with their first-seen times: a call the agent already had keeps its time;
   * a new one is seen now, or when it started ringing if the console says so and that was earlier.
   */
  async views(previous: FloorAgent | undefined, calls: readonly FloorCall[]): Promise<FloorCallView[]> {
    const now = this.floor.clock.now();
    const known = new Map(previous?.calls.map((call) => [call.key, call.firstSeenAt]));
    const fresh = calls.filter((call) => !known.has(call.key));
    const times = await this.floor.store.firstSeen(
      fresh.map((call) => ({
        key: call.key,
        at: call.state === 'Ringing' ? Math.min(Date.parse(call.since), now) : now,
      })),
    );
    fresh.forEach((call, i) => known.set(call.key, new Date(times[i]).toISOString()));
    return calls.map((call) => ({ ...call, firstSeenAt: known.get(call.key) as string }));
  }

  /**
   * An agent's new record, here or from another instance. The instance that took the report
   * counts what it changed; every instance watches for a queued call that is reported nowhere.
   */
  async changed(previous: FloorAgent | undefined, next: FloorAgent, local: boolean): Promise<void> {
    const gone = (previous?.calls ?? []).filter((call) => call.queue !== null && isLive(call));
    for (const call of gone) {
      if (!liveCall(next, call.key)) this.watchAbandoned(call.key, call.queue as string);
    }
    if (local) await this.count(previous, next);
  }

  close(): void {
    for (const timer of this.abandonTimers.values()) this.floor.clock.clearTimeout(timer);
    this.abandonTimers.clear();
  }

  private async count(previous: FloorAgent | undefined, next: FloorAgent): Promise<void> {
    const at = Date.parse(next.updatedAt);
    const day = localDay(at);
    const agentId = next.agent.id;
    const transitions: Transition[] = [];
    for (const call of next.calls) {
      if (call.queue === null || !isLive(call)) continue;
      const before = liveCall(previous, call.key);
      const base = { key: call.key, queue: call.queue, day, at };
      if (!before) transitions.push({ ...base, kind: 'offered' });
      if (isAnswered(call) && !(before && isAnswered(before)))
        transitions.push({ ...base, kind: 'answered', agentId, thresholdMs: this.serviceLevelMs });
    }
    for (const call of previous?.calls ?? []) {
      // Only its answerer's console ends a call's handling: ringing elsewhere is not handled.
      if (call.queue !== null && isAnswered(call) && !liveCall(next, call.key))
        transitions.push({ key: call.key, queue: call.queue, day, at, kind: 'handled', agentId });
    }
    // In order: a call is offered before it is answered.
    for (const transition of transitions) await this.floor.store.count(transition);
  }

  private watchAbandoned(key: string, queue: string): void {
    if (this.abandonTimers.has(key)) return;
    const timer = this.floor.clock.setTimeout(() => {
      this.abandonTimers.delete(key);
      for (const agent of this.floor.agents()) if (liveCall(agent, key)) return;
      const at = this.floor.clock.now();
      this.floor.store
        .count({ kind: 'abandoned', key, queue, day: localDay(at), at })
        .catch(this.floor.failed('counting an abandoned call'));
    }, ABANDON_GRACE_MS);
    this.abandonTimers.set(key, timer);
  }
}
