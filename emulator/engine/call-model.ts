import type { CallState, RemoteParticipantState } from '@azure/communication-calling';
import type { CommunicationIdentifierKind } from '@azure/communication-common';
import type {
  CallWire,
  EndReasonWire,
  ParticipantWire,
  PartyWire,
  ServerMessage,
} from '../protocol/messages';
import type { Clock, TimerHandle } from './clock';

/**
 * A call in the world. Calls are modelled generally: every call has remote parties (a phone
 * caller, later Teams users and meeting attendees), each with its own state machine, and one
 * leg per console endpoint in it, with that endpoint's own call state and mute.
 */
export interface RemoteParty {
  readonly id: string;
  readonly identifier: CommunicationIdentifierKind;
  readonly displayName?: string;
  state: RemoteParticipantState;
  isMuted: boolean;
  isSpeaking: boolean;
  callEndReason?: EndReasonWire;
}

export interface Leg {
  readonly endpointId: string;
  state: CallState;
  isMuted: boolean;
}

export type CallStatus = 'waiting' | 'connected' | 'ended';

export class CallModel {
  status: CallStatus = 'waiting';
  /** Endpoints this call is ringing at; endpoints that declined it. */
  readonly ringing = new Set<string>();
  readonly declined = new Set<string>();
  readonly legs = new Map<string, Leg>();
  readonly parties = new Map<string, RemoteParty>();
  readonly timers = new Map<string, TimerHandle>();

  constructor(
    readonly id: string,
    readonly createdAt: number,
    readonly callerInfo: PartyWire,
    readonly transferorInfo: PartyWire | undefined,
    /** How long the caller talks once connected (ms). */
    readonly talkMs: number,
  ) {}

  /** Sends one message to every console in the call. */
  toLegs(send: (endpointId: string, message: ServerMessage) => void, message: ServerMessage): void {
    for (const leg of this.legs.values()) send(leg.endpointId, message);
  }

  /** One named timer per purpose (patience, talk, speaking): setting it again replaces it. */
  setTimer(clock: Clock, name: string, ms: number, callback: () => void): void {
    this.clearTimer(clock, name);
    this.timers.set(
      name,
      clock.setTimeout(() => {
        this.timers.delete(name);
        callback();
      }, ms),
    );
  }

  clearTimer(clock: Clock, name: string): void {
    const handle = this.timers.get(name);
    if (handle !== undefined) clock.clearTimeout(handle);
    this.timers.delete(name);
  }

  clearTimers(clock: Clock): void {
    this.timers.forEach((handle) => clock.clearTimeout(handle));
    this.timers.clear();
  }

  toWire(leg: Leg): CallWire {
    return {
      id: this.id,
      direction: 'Incoming',
      state: leg.state,
      isMuted: leg.isMuted,
      callerInfo: this.callerInfo,
      ...(this.transferorInfo && { transferorInfo: this.transferorInfo }),
      remoteParticipants: [...this.parties.values()].map(partyToWire),
    };
  }
}

export function partyToWire(party: RemoteParty): ParticipantWire {
  return {
    id: party.id,
    identifier: party.identifier,
    ...(party.displayName && { displayName: party.displayName }),
    state: party.state,
    isMuted: party.isMuted,
    isSpeaking: party.isSpeaking,
    ...(party.callEndReason && { callEndReason: party.callEndReason }),
  };
}
