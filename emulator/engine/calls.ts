import type { CallState } from '@azure/communication-calling';
import { getIdentifierRawId } from '@azure/communication-common';
import type { EndReasonWire, ServerMessage } from '../protocol/messages';
import {
  CallModel,
  isLive,
  participantStateOf,
  partyToWire,
  type CallKind,
  type Leg,
  type Offer,
  type Party,
} from './call-model';
import { capabilitiesFor, sameCapabilities } from './capabilities';
import { END, ERROR, WorldError } from './codes';
import type { CallEngine, Endpoint, LegSpec, PartySpec, WorldPort } from './world-port';

type ParticipantChange = Omit<
  Extract<ServerMessage, { type: 'participantChanged' }>,
  'type' | 'callId' | 'participantId'
>;
type CallChange = Omit<Extract<ServerMessage, { type: 'callChanged' }>, 'type' | 'id'>;
type Console = Party & { leg: Leg };

const legKey = (endpointId: string, callId: string) => `${endpointId} ${callId}`;

/**
 * The conversation engine: parties join and leave, consoles see each other. Each console's client
 * is told exactly what it can see (`Leg.known`): a console in a meeting's lobby, or still
 * connecting to one, sees nobody; otherwise it sees every other party, ringing ones included.
 * Rules by kind: a 1:1 call ends for both when either leaves (the caller's call follows the
 * callee: `Ringing`, `EarlyMedia`, `Connected`; a hold on one side is `RemoteHold` on the other);
 * a group call or meeting goes on while a console is in it.
 */
export class Calls implements CallEngine {
  readonly all = new Map<string, CallModel>();
  private readonly legs = new Map<string, { call: CallModel; party: Console }>();
  /** The calls each console was in that have ended, so an operation on one says so. */
  private readonly endedLegs = new Map<string, Set<string>>();

  constructor(private readonly world: WorldPort) {}

  create(kind: CallKind, id = this.world.random.calls.guid()): CallModel {
    const call = new CallModel(id, this.world.clock.now(), kind);
    this.all.set(call.id, call);
    return call;
  }

  addParty(call: CallModel, spec: PartySpec): Party {
    const id = getIdentifierRawId(spec.identifier);
    if (call.parties.has(id))
      throw new WorldError(ERROR.alreadyInCall, `${spec.displayName ?? id} is already in this call.`);
    const party: Party = { isMuted: false, isSpeaking: false, videoOn: false, role: 'Unknown', ...spec, id };
    call.parties.set(id, party);
    this.publish(call, party);
    return party;
  }

  setPartyState(call: CallModel, party: Party, state: Party['state']): void {
    if (party.state === state) return;
    party.state = state;
    this.toKnowing(call, party, { state });
    this.followCallee(call, party);
  }

  changeParty(
    call: CallModel,
    party: Party,
    patch: Partial<Pick<Party, 'isMuted' | 'isSpeaking' | 'videoOn'>>,
  ): void {
    const changed: ParticipantChange = {};
    for (const key of ['isMuted', 'isSpeaking', 'videoOn'] as const) {
      const value = patch[key];
      if (value === undefined || party[key] === value) continue;
      party[key] = value;
      Object.assign(changed, { [key]: value });
    }
    if (Object.keys(changed).length > 0) this.toKnowing(call, party, changed);
  }

  bindLeg(call: CallModel, party: Party, endpoint: Endpoint, spec: LegSpec): void {
    const leg: Leg = { ...spec, endpointId: endpoint.id, localHold: false, known: new Set() };
    party.leg = leg;
    const console = party as Console;
    this.legs.set(legKey(endpoint.id, spec.callId), { call, party: console });
    leg.capabilities = capabilitiesFor(call.kind, party);
    const visible = [...call.parties.values()].filter((other) => this.sees(call, console, other));
    visible.forEach((other) => leg.known.add(other.id));
    const recording = this.world.recording.joining(call, console);
    endpoint.send({
      type: 'callAdded',
      call: {
        id: spec.callId,
        serverCallId: call.id,
        kind: call.kind,
        direction: spec.direction,
        state: spec.state,
        isMuted: party.isMuted,
        ...(spec.callerInfo && { callerInfo: spec.callerInfo }),
        ...(spec.transferorInfo && { transferorInfo: spec.transferorInfo }),
        ...(call.threadId && { threadId: call.threadId }),
        role: party.role,
        capabilities: leg.capabilities,
        remoteParticipants: visible.map(partyToWire),
        ...(recording && { recording }),
      },
    });
    // In a call now: a queue routing by presence stops ringing them.
    if (party.key) this.world.queue.agentChanged(party.key);
  }

  setLegState(call: CallModel, party: Console, state: CallState): void {
    if (party.leg.state === state) return;
    party.leg.state = state;
    this.toLeg(party, { state });
    this.setPartyState(call, party, participantStateOf(state));
    // Out of the lobby (or connected to a meeting), a console sees the others.
    for (const other of call.parties.values()) this.sync(call, party, other);
  }

  toLeg(party: Console, change: CallChange): void {
    this.world.send(party.leg.endpointId, { type: 'callChanged', id: party.leg.callId, ...change });
  }

  refresh(call: CallModel): void {
    if (call.status === 'ended') return;
    for (const party of call.legs()) {
      if (!isLive(party.leg.state)) continue;
      const heldByOther =
        call.kind === 'oneToOne' &&
        call.legs().some((other) => other !== party && other.leg.localHold && isLive(other.leg.state));
      this.setLegState(
        call,
        party,
        party.leg.localHold ? 'LocalHold' : heldByOther ? 'RemoteHold' : 'Connected',
      );
    }
    for (const party of call.legs()) {
      const capabilities = capabilitiesFor(call.kind, party);
      if (sameCapabilities(party.leg.capabilities, capabilities)) continue;
      party.leg.capabilities = capabilities;
      this.toLeg(party, { capabilities });
    }
  }

  leave(
    call: CallModel,
    party: Party,
    reason: EndReasonWire,
    options: { notify?: boolean; keep?: boolean } = {},
  ): void {
    if (call.status === 'ended' || call.parties.get(party.id) !== party) return;
    call.clearPartyTimers(this.world.clock, party.id);
    this.world.speech.stop(call, party);
    for (const [endpointId, offer] of [...call.offers]) {
      if (offer.partyId === party.id) this.endOffer(call, endpointId, reason);
    }
    if (party.leg) this.endLeg(party as Console, reason, options.notify ?? true);
    party.state = 'Disconnected';
    party.callEndReason = reason;
    this.toKnowing(call, party, { state: 'Disconnected', callEndReason: reason });
    for (const viewer of call.legs()) {
      if (!viewer.leg.known.delete(party.id)) continue;
      this.world.send(viewer.leg.endpointId, {
        type: 'participantRemoved',
        callId: viewer.leg.callId,
        participantId: party.id,
        callEndReason: reason,
      });
    }
    call.parties.delete(party.id);
    // A queue's caller who hangs up while waiting: it stops ringing everywhere.
    if (call.status === 'waiting' && call.parties.size === 0)
      return this.end(call, reason, { offers: END.callerCancelled });
    if (call.status !== 'live' || options.keep) return;
    if (call.kind === 'oneToOne' ? call.parties.size < 2 : call.legs().length === 0) this.end(call, reason);
    else if (call.kind === 'meeting') this.world.lobby.rearm(call);
    else this.world.speech.schedule(call);
  }

  end(
    call: CallModel,
    reason: EndReasonWire,
    options: { offers?: EndReasonWire; own?: { party: Party; reason: EndReasonWire } } = {},
  ): void {
    if (call.status === 'ended') return;
    call.status = 'ended';
    call.clearTimers(this.world.clock);
    for (const endpointId of [...call.offers.keys()])
      this.endOffer(call, endpointId, options.offers ?? END.callerCancelled);
    // Each console's client ends its participants itself, then its call (see the client's
    // `TeamsCall.endLocally`), so a large meeting ends in one message per console.
    for (const party of call.parties.values()) {
      const own = options.own?.party === party ? options.own.reason : reason;
      party.isSpeaking = false;
      if (party.leg) this.endLeg(party as Console, own, true);
      party.state = 'Disconnected';
      party.callEndReason = own;
    }
    call.parties.clear();
    this.all.delete(call.id);
    call.hooks.ended?.();
  }

  offer(call: CallModel, endpoint: Endpoint, offer: Omit<Offer, 'endpointId'>): void {
    call.offers.set(endpoint.id, { endpointId: endpoint.id, ...offer });
    endpoint.send({
      type: 'incomingCall',
      incomingCall: {
        id: call.id,
        callerInfo: offer.callerInfo,
        ...(offer.transferorInfo && { transferorInfo: offer.transferorInfo }),
        ...(call.threadId && { threadId: call.threadId }),
        ...(offer.customContext && { customContext: offer.customContext }),
      },
    });
  }

  endOffer(call: CallModel, endpointId: string, reason: EndReasonWire): void {
    if (!call.offers.delete(endpointId)) return;
    this.world.send(endpointId, { type: 'incomingCallEnded', id: call.id, callEndReason: reason });
  }

  requireLeg(endpointId: string, callId: string): { call: CallModel; party: Console } {
    const found = this.legs.get(legKey(endpointId, callId));
    if (found) return found;
    // Another console's call (or an unknown id) is not this agent's to operate, live or not.
    throw new WorldError(
      ERROR.notFound,
      this.endedLegs.get(endpointId)?.has(callId)
        ? 'The call has already ended.'
        : `This call agent has no call with id ${callId}.`,
    );
  }

  hasLeg(endpointId: string, callId: string): boolean {
    return this.legs.has(legKey(endpointId, callId)) || !!this.endedLegs.get(endpointId)?.has(callId);
  }

  /** A console went away: its legs end, with nobody there to tell. */
  endpointLeft(endpointId: string): void {
    for (const call of [...this.all.values()])
      for (const console of call.legs())
        if (console.leg.endpointId === endpointId) this.leave(call, console, END.vanished, { notify: false });
    this.endedLegs.delete(endpointId);
  }

  dispose(): void {
    for (const call of this.all.values()) call.clearTimers(this.world.clock);
    this.all.clear();
  }

  // ------------------------------------------------------------------------------------------

  private endLeg(party: Console, reason: EndReasonWire, notify: boolean): void {
    const { leg } = party;
    leg.state = 'Disconnected';
    leg.known.clear();
    this.legs.delete(legKey(leg.endpointId, leg.callId));
    const ended = this.endedLegs.get(leg.endpointId) ?? new Set<string>();
    this.endedLegs.set(leg.endpointId, ended.add(leg.callId));
    if (notify) this.toLeg(party, { state: 'Disconnected', callEndReason: reason });
    delete (party as Party).leg;
    // Free again (unless in another call): a queue routing by presence may ring them.
    if (party.key) this.world.queue.agentChanged(party.key);
  }

  private sees(call: CallModel, viewer: Console, party: Party): boolean {
    if (viewer === party) return false;
    const { state } = viewer.leg;
    if (state === 'InLobby' || state === 'Disconnecting' || state === 'Disconnected') return false;
    return call.kind !== 'meeting' || (state !== 'None' && state !== 'Connecting');
  }

  private publish(call: CallModel, party: Party): void {
    for (const viewer of call.legs()) this.sync(call, viewer, party);
  }

  /** Tells one console of a party it can now see, or no longer sees. */
  private sync(call: CallModel, viewer: Console, party: Party): void {
    const visible = this.sees(call, viewer, party);
    const { leg } = viewer;
    if (visible === leg.known.has(party.id)) return;
    if (visible) {
      leg.known.add(party.id);
      this.world.send(leg.endpointId, {
        type: 'participantAdded',
        callId: leg.callId,
        participant: partyToWire(party),
      });
    } else {
      leg.known.delete(party.id);
      this.world.send(leg.endpointId, {
        type: 'participantRemoved',
        callId: leg.callId,
        participantId: party.id,
      });
    }
  }

  private toKnowing(call: CallModel, party: Party, change: ParticipantChange): void {
    for (const viewer of call.legs()) {
      if (!viewer.leg.known.has(party.id)) continue;
      this.world.send(viewer.leg.endpointId, {
        type: 'participantChanged',
        callId: viewer.leg.callId,
        participantId: party.id,
        ...change,
      });
    }
  }

  /** 1:1: the caller's call follows the callee (ringing, early media, answered). */
  private followCallee(call: CallModel, callee: Party): void {
    if (call.kind !== 'oneToOne') return;
    const next: CallState | undefined =
      callee.state === 'Ringing' || callee.state === 'EarlyMedia' || callee.state === 'Connected'
        ? callee.state
        : undefined;
    if (!next) return;
    for (const caller of call.legs()) {
      const { state, direction } = caller.leg;
      if (caller === callee || direction !== 'Outgoing') continue;
      if (state === 'Connecting' || state === 'Ringing' || state === 'EarlyMedia') {
        this.setLegState(call, caller, next);
        if (next === 'Connected') this.refresh(call);
      }
    }
  }
}
