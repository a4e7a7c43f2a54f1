import type { CallState } from '@azure/communication-calling';
import { getIdentifierRawId } from '@azure/communication-common';
import type { EndReasonWire, ServerMessage } from '../protocol/messages';
import { CallModel, type Leg, type RemoteParty } from './call-model';
import { CallerSpeech } from './caller-speech';
import { END, ERROR, WorldError } from './codes';
import { E164, phoneIdentifier, queueIdentifier, type PhoneCaller } from './directory';
import type { Endpoint, World } from './world';

export interface EnqueueOptions {
  /** The caller's number, E.164. */
  from?: string;
  displayName?: string;
  queue?: string;
  /** How long the caller waits for an answer before hanging up. */
  patienceMs?: number;
  /** How long the caller talks once answered before hanging up. */
  talkMs?: number;
}

/** Nobody answers for about two minutes: the call ends 487/10004 (acs-codes.md). */
export const RING_TIMEOUT_MS = 120_000;

type LegOperation = 'mute' | 'unmute' | 'hold' | 'resume' | 'hangUp';

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
 * Then the connected call itself: the agent's leg (mute, hold) and the caller, who talks and
 * eventually hangs up.
 */
export class QueueRouting {
  readonly calls = new Map<string, CallModel>();
  private readonly speech: CallerSpeech;
  private readonly send = (endpointId: string, message: ServerMessage) =>
    this.world.send(endpointId, message);

  constructor(private readonly world: World) {
    this.speech = new CallerSpeech(world);
  }

  enqueue(options: EnqueueOptions): string {
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
    for (const call of [...this.calls.values()]) {
      call.ringing.delete(endpoint.id);
      if (call.legs.has(endpoint.id)) this.endCall(call, END.vanished, false);
    }
  }

  accept(endpoint: Endpoint, id: string): { callId: string } {
    const call = this.calls.get(id);
    if (!call || call.status !== 'waiting' || !call.ringing.has(endpoint.id)) {
      throw new WorldError(ERROR.acceptNotRinging, 'The incoming call is no longer ringing.');
    }
    call.status = 'connected';
    call.clearTimer(this.world.clock, 'patience');
    call.ringing.delete(endpoint.id);
    for (const other of call.ringing)
      this.world.send(other, { type: 'incomingCallEnded', id, callEndReason: END.acceptedElsewhere });
    call.ringing.clear();

    const caller: RemoteParty = {
      id: getIdentifierRawId(call.callerInfo.identifier),
      identifier: call.callerInfo.identifier,
      ...(call.callerInfo.displayName && { displayName: call.callerInfo.displayName }),
      state: 'Connected',
      isMuted: false,
      isSpeaking: false,
    };
    call.parties.set(caller.id, caller);
    const leg: Leg = { endpointId: endpoint.id, state: 'Connecting', isMuted: false };
    call.legs.set(endpoint.id, leg);
    endpoint.send({ type: 'callAdded', call: call.toWire(leg) });
    this.setLegState(call, leg, 'Connected');
    call.setTimer(this.world.clock, 'talk', call.talkMs, () => this.callerHangsUp(call));
    this.speech.schedule(call);
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

  legOperation(endpoint: Endpoint, callId: string, op: LegOperation): void {
    const call = this.calls.get(callId);
    const leg = call?.legs.get(endpoint.id);
    if (!call || !leg || call.status !== 'connected')
      throw new WorldError(ERROR.notFound, 'The call has already ended.');
    const live = leg.state === 'Connected' || leg.state === 'LocalHold' || leg.state === 'RemoteHold';
    switch (op) {
      case 'mute':
      case 'unmute': {
        if (!live)
          throw new WorldError(
            op === 'mute' ? ERROR.muteFailed : ERROR.unmuteFailed,
            `Cannot ${op} a call that is ${leg.state}.`,
          );
        const isMuted = op === 'mute';
        if (leg.isMuted !== isMuted) {
          leg.isMuted = isMuted;
          endpoint.send({ type: 'callChanged', id: callId, isMuted });
        }
        return;
      }
      case 'hold':
        if (leg.state === 'LocalHold') return;
        if (leg.state !== 'Connected')
          throw new WorldError(
            ERROR.holdFailed,
            `Only a connected call can be put on hold (this one is ${leg.state}).`,
          );
        this.setLegState(call, leg, 'LocalHold');
        this.speech.schedule(call);
        return;
      case 'resume':
        if (leg.state === 'Connected') return;
        if (leg.state !== 'LocalHold')
          throw new WorldError(
            ERROR.resumeFailed,
            `Only a call on hold can be resumed (this one is ${leg.state}).`,
          );
        this.setLegState(call, leg, 'Connected');
        this.speech.schedule(call);
        return;
      case 'hangUp':
        this.endCall(call, END.hungUp, true);
        return;
    }
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

  private callerHangsUp(call: CallModel): void {
    if (call.status !== 'connected') return;
    for (const party of call.parties.values()) {
      this.speech.stop(call, party);
      party.state = 'Disconnected';
      party.callEndReason = END.phoneParticipantHungUp;
      call.toLegs(this.send, {
        type: 'participantChanged',
        callId: call.id,
        participantId: party.id,
        state: 'Disconnected',
        callEndReason: END.phoneParticipantHungUp,
      });
      call.toLegs(this.send, {
        type: 'participantRemoved',
        callId: call.id,
        participantId: party.id,
        callEndReason: END.phoneParticipantHungUp,
      });
    }
    this.endCall(call, END.phoneParticipantHungUp, true);
  }

  /** Ends the call for every leg: Disconnecting, then Disconnected with the reason. */
  private endCall(call: CallModel, reason: EndReasonWire, notify: boolean): void {
    if (call.status === 'ended') return;
    // A speaking caller falls silent before the call ends; unnotified, no console is left to tell.
    for (const party of call.parties.values()) {
      if (notify) this.speech.stop(call, party);
      else party.isSpeaking = false;
    }
    if (notify) {
      for (const leg of call.legs.values()) {
        this.setLegState(call, leg, 'Disconnecting');
        leg.state = 'Disconnected';
        this.world.send(leg.endpointId, {
          type: 'callChanged',
          id: call.id,
          state: 'Disconnected',
          callEndReason: reason,
        });
      }
    }
    this.forget(call);
  }

  private forget(call: CallModel): void {
    call.status = 'ended';
    call.clearTimers(this.world.clock);
    call.ringing.clear();
    this.calls.delete(call.id);
  }

  private setLegState(call: CallModel, leg: Leg, state: CallState): void {
    leg.state = state;
    this.world.send(leg.endpointId, { type: 'callChanged', id: call.id, state });
  }
}
