import type { EndReasonWire } from '../protocol/messages';
import { CallModel } from './call-model';
import { END, ERROR, WorldError } from './codes';
import { ConnectedCalls } from './connected-calls';
import { E164, phoneIdentifier, queueIdentifier, type PhoneCaller } from './directory';
import { RANGES, rangeProblem } from './ranges';
import type { Endpoint, World } from './world';

export interface EnqueueOptions {
  /** The caller's number, E.164. */
  from?: string;
  displayName?: string;
  queue?: string;
  /** How long the caller waits for an answer before hanging up (at most a day). */
  patienceMs?: number;
  /** How long the caller talks once answered before hanging up (at most a day). */
  talkMs?: number;
}

/** Nobody answers for about two minutes: the call ends 487/10004 (docs/acs-codes.md). */
export const RING_TIMEOUT_MS = 120_000;

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

/**
 * A Teams call queue in conference-less "ring everyone" mode: an inbound phone call rings every
 * signed-in agent at once; the first to accept gets it and it stops ringing everywhere else.
 * The answered call is then `ConnectedCalls`' to run.
 */
export class QueueRouting {
  readonly calls = new Map<string, CallModel>();
  readonly connected: ConnectedCalls;

  constructor(private readonly world: World) {
    this.connected = new ConnectedCalls(world, this.calls, (call) => this.forget(call));
  }

  enqueue(options: EnqueueOptions): string {
    for (const name of ['patienceMs', 'talkMs'] as const) {
      const problem =
        options[name] === undefined ? undefined : rangeProblem(name, options[name], RANGES.milliseconds);
      if (problem) throw new RangeError(problem);
    }
    const { clock, directory } = this.world;
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
    const call = new CallModel(
      random.guid(),
      clock.now(),
      { identifier: phoneIdentifier(phoneNumber), ...(displayName && { displayName }) },
      { identifier: queueIdentifier(queue), displayName: queue.name },
      options.talkMs ?? random.between(45_000, 180_000),
    );
    this.calls.set(call.id, call);
    const patienceMs = options.patienceMs ?? random.between(60_000, 180_000);
    call.setTimer(this.world.clock, 'patience', Math.min(patienceMs, RING_TIMEOUT_MS), () =>
      this.abandon(call, patienceMs < RING_TIMEOUT_MS ? END.callerCancelled : END.noAnswer),
    );
    for (const endpoint of this.world.signedInEndpoints('agent')) this.ring(call, endpoint);
    return call.id;
  }

  /** Directory callers not in a live call: one person cannot wait in the queue twice at once. */
  idleCallers(): PhoneCaller[] {
    const busy = new Set(
      [...this.calls.values()].flatMap(({ callerInfo: { identifier } }) =>
        identifier.kind === 'phoneNumber' ? [identifier.phoneNumber] : [],
      ),
    );
    return this.world.directory.callers.filter((caller) => !busy.has(caller.phoneNumber));
  }

  private pickIdleCaller(): PhoneCaller {
    const idle = this.idleCallers();
    if (idle.length === 0) throw new AllCallersBusyError(this.world.directory.callers.length);
    return this.world.random.routing.pick(idle);
  }

  waitingCount(): number {
    return [...this.calls.values()].filter((call) => call.status === 'waiting').length;
  }

  endpointJoined(endpoint: Endpoint): void {
    if (endpoint.user?.role !== 'agent') return;
    for (const call of this.calls.values()) if (call.status === 'waiting') this.ring(call, endpoint);
  }

  /** A console went away (disposed, or its connection dropped): it stops ringing, its calls end. */
  endpointLeft(endpoint: Endpoint): void {
    for (const call of this.calls.values()) call.ringing.delete(endpoint.id);
    this.connected.endpointLeft(endpoint.id);
  }

  accept(endpoint: Endpoint, id: string): { callId: string } {
    const call = this.calls.get(id);
    if (!call || call.status !== 'waiting' || !call.ringing.has(endpoint.id)) {
      throw new WorldError(ERROR.acceptNotRinging, 'The incoming call is no longer ringing.');
    }
    call.clearTimer(this.world.clock, 'patience');
    call.ringing.delete(endpoint.id);
    for (const other of call.ringing)
      this.world.send(other, { type: 'incomingCallEnded', id, callEndReason: END.acceptedElsewhere });
    call.ringing.clear();
    this.connected.connect(call, endpoint);
    return { callId: id };
  }

  reject(endpoint: Endpoint, id: string): void {
    const call = this.calls.get(id);
    if (!call || call.status !== 'waiting' || !call.ringing.has(endpoint.id)) {
      throw new WorldError(ERROR.rejectNotRinging, 'The incoming call is no longer ringing.');
    }
    // Declined here only: the caller keeps waiting for another agent.
    call.ringing.delete(endpoint.id);
    call.declined.add(endpoint.id);
    endpoint.send({ type: 'incomingCallEnded', id, callEndReason: END.declined });
  }

  dispose(): void {
    for (const call of this.calls.values()) call.clearTimers(this.world.clock);
    this.calls.clear();
  }

  // ----------------------------------------------------------------------------------------

  private ring(call: CallModel, endpoint: Endpoint): void {
    if (call.ringing.has(endpoint.id) || call.declined.has(endpoint.id)) return;
    call.ringing.add(endpoint.id);
    endpoint.send({
      type: 'incomingCall',
      incomingCall: {
        id: call.id,
        callerInfo: call.callerInfo,
        ...(call.transferorInfo && { transferorInfo: call.transferorInfo }),
      },
    });
  }

  /** The caller gave up waiting (or nobody answered in time): it stops ringing everywhere. */
  private abandon(call: CallModel, reason: EndReasonWire): void {
    if (call.status !== 'waiting') return;
    for (const endpointId of call.ringing)
      this.world.send(endpointId, { type: 'incomingCallEnded', id: call.id, callEndReason: reason });
    this.forget(call);
  }

  private forget(call: CallModel): void {
    call.status = 'ended';
    call.clearTimers(this.world.clock);
    call.ringing.clear();
    this.calls.delete(call.id);
  }
}
