import type { CallDirection, CallState } from '@azure/communication-calling';
import type {
  CustomContextWire,
  EndReasonWire,
  PartyWire,
  RecordingWire,
  ServerMessage,
} from '../protocol/messages';
import type { CallKind, CallModel, Leg, Offer, Party } from './call-model';
import type { Clock } from './clock';
import type { CallQueue, Colleague, Directory, DirectoryUser, PhoneCaller } from './directory';
import type { Meetings } from './meetings';
import type { RandomStreams } from './random';
import type { Threads } from './threads';

/**
 * What the world offers the parts of `engine/` that run calls: the call engine, scripted parties,
 * speech, the lobby and the queue. Each part takes this port; only the world (the hub) knows
 * every part, so imports point one way (engine/import-cycles.spec.ts keeps it so).
 */

/** A console connected to the world: one emulator client's `TeamsCallAgent`. */
export interface Endpoint {
  readonly id: string;
  user: DirectoryUser | null;
  listeners: number;
  /** Numbers the message and sends it, or keeps it for a resume while the socket is lost. */
  readonly send: (message: ServerMessage) => void;
}

export type PartySpec = Pick<Party, 'identifier' | 'kind' | 'state'> &
  Partial<Pick<Party, 'displayName' | 'key' | 'role' | 'isMuted' | 'videoOn' | 'talkMs'>>;

export interface LegSpec {
  readonly callId: string;
  readonly direction: CallDirection;
  readonly state: CallState;
  readonly callerInfo?: PartyWire;
  readonly transferorInfo?: PartyWire;
}

/** Calls as conversations of parties: who is in them, in which state, and what each console sees. */
export interface CallEngine {
  readonly all: ReadonlyMap<string, CallModel>;
  create(kind: CallKind, id?: string): CallModel;
  /** Adds a party (400/49008 if it is already in the call); the consoles that can see it are told. */
  addParty(call: CallModel, spec: PartySpec): Party;
  setPartyState(call: CallModel, party: Party, state: Party['state']): void;
  changeParty(
    call: CallModel,
    party: Party,
    patch: Partial<Pick<Party, 'isMuted' | 'isSpeaking' | 'videoOn'>>,
  ): void;
  /** A console takes part through `party`: its client is sent the call as that console sees it. */
  bindLeg(call: CallModel, party: Party, endpoint: Endpoint, spec: LegSpec): void;
  setLegState(call: CallModel, party: Party & { leg: Leg }, state: CallState): void;
  /** Sends a console's own call a change (mute, kind, thread). */
  toLeg(
    party: Party & { leg: Leg },
    change: Omit<Extract<ServerMessage, { type: 'callChanged' }>, 'type' | 'id'>,
  ): void;
  /** Brings holds (1:1 `RemoteHold`) and each console's capabilities up to date. */
  refresh(call: CallModel): void;
  /**
   * One party leaves: a console's leg ends (`notify: false` when it is gone); the call's rules
   * decide what follows, unless `keep` (a transfer's target is about to take its place).
   */
  leave(
    call: CallModel,
    party: Party,
    reason: EndReasonWire,
    options?: { notify?: boolean; keep?: boolean },
  ): void;
  /** The call ends for everyone; `own` ends one party with a reason of its own (who ended it). */
  end(
    call: CallModel,
    reason: EndReasonWire,
    options?: { offers?: EndReasonWire; own?: { party: Party; reason: EndReasonWire } },
  ): void;
  offer(call: CallModel, endpoint: Endpoint, offer: Omit<Offer, 'endpointId'>): void;
  endOffer(call: CallModel, endpointId: string, reason: EndReasonWire): void;
  /** A console's call by the id that console knows it by: 404 when it has none (or it ended). */
  requireLeg(endpointId: string, callId: string): { call: CallModel; party: Party & { leg: Leg } };
  /** Whether a console already has a call by this id. */
  hasLeg(endpointId: string, callId: string): boolean;
}

export interface SpeechPort {
  /** (Re)starts a call's speaking turns after its legs changed. */
  schedule(call: CallModel): void;
  stop(call: CallModel, party: Party): void;
  /** A speaker storm takes over the call's talk: the turn under way ends, no other starts. */
  hush(call: CallModel): void;
  /** The storm is over: turns start again. */
  resume(call: CallModel): void;
}

export interface RecordingPort {
  /** A console joins the call: what it sees of a recording under way (muted if consent is asked). */
  joining(call: CallModel, party: Party & { leg: Leg }): RecordingWire | undefined;
  /** `400/41016` while the console owes its consent to a recording under way. */
  checkUnmute(call: CallModel, party: Party & { leg: Leg }): void;
  grantConsent(call: CallModel, party: Party & { leg: Leg }): void;
}

/** A scripted party's words so far in a turn (`Partial`), or the whole line (`Final`). */
export interface SpokenWords {
  readonly speaker: Party;
  readonly text: string;
  readonly resultType: 'Partial' | 'Final';
  /** When the turn began (world clock). */
  readonly timestamp: number;
}

export interface CaptionsPort {
  said(call: CallModel, words: SpokenWords): void;
  /** This console's captions on (the call's spoken language set first, when given). */
  start(call: CallModel, party: Party & { leg: Leg }, spokenLanguage?: string): void;
  stop(party: Party & { leg: Leg }): void;
  /** The call's spoken language, for everyone in it. */
  setSpokenLanguage(call: CallModel, language: string): void;
}

export interface ScriptPort {
  dialPhone(call: CallModel, party: Party): void;
  dialColleague(call: CallModel, party: Party, colleague: Colleague): void;
  /** A scripted party with a talk time starts counting it (hangs up `0/560000` at its end). */
  startTalking(call: CallModel, party: Party): void;
}

export interface LobbyPort {
  /** Someone left a meeting: if nobody can admit its lobby now, the organizer will. */
  rearm(call: CallModel): void;
}

/** A Teams presence: Graph's `availability` and `activity`. */
export interface PresencePair {
  readonly availability: string;
  readonly activity: string;
}

export interface PresencePort {
  /** A user's aggregated presence (presence.ts). */
  of(userKey: string): PresencePair;
  /** Whether a console of this user is in a call. */
  inCall(userKey: string): boolean;
}

export interface QueuePort {
  /**
   * An agent's presence or calls changed (a session set, cleared or expired; a call of theirs
   * started or ended): queues that route by presence ring them, or stop ringing them.
   */
  agentChanged(userKey: string): void;
  waitingCount(): number;
  idleCallers(): PhoneCaller[];
  enqueue(options: EnqueueOptions): string;
  /**
   * A call transferred to a queue: its caller waits in that queue's line again (the call, and so
   * its first ring, kept), ringing every signed-in agent but `except`.
   */
  requeue(
    call: CallModel,
    queue: CallQueue,
    caller: Party,
    options: { except: string; customContext?: CustomContextWire },
  ): void;
}

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

export interface WorldPort {
  readonly clock: Clock;
  readonly random: RandomStreams;
  readonly directory: Directory;
  readonly threads: Threads;
  readonly meetings: Meetings;
  readonly calls: CallEngine;
  readonly speech: SpeechPort;
  readonly recording: RecordingPort;
  readonly captions: CaptionsPort;
  readonly scripts: ScriptPort;
  readonly lobby: LobbyPort;
  readonly queue: QueuePort;
  readonly presence: PresencePort;
  send(endpointId: string, message: ServerMessage): void;
  signedInEndpoints(role?: DirectoryUser['role']): Endpoint[];
  /** Whether this user's console was ever signed in (a Teams user "registered but offline"). */
  wasOnline(userKey: string): boolean;
}
