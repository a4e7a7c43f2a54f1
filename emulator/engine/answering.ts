import type { Leg, Party } from './call-model';
import { END, ERROR, WorldError } from './codes';
import { teamsUserIdentifier, type TeamsCloud } from './directory';
import type { Endpoint, PartySpec, WorldPort } from './world-port';

/**
 * Calls ringing at consoles: `accept` and `reject` on a `TeamsIncomingCall`. A call rings a console
 * for a party (a Teams user called, or added): the first of the user's consoles to accept answers
 * as that party and the others stop ringing (`487/10003`); when the last declines, the party
 * declined (`603/0`). A queue's call rings agents for no party: the first to accept takes it.
 */
export class Answering {
  constructor(private readonly world: WorldPort) {}

  accept(endpoint: Endpoint, incomingCallId: string, video: boolean): { callId: string } {
    const { calls, clock } = this.world;
    const call = calls.all.get(incomingCallId);
    const offer = call?.offers.get(endpoint.id);
    const existing = offer?.partyId === undefined ? undefined : call?.parties.get(offer.partyId);
    if (!call || !offer || (offer.partyId !== undefined && !existing))
      throw new WorldError(ERROR.acceptNotRinging, 'The incoming call is no longer ringing.');
    call.offers.delete(endpoint.id);
    for (const [other, o] of [...call.offers])
      if (o.partyId === offer.partyId) calls.endOffer(call, other, END.acceptedElsewhere);
    call.transfer?.accepting();
    const party =
      existing ?? calls.addParty(call, consoleParty(endpoint, 'Connecting', this.world.directory.cloud));
    call.clearTimer(clock, `ring:${party.id}`);
    call.status = 'live';
    calls.changeParty(call, party, { videoOn: video });
    const { callerInfo, transferorInfo } = offer;
    calls.bindLeg(call, party, endpoint, {
      callId: call.id,
      direction: 'Incoming',
      state: 'Connecting',
      callerInfo,
      ...(transferorInfo && { transferorInfo }),
    });
    calls.setLegState(call, party as Party & { leg: Leg }, 'Connected');
    call.hooks.answered?.(party);
    calls.refresh(call);
    this.world.speech.schedule(call);
    return { callId: call.id };
  }

  reject(endpoint: Endpoint, incomingCallId: string): void {
    const { calls } = this.world;
    const call = calls.all.get(incomingCallId);
    const offer = call?.offers.get(endpoint.id);
    if (!call || !offer)
      throw new WorldError(ERROR.rejectNotRinging, 'The incoming call is no longer ringing.');
    calls.endOffer(call, endpoint.id, END.declined);
    if (call.transfer) return call.transfer.refused(endpoint.id, END.declined);
    // A queue's caller keeps waiting for another agent; the call never rings here again.
    if (offer.partyId === undefined) return void call.declined.add(endpoint.id);
    const party = call.parties.get(offer.partyId);
    if (party && !this.stillRinging(call.offers.values(), party)) calls.leave(call, party, END.declined);
  }

  /**
   * A console went away: it stops ringing (a Teams user whose last console vanished while rung is
   * offline, `480/10076`), and its legs end.
   */
  endpointLeft(endpointId: string): void {
    const { calls } = this.world;
    for (const call of [...calls.all.values()]) {
      const offer = call.offers.get(endpointId);
      if (!offer) continue;
      call.offers.delete(endpointId);
      call.transfer?.refused(endpointId, END.offline);
      const party = offer.partyId === undefined ? undefined : call.parties.get(offer.partyId);
      if (party && !this.stillRinging(call.offers.values(), party)) calls.leave(call, party, END.offline);
    }
  }

  private stillRinging(offers: Iterable<{ partyId?: string }>, party: Party): boolean {
    return [...offers].some((o) => o.partyId === party.id);
  }
}

/**
 * A console's user as a party of a call. No `displayName`: the calling SDK does not set one for
 * Teams users (consumers look the user up, e.g. in Microsoft Graph).
 */
export function consoleParty(endpoint: Endpoint, state: Party['state'], cloud: TeamsCloud): PartySpec {
  const user = endpoint.user!;
  return { identifier: teamsUserIdentifier(user, cloud), kind: 'console', key: user.key, state };
}
