// Scenario C of the floor's bench: one of two instances killed (SIGKILL) mid-window, its consoles
// back on the other as the console's floor connection comes back (src/app/floor/floor-connection.ts:
// after the close, a wait of 1 s less up to a fifth at random, doubling each failed attempt; a new
// hello; an agent reports its state on the welcome, a supervisor subscribes and takes the
// snapshot). And, for every scenario, what reached the supervisors: each report heard, replaced by
// a newer one that was, or lost.
import type { BenchAgent, BenchSupervisor } from './floor-clients';
import type { ServerProcess, Stats } from './floor-processes';

/** The console's reconnection: 1 s, then twice as long each time, up to 30 s, less up to a fifth. */
const RECONNECT_FIRST_MS = 1_000;
const RECONNECT_MAX_MS = 30_000;
const JITTER = 0.2;
/**
 * How long after the kill the bench stops waiting for a console to get back (the console never
 * gives up): a floor that takes its consoles back slowly shows in the times, one that does not in
 * the consoles not back.
 */
const GIVE_UP_MS = 60_000;

export function reconnectDelay(attempt: number, random: number): number {
  return Math.round(Math.min(RECONNECT_MAX_MS, RECONNECT_FIRST_MS * 2 ** attempt) * (1 - JITTER * random));
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface FailoverFigures {
  /** How far into the window the instance was killed, in ms. */
  readonly killedAtMs: number;
  readonly agentsMoved: number;
  readonly supervisorsMoved: number;
  /** From the kill to each moved console's welcome on the other instance (a supervisor's: to its snapshot), sorted. */
  readonly reconnectMs: readonly number[];
  /** Attempts that failed before a console got back (the other instance refusing, or not answering). */
  readonly failedAttempts: number;
  /** Consoles that had not got back a minute after the kill, when the bench stopped waiting. */
  readonly notBack: number;
  /** Supervisor–agent pairs in which the supervisor heard nothing of the agent after the kill. */
  readonly unheardAfterKill: number;
}

/** Kills `victim` when told; moves each console that was on it to `survivor`, and times it. */
export class Failover {
  killedAt = Number.NaN;
  private readonly moves: Promise<void>[] = [];
  private readonly reconnectMs: number[] = [];
  private failedAttempts = 0;
  private notBack = 0;
  private readonly moved = { agent: 0, supervisor: 0 };

  constructor(
    readonly victim: ServerProcess,
    readonly survivor: ServerProcess,
    private readonly random: () => number = Math.random,
  ) {}

  /** The victim's figures just before, then SIGKILL. */
  async kill(): Promise<Stats> {
    const stats = await this.victim.stats();
    this.killedAt = Date.now();
    await this.victim.kill();
    return stats;
  }

  /**
   * What a console's socket on `on` does when it goes: after the kill, if `on` is the victim, the
   * console moves (`reconnect` opens a socket on the survivor and attaches it, once); else `lost`.
   */
  onLoss(
    on: ServerProcess,
    role: 'agent' | 'supervisor',
    reconnect: (to: ServerProcess) => Promise<void>,
    lost: (what: string) => void,
  ): (what: string) => void {
    let moving = false;
    return (what) => {
      if (on !== this.victim || Number.isNaN(this.killedAt)) return lost(what);
      if (moving) return;
      moving = true;
      this.moved[role]++;
      this.moves.push(this.move(reconnect));
    };
  }

  /** Waits for every console to be back, or given up on. */
  async settled(): Promise<void> {
    await Promise.all(this.moves);
  }

  figures(windowStart: number, supervisors: readonly BenchSupervisor[], agentIds: readonly string[]) {
    const unheardAfterKill = supervisors.reduce(
      (sum, supervisor) =>
        sum + agentIds.filter((id) => !((supervisor.heard.get(id)?.heardAt ?? 0) > this.killedAt)).length,
      0,
    );
    return {
      killedAtMs: this.killedAt - windowStart,
      agentsMoved: this.moved.agent,
      supervisorsMoved: this.moved.supervisor,
      reconnectMs: [...this.reconnectMs].sort((a, b) => a - b),
      failedAttempts: this.failedAttempts,
      notBack: this.notBack,
      unheardAfterKill,
    } satisfies FailoverFigures;
  }

  private async move(reconnect: (to: ServerProcess) => Promise<void>): Promise<void> {
    for (let attempt = 0; Date.now() - this.killedAt < GIVE_UP_MS; attempt++) {
      await wait(reconnectDelay(attempt, this.random()));
      try {
        await reconnect(this.survivor);
        this.reconnectMs.push(Date.now() - this.killedAt);
        return;
      } catch {
        this.failedAttempts++;
      }
    }
    this.notBack++;
  }
}

/** Whether every supervisor's last word of every agent is the agent's last report. */
export function everyLastReportHeard(
  supervisors: readonly BenchSupervisor[],
  agents: readonly { readonly id: string; readonly agent: BenchAgent }[],
): boolean {
  return supervisors.every((supervisor) =>
    agents.every(({ id, agent }) => supervisor.heard.get(id)?.lastSince === agent.lastSent),
  );
}

/** Reports × supervisors: heard; replaced (unheard, a newer one of the agent's heard); lost. */
export interface Delivery {
  readonly heard: number;
  readonly replaced: number;
  readonly lost: number;
  /** Supervisor–agent pairs in which the supervisor's last word of the agent is not its last report. */
  readonly latestMissing: number;
}

/**
 * What reached the supervisors of the reports sent in the window. The floor carries state, not
 * events: a report unheard because a newer one of the same agent came in the same update (or the
 * snapshot after a reconnection) is replaced; one after the last the supervisor heard is lost.
 */
export function delivery(
  supervisors: readonly BenchSupervisor[],
  agents: readonly { readonly id: string; readonly agent: BenchAgent }[],
): Delivery {
  let heard = 0;
  let lost = 0;
  let sent = 0;
  let latestMissing = 0;
  for (const supervisor of supervisors)
    for (const { id, agent } of agents) {
      const word = supervisor.heard.get(id);
      sent += agent.sentInWindow.length;
      heard += word?.inWindow ?? 0;
      lost += agent.sentInWindow.filter((since) => !(since <= (word?.lastSince ?? Number.NaN))).length;
      if (word?.lastSince !== agent.lastSent) latestMissing++;
    }
  return { heard, replaced: sent - heard - lost, lost, latestMissing };
}
