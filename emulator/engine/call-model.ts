import type {
  CallDirection,
  CallState,
  ParticipantRole,
  RemoteParticipantState,
} from '@azure/communication-calling';
import type { CommunicationIdentifierKind } from '@azure/communication-common';
import type {
  CallKindWire,
  CapabilitiesWire,
  CustomContextWire,
  EndReasonWire,
  ParticipantWire,
  PartyWire,
} from '../protocol/messages';
import type { Clock, TimerHandle } from './clock';

/**
 * A call in the world: a conversation of N parties. A Teams user at a console takes part through
 * a leg (its own `TeamsCall`: state, direction, mute); every other party is, to that console, a
 * `RemoteParticipant`. Phone numbers and colleagues are scripted parties without a leg. A 1:1
 * call, a group call (with its chat thread) and a meeting differ only in their rules.
 */
export type CallKind = CallKindWire;

/** A console (a Teams user's leg), a phone number, or a Teams user the world plays. */
export type PartyKind = 'console' | 'phone' | 'teamsUser';

export interface Leg {
  readonly endpointId: string;
  /** What this console calls the call (see `protocol/messages.ts`). */
  readonly callId: string;
  readonly direction: CallDirection;
  state: CallState;
  /** This console put the call on hold (its state is `LocalHold`). */
  localHold: boolean;
  readonly callerInfo?: PartyWire;
  readonly transferorInfo?: PartyWire;
  /** The parties this console's client holds as remote participants. */
  readonly known: Set<string>;
  /** The capabilities last sent to it, to send only changes. */
  capabilities?: CapabilitiesWire;
  /** This console consented to being recorded (it stays given for the call). */
  recordingConsent?: boolean;
  /** Whether its captions are on (`startCaptions`). */
  captions?: boolean;
}

export interface Party {
  /** The raw id of its identifier, as the SDK's `RemoteParticipant` is told apart. */
  readonly id: string;
  readonly identifier: CommunicationIdentifierKind;
  readonly displayName?: string;
  readonly kind: PartyKind;
  /** The directory user (console parties) or colleague (scripted Teams users) it is. */
  readonly key?: string;
  /** Its state as the others see it. */
  state: RemoteParticipantState;
  isMuted: boolean;
  isSpeaking: boolean;
  videoOn: boolean;
  role: ParticipantRole;
  callEndReason?: EndReasonWire;
  /** A console's leg, once it answered, dialled or joined. */
  leg?: Leg;
  /** Scripted parties: how long they talk once connected to a console, then hang up. */
  talkMs?: number;
}

/** A call ringing at a console. `partyId`: the party it would answer as; none for a queue's call. */
export interface Offer {
  readonly endpointId: string;
  readonly partyId?: string;
  readonly callerInfo: PartyWire;
  readonly transferorInfo?: PartyWire;
  readonly customContext?: CustomContextWire;
}

/** A transfer ringing its target's consoles (transfers.ts): what their answers do. */
export interface TransferHooks {
  /** A target console accepts, before it joins: the transferor leaves. */
  accepting(): void;
  /** A target console stopped ringing without answering (declined, gone). */
  refused(endpointId: string, reason: EndReasonWire): void;
}

export interface DtmfTone {
  readonly from: string;
  readonly tone: string;
  readonly at: number;
}

/** Nobody answers for about two minutes: the ringing ends 487/10004 (docs/acs-codes.md). */
export const RING_TIMEOUT_MS = 120_000;

/** `waiting`: in a queue, nobody has answered; `live`: someone has; `ended`. */
export type CallStatus = 'waiting' | 'live' | 'ended';

export class CallModel {
  status: CallStatus = 'live';
  threadId?: string;
  /** The meeting this call is, for a meeting. */
  meetingKey?: string;
  readonly parties = new Map<string, Party>();
  /** Consoles it rings at, by endpoint id. */
  readonly offers = new Map<string, Offer>();
  /** Consoles that declined a queue's call: it never rings there again. */
  readonly declined = new Set<string>();
  readonly dtmf: DtmfTone[] = [];
  /** Whoever created the call hears of its answer and its end (a queue stops its patience timer). */
  readonly hooks: { answered?: (party: Party) => void; ended?: () => void } = {};
  /** The transfer under way, while its target rings. */
  transfer?: TransferHooks;
  /** The recording under way (engine/recording.ts), and whether it asks each console's consent. */
  recording?: { readonly consentRequired: boolean };
  /** The language its captions hear (BCP 47), for everyone in the call. */
  spokenLanguage = 'en-us';
  private readonly timers = new Map<string, TimerHandle>();

  constructor(
    readonly id: string,
    readonly createdAt: number,
    public kind: CallKind,
  ) {}

  /** The parties at a console, with their legs. */
  legs(): (Party & { leg: Leg })[] {
    return [...this.parties.values()].filter((party): party is Party & { leg: Leg } => !!party.leg);
  }

  /** One named timer per purpose (`talk:<party>`, `ring:<party>`, `speaking`): setting it again replaces it. */
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

  hasTimer(name: string): boolean {
    return this.timers.has(name);
  }

  /** A party's timers are named `<purpose>:<party id>`. */
  clearPartyTimers(clock: Clock, partyId: string): void {
    for (const name of [...this.timers.keys()])
      if (name.endsWith(`:${partyId}`)) this.clearTimer(clock, name);
  }

  /** Every timer for one purpose (`alert:` clears each console's agent alert time). */
  clearTimersNamed(clock: Clock, prefix: string): void {
    for (const name of [...this.timers.keys()]) if (name.startsWith(prefix)) this.clearTimer(clock, name);
  }

  clearTimers(clock: Clock): void {
    this.timers.forEach((handle) => clock.clearTimeout(handle));
    this.timers.clear();
  }
}

export function partyToWire(party: Party): ParticipantWire {
  return {
    id: party.id,
    identifier: party.identifier,
    ...(party.displayName && { displayName: party.displayName }),
    state: party.state,
    isMuted: party.isMuted,
    isSpeaking: party.isSpeaking,
    videoOn: party.videoOn,
    role: party.role,
    ...(party.callEndReason && { callEndReason: party.callEndReason }),
  };
}

export function partyInfo(party: Party): PartyWire {
  return { identifier: party.identifier, ...(party.displayName && { displayName: party.displayName }) };
}

/** A console's call state, as the other parties see that console. */
export function participantStateOf(state: CallState): RemoteParticipantState {
  switch (state) {
    case 'None':
    case 'Connecting':
      return 'Connecting';
    case 'Ringing':
    case 'EarlyMedia':
    case 'InLobby':
    case 'Connected':
    case 'Disconnected':
      return state;
    case 'RemoteHold':
      return 'Connected';
    case 'LocalHold':
      return 'Hold';
    case 'Disconnecting':
      return 'Disconnected';
  }
}

/** In the call proper: connected, on either side's hold. */
export function isLive(state: CallState): boolean {
  return state === 'Connected' || state === 'LocalHold' || state === 'RemoteHold';
}
