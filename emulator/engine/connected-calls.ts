import type { CallState } from '@azure/communication-calling';
import { getIdentifierRawId } from '@azure/communication-common';
import type { EndReasonWire, ServerMessage } from '../protocol/messages';
import type { CallModel, Leg, RemoteParty } from './call-model';
import { CallerSpeech } from './caller-speech';
import { END, ERROR, WorldError } from './codes';
import type { Endpoint, World } from './world';

export type LegOperation = 'mute' | 'unmute' | 'hold' | 'resume' | 'hangUp';

/**
 * Calls once answered: the agent's leg (mute, hold, hang up), the caller, who talks in turns and
 * eventually hangs up, and how a call ends. Queue routing hands a call over on `accept` and is
 * told through `forget` when the call is over.
 */
export class ConnectedCalls {
  private readonly speech: CallerSpeech;
  /** The calls each console was in that have ended, so an operation on one says so. */
  private readonly endedCallIds = new Map<string, Set<string>>();
  private readonly send = (endpointId: string, message: ServerMessage) =>
    this.world.send(endpointId, message);

  constructor(
    private readonly world: World,
    private readonly calls: ReadonlyMap<string, CallModel>,
    private readonly forget: (call: CallModel) => void,
  ) {
    this.speech = new CallerSpeech(world);
  }

  /** The agent at `endpoint` answered: the caller joins, the leg connects, the caller talks. */
  connect(call: CallModel, endpoint: Endpoint): void {
    call.status = 'connected';
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
    call.setTimer(this.world.clock, 'talk', call.talkMs, () =>
      this.end(call, END.phoneParticipantHungUp, true),
    );
    this.speech.schedule(call);
  }

  legOperation(endpoint: Endpoint, callId: string, op: LegOperation): void {
    const call = this.calls.get(callId);
    const leg = call?.legs.get(endpoint.id);
    if (!call || !leg || call.status !== 'connected') {
      // Another console's call (or an unknown id) is not this agent's to operate, live or not.
      throw new WorldError(
        ERROR.notFound,
        this.endedCallIds.get(endpoint.id)?.has(callId)
          ? 'The call has already ended.'
          : `This call agent has no call with id ${callId}.`,
      );
    }
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
        this.end(call, END.hungUp, true);
        return;
    }
  }

  /** A console went away: its calls end, with nobody left there to tell. */
  endpointLeft(endpointId: string): void {
    for (const call of [...this.calls.values()])
      if (call.legs.has(endpointId)) this.end(call, END.vanished, false);
    this.endedCallIds.delete(endpointId);
  }

  /**
   * Ends the call for every leg. Its remote participants end first, each as a console sees a
   * participant leave (silent, then `Disconnected` with the call's end reason, then removed from
   * the roster); then the call goes `Disconnecting` and `Disconnected` with the reason, so a
   * consumer never holds an ended call with a live participant. Unnotified (the console went
   * away), the model ends the same way with nobody left to tell.
   */
  private end(call: CallModel, reason: EndReasonWire, notify: boolean): void {
    if (call.status === 'ended') return;
    for (const party of [...call.parties.values()]) this.endParty(call, party, reason, notify);
    for (const leg of call.legs.values()) {
      if (notify) {
        this.setLegState(call, leg, 'Disconnecting');
        this.send(leg.endpointId, {
          type: 'callChanged',
          id: call.id,
          state: 'Disconnected',
          callEndReason: reason,
        });
      }
      leg.state = 'Disconnected';
      const ended = this.endedCallIds.get(leg.endpointId) ?? new Set<string>();
      this.endedCallIds.set(leg.endpointId, ended.add(call.id));
    }
    this.forget(call);
  }

  private endParty(call: CallModel, party: RemoteParty, reason: EndReasonWire, notify: boolean): void {
    if (notify) this.speech.stop(call, party);
    else party.isSpeaking = false;
    party.state = 'Disconnected';
    party.callEndReason = reason;
    call.parties.delete(party.id);
    if (!notify) return;
    const ids = { callId: call.id, participantId: party.id };
    call.toLegs(this.send, {
      type: 'participantChanged',
      ...ids,
      state: 'Disconnected',
      callEndReason: reason,
    });
    call.toLegs(this.send, { type: 'participantRemoved', ...ids, callEndReason: reason });
  }

  private setLegState(call: CallModel, leg: Leg, state: CallState): void {
    leg.state = state;
    this.send(leg.endpointId, { type: 'callChanged', id: call.id, state });
  }
}
