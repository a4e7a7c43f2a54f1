import type {
  CallEndReason,
  CallerInfo,
  CallFeature,
  CallFeatureFactory,
  CallKind,
  CallState,
  LocalAudioStream,
  LocalVideoStream,
  Lobby,
  ParticipantRole,
  RemoteAudioStream,
  RemoteParticipant,
  TeamsCall,
} from '@azure/communication-calling';
import type { CallWire, EndReasonWire, ParticipantWire, ServerMessage } from '../protocol/messages';
import { EmulatedCallInfo } from './call-info';
import { notModelled, type Connection } from './connection';
import { Emitter, type Listener, type ListenerTally } from './emitter';
import { EmulatedLobby } from './lobby';
import { EmulatedRemoteParticipant } from './remote-participant';

type CallChange = Extract<ServerMessage, { type: 'callChanged' }>;

/** A Teams call: its state machine, mute, hold and roster, mirrored from the world. */
export class EmulatedTeamsCall implements TeamsCall {
  readonly kind = 'TeamsCall' as unknown as CallKind; // an SDK enum; see EmulatedTeamsCallAgent.kind
  readonly id: string;
  readonly direction: TeamsCall['direction'];
  readonly callerInfo: CallerInfo;
  readonly transferorInfo?: CallerInfo;
  readonly info: EmulatedCallInfo;
  readonly isIncomingAudioMuted = false;
  readonly isScreenSharingOn = false;
  readonly isLocalVideoStarted = false;
  readonly localVideoStreams: ReadonlyArray<LocalVideoStream> = [];
  readonly localAudioStreams: ReadonlyArray<LocalAudioStream> = [];
  readonly remoteAudioStreams: ReadonlyArray<RemoteAudioStream> = [];
  readonly role: ParticipantRole = 'Attendee';
  readonly lobby: Lobby;
  private currentState: CallState;
  private currentIsMuted: boolean;
  private endReason: CallEndReason | undefined;
  private participants: EmulatedRemoteParticipant[] = [];
  private readonly events: Emitter;

  constructor(
    wire: CallWire,
    private readonly connection: Connection,
    private readonly tally: ListenerTally,
  ) {
    this.id = wire.id;
    this.direction = wire.direction;
    this.callerInfo = wire.callerInfo;
    if (wire.transferorInfo) this.transferorInfo = wire.transferorInfo;
    this.currentState = wire.state;
    this.currentIsMuted = wire.isMuted;
    this.info = new EmulatedCallInfo(wire.id, wire.id, wire.threadId, tally);
    this.lobby = new EmulatedLobby(tally);
    this.events = new Emitter(tally);
    this.participants = wire.remoteParticipants.map((p) => this.participantFrom(p));
  }

  get state(): CallState {
    return this.currentState;
  }

  get isMuted(): boolean {
    return this.currentIsMuted;
  }

  get callEndReason(): CallEndReason | undefined {
    return this.endReason;
  }

  get remoteParticipants(): ReadonlyArray<RemoteParticipant> {
    return this.participants;
  }

  feature<TFeature extends CallFeature>(factory: CallFeatureFactory<TFeature>): TFeature {
    throw notModelled(`The ${(factory as { name?: string }).name ?? 'requested'} call feature`);
  }

  async hangUp(): Promise<void> {
    await this.connection.request({ op: 'hangUp', callId: this.id });
  }

  async mute(): Promise<void> {
    await this.connection.request({ op: 'mute', callId: this.id });
  }

  async unmute(): Promise<void> {
    await this.connection.request({ op: 'unmute', callId: this.id });
  }

  async hold(): Promise<void> {
    await this.connection.request({ op: 'hold', callId: this.id });
  }

  async resume(): Promise<void> {
    await this.connection.request({ op: 'resume', callId: this.id });
  }

  async muteAllRemoteParticipants(): Promise<void> {
    await this.connection.request({ op: 'muteAllRemoteParticipants', callId: this.id });
  }

  addParticipant(): RemoteParticipant {
    throw notModelled('addParticipant');
  }

  async removeParticipant(): Promise<void> {
    throw notModelled('removeParticipant');
  }

  async muteIncomingAudio(): Promise<void> {
    throw notModelled('muteIncomingAudio');
  }

  async unmuteIncomingAudio(): Promise<void> {
    throw notModelled('unmuteIncomingAudio');
  }

  async sendDtmf(): Promise<void> {
    throw notModelled('sendDtmf');
  }

  async startVideo(): Promise<void> {
    throw notModelled('startVideo');
  }

  async stopVideo(): Promise<void> {
    throw notModelled('stopVideo');
  }

  async startScreenSharing(): Promise<void> {
    throw notModelled('startScreenSharing');
  }

  async stopScreenSharing(): Promise<void> {
    throw notModelled('stopScreenSharing');
  }

  async startAudio(): Promise<void> {
    throw notModelled('startAudio');
  }

  stopAudio(): void {
    throw notModelled('stopAudio');
  }

  async setConstraints(): Promise<void> {
    throw notModelled('setConstraints');
  }

  dispose(): void {
    // Nothing to release: the world owns the call; listeners are the consumer's to remove.
  }

  on(event: string, listener: Listener): void {
    this.events.on(event, listener);
  }

  off(event: string, listener: Listener): void {
    this.events.off(event, listener);
  }

  /** A change from the world. The end reason is set before the state, as the SDK does. */
  apply(change: CallChange): void {
    if (change.callEndReason) this.endReason = change.callEndReason;
    if (change.isMuted !== undefined && change.isMuted !== this.currentIsMuted) {
      this.currentIsMuted = change.isMuted;
      this.events.emit('isMutedChanged');
    }
    if (change.state !== undefined && change.state !== this.currentState) {
      this.currentState = change.state;
      this.events.emit('stateChanged');
    }
  }

  /**
   * The call ends on this side, without the world (the agent disposed, the connection lost), in
   * the order the world ends one: each participant stops speaking, turns `Disconnected` with the
   * call's end reason and leaves the roster; then the call goes `Disconnecting`, then
   * `Disconnected` with the end reason already set. `Disconnected` is the last state of both: an
   * ended call holds no participant that still reads `Connected`.
   */
  endLocally(callEndReason: EndReasonWire): void {
    for (const participant of this.participants) {
      const ids = { callId: this.id, participantId: participant.id };
      participant.apply({ type: 'participantChanged', ...ids, isSpeaking: false });
      participant.apply({ type: 'participantChanged', ...ids, state: 'Disconnected', callEndReason });
      this.participantRemoved(participant.id);
    }
    this.apply({ type: 'callChanged', id: this.id, state: 'Disconnecting' });
    this.apply({ type: 'callChanged', id: this.id, state: 'Disconnected', callEndReason });
  }

  participantAdded(wire: ParticipantWire): void {
    const participant = this.participantFrom(wire);
    this.participants = [...this.participants, participant];
    this.events.emit('remoteParticipantsUpdated', { added: [participant], removed: [] });
  }

  participantChanged(change: Extract<ServerMessage, { type: 'participantChanged' }>): void {
    this.participants.find((p) => p.id === change.participantId)?.apply(change);
  }

  participantRemoved(id: string): void {
    const participant = this.participants.find((p) => p.id === id);
    if (!participant) return;
    this.participants = this.participants.filter((p) => p !== participant);
    this.events.emit('remoteParticipantsUpdated', { added: [], removed: [participant] });
  }

  private participantFrom(wire: ParticipantWire): EmulatedRemoteParticipant {
    return new EmulatedRemoteParticipant(wire.id, wire, this.id, this.connection, this.tally);
  }
}
