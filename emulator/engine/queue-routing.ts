import type { CustomContextWire, EndReasonWire } from '../protocol/messages';
import { RING_TIMEOUT_MS, partyInfo, type CallModel, type Party } from './call-model';
import { END } from './codes';
import { E164, phoneIdentifier, queueIdentifier, type CallQueue, type PhoneCaller } from './directory';
import { RANGES, rangeProblem } from './ranges';
import type { EnqueueOptions, Endpoint, QueuePort, WorldPort } from './world-port';

export type { EnqueueOptions } from './world-port';
export { RING_TIMEOUT_MS } from './call-model';

/** `enqueue` without `from` when every directory caller is already waiting or talking. */
export class AllCallersBusyError extends Error {
  constructor(count: number) {
    super(
      `All ${count} callers in the directory are already on a call: give "from" (an E.164 number) ` +
        'or wait for a call to end.',
    );
    this.name = 'AllCallersBusyError';
  }
}

interface Waiting {
  readonly call: CallModel;
  readonly queue: CallQueue;
  readonly caller: Party;
  /** A transferred call's context, for the agents it rings again. */
  readonly customContext?: CustomContextWire;
  /**
   * Agents (user keys) it rang out on (presence-based routing): not rung again until their
   * presence leaves Available (or they take a call) and comes back.
   */
  readonly rangOut: Set<string>;
}

type NewWaiting = Omit<Waiting, 'rangOut'>;

/**
 * A Teams call queue (the behaviour of its resource account) in "ring everyone" mode: an inbound
 * phone call rings every signed-in agent at once; the first to accept gets it and it stops
 * ringing everywhere else (the call engine does that: a queue's call rings for no party). The
 * caller waits with their patience, then talks for their talk time once answered.
 *
 * With presence-based routing on (a queue's setting, `Directory.queueSettings`), it rings only
 * agents whose presence is Available and who are in no call. An agent who stops being so stops
 * ringing (`487/0`); one who becomes so while callers wait starts ringing; an agent who lets it
 * ring for the queue's agent alert time stops ringing (`487/10004`) while the caller waits on.
 */
export class QueueRouting implements QueuePort {
  private readonly waiting = new Map<string, Waiting>();

  constructor(private readonly world: WorldPort) {}

  enqueue(options: EnqueueOptions): string {
    for (const name of ['patienceMs', 'talkMs'] as const) {
      const problem =
        options[name] === undefined ? undefined : rangeProblem(name, options[name], RANGES.milliseconds);
      if (problem) throw new RangeError(problem);
    }
    const { calls, directory } = this.world;
    const random = this.world.random.routing;
    const known = options.from
      ? directory.callers.find((c) => c.phoneNumber === options.from)
      : this.pickIdleCaller();
    const phoneNumber = options.from ?? known!.phoneNumber;
    if (!E164.test(phoneNumber)) {
      throw new Error(
        `"${phoneNumber}" is not an E.164 phone number (a + and up to 15 digits, e.g. +14255550123).`,
      );
    }
    const queue =
      options.queue === undefined ? random.pick(directory.queues) : directory.queue(options.queue);
    if (!queue)
      throw new Error(
        `No call queue named "${options.queue}" (${directory.queues.map((q) => q.name).join(', ')}).`,
      );
    const displayName = options.displayName ?? known?.displayName;
    const call = calls.create('oneToOne', random.guid());
    call.status = 'waiting';
    const caller = calls.addParty(call, {
      identifier: phoneIdentifier(phoneNumber),
      ...(displayName && { displayName }),
      kind: 'phone',
      state: 'Connected',
      talkMs: options.talkMs ?? random.between(45_000, 180_000),
    });
    this.line({ call, queue, caller }, options.patienceMs ?? random.between(60_000, 180_000));
    return call.id;
  }

  /** A queue's settings changed: its waiting calls ring (or stop ringing) by the new ones. */
  queueConfigured(queueName: string): void {
    for (const waiting of this.waiting.values()) {
      if (waiting.queue.name !== queueName || waiting.call.status !== 'waiting') continue;
      if (!this.byPresence(waiting)) {
        waiting.rangOut.clear();
        waiting.call.clearTimersNamed(this.world.clock, 'alert:');
      }
      for (const endpoint of this.world.signedInEndpoints('agent')) this.reconsider(waiting, endpoint);
    }
  }

  agentChanged(userKey: string): void {
    const waitingByPresence = [...this.waiting.values()].filter(
      (waiting) => waiting.call.status === 'waiting' && this.byPresence(waiting),
    );
    if (waitingByPresence.length === 0) return;
    const endpoints = this.world.signedInEndpoints('agent').filter((e) => e.user!.key === userKey);
    for (const waiting of waitingByPresence)
      for (const endpoint of endpoints) this.reconsider(waiting, endpoint);
  }

  requeue(
    call: CallModel,
    queue: CallQueue,
    caller: Party,
    { except, customContext }: { except: string; customContext?: CustomContextWire },
  ): void {
    call.status = 'waiting';
    call.clearTimer(this.world.clock, `talk:${caller.id}`);
    // Agents who declined it the first time may take it now; the agent who sent it back is not rung.
    call.declined.clear();
    call.declined.add(except);
    // The caller has waited already: they hold on for the longest the queue lets a call ring.
    this.line({ call, queue, caller, ...(customContext && { customContext }) }, RING_TIMEOUT_MS);
  }

  /** The caller waits in the queue's line, ringing the agents its routing allows, with their patience. */
  private line(newWaiting: NewWaiting, patienceMs: number): void {
    const waiting: Waiting = { ...newWaiting, rangOut: new Set() };
    const { call, caller } = waiting;
    const { clock } = this.world;
    this.waiting.set(call.id, waiting);
    call.hooks.answered = () => {
      this.waiting.delete(call.id);
      call.clearTimer(clock, 'patience');
      call.clearTimersNamed(clock, 'alert:');
      this.world.scripts.startTalking(call, caller);
    };
    call.hooks.ended = () => this.waiting.delete(call.id);
    call.setTimer(clock, 'patience', Math.min(patienceMs, RING_TIMEOUT_MS), () =>
      this.abandon(call, patienceMs < RING_TIMEOUT_MS ? END.callerCancelled : END.noAnswer),
    );
    for (const endpoint of this.world.signedInEndpoints('agent')) this.reconsider(waiting, endpoint);
  }

  /** Directory callers not in a live call: one person cannot wait in the queue twice at once. */
  idleCallers(): PhoneCaller[] {
    const busy = new Set(
      [...this.world.calls.all.values()].flatMap((call) =>
        [...call.parties.values()].flatMap(({ identifier }) =>
          identifier.kind === 'phoneNumber' ? [identifier.phoneNumber] : [],
        ),
      ),
    );
    return this.world.directory.callers.filter((caller) => !busy.has(caller.phoneNumber));
  }

  waitingCount(): number {
    return this.waiting.size;
  }

  /** The calls waiting in a queue, oldest first: for `GET /emulator/state`. */
  waitingCalls(): readonly Waiting[] {
    return [...this.waiting.values()];
  }

  /** An agent who signs in while callers wait starts ringing too. */
  endpointJoined(endpoint: Endpoint): void {
    if (endpoint.user?.role !== 'agent') return;
    for (const waiting of this.waiting.values()) this.reconsider(waiting, endpoint);
  }

  private pickIdleCaller(): PhoneCaller {
    const idle = this.idleCallers();
    if (idle.length === 0) throw new AllCallersBusyError(this.world.directory.callers.length);
    return this.world.random.routing.pick(idle);
  }

  private byPresence(waiting: Waiting): boolean {
    return this.world.directory.queueSettings(waiting.queue.name).presenceBasedRouting;
  }

  /** Whether a waiting call may ring an agent's console now, by its queue's routing. */
  private reachable(waiting: Waiting, endpoint: Endpoint): boolean {
    if (!this.byPresence(waiting)) return true;
    const userKey = endpoint.user!.key;
    const { presence } = this.world;
    return presence.of(userKey).availability === 'Available' && !presence.inCall(userKey);
  }

  /** Rings an agent the call may ring now; stops ringing one it may not (`487/0`). */
  private reconsider(waiting: Waiting, endpoint: Endpoint): void {
    if (this.reachable(waiting, endpoint)) return this.ring(waiting, endpoint);
    // Out of Available (or into a call): a ring-out is forgotten, so coming back rings again.
    waiting.rangOut.delete(endpoint.user!.key);
    const { call } = waiting;
    if (!call.offers.has(endpoint.id)) return;
    call.clearTimer(this.world.clock, `alert:${endpoint.id}`);
    this.world.calls.endOffer(call, endpoint.id, END.callerCancelled);
  }

  private ring(waiting: Waiting, endpoint: Endpoint): void {
    const { call, queue, caller, customContext } = waiting;
    if (call.declined.has(endpoint.id) || waiting.rangOut.has(endpoint.user!.key)) return;
    // Already ringing when the queue turned presence-based routing on: its alert time starts now.
    if (this.byPresence(waiting) && !call.hasTimer(`alert:${endpoint.id}`)) this.alert(waiting, endpoint);
    if (call.offers.has(endpoint.id)) return;
    this.world.calls.offer(call, endpoint, {
      callerInfo: partyInfo(caller),
      transferorInfo: {
        identifier: queueIdentifier(queue, this.world.directory.cloud),
        displayName: queue.name,
      },
      ...(customContext && { customContext }),
    });
  }

  /** The agent alert time: unanswered by then, it stops ringing this agent and waits for others. */
  private alert(waiting: Waiting, endpoint: Endpoint): void {
    const { call } = waiting;
    const { agentAlertSeconds } = this.world.directory.queueSettings(waiting.queue.name);
    call.setTimer(this.world.clock, `alert:${endpoint.id}`, agentAlertSeconds * 1000, () => {
      if (!call.offers.has(endpoint.id) || call.status !== 'waiting') return;
      waiting.rangOut.add(endpoint.user!.key);
      this.world.calls.endOffer(call, endpoint.id, END.noAnswer);
    });
  }

  /** The caller gave up waiting (or nobody answered in time): it stops ringing everywhere. */
  private abandon(call: CallModel, reason: EndReasonWire): void {
    if (!this.waiting.has(call.id)) return;
    this.world.calls.end(call, reason, { offers: reason });
  }
}
