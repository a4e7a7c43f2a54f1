import type {
  AddTeamsParticipantOptions,
  CallEndReason,
  CallerInfo,
  CallFeature,
  CallFeatureFactory,
  CallState,
  HangUpOptions,
  LocalAudioStream,
  LocalVideoStream,
  ParticipantRole,
  RemoteAudioStream,
  RemoteParticipant,
  TeamsCall,
} from '@azure/communication-calling';
import { notInitializedCapabilities } from '../engine/capabilities';
import type {
  CallKindWire,
  CallWire,
  EndReasonWire,
  ErrorWire,
  ParticipantWire,
  ServerMessage,
} from '../protocol/messages';
import { EmulatedCallInfo } from './call-info';
import { CallRoster } from './call-roster';
import { CallFeatures, type FeatureMessage } from './call-features';
import { notModelled, type Connection } from './connection';
import { CallKind } from './sdk-values';
import { Emitter, type Listener, type ListenerTally } from './emitter';
import { LocalVideo } from './local-video';
import { EmulatedLobby } from './lobby';

type CallChange = Extract<ServerMessage, { type: 'callChanged' }>;

/** What a call starts as, before (or as) the world describes it. */
export type CallStart = Pick<CallWire, 'id' | 'direction' | 'state' | 'isMuted'> &
  Partial<Omit<CallWire, 'id' | 'direction' | 'state' | 'isMuted' | 'remoteParticipants'>>;

/**
 * A Teams call: its state machine, mute, hold, video, DTMF and roster, mirrored from the world.
 * Calls this console starts or joins exist before the world answers (`None`); the world's
 * `callAdded` then describes them. A call that ends takes its participants with it first.
 */
export class EmulatedTeamsCall implements TeamsCall {
  readonly kind = CallKind.TeamsCall;
  readonly id: string;
  readonly direction: TeamsCall['direction'];
  readonly callerInfo: CallerInfo;
  transferorInfo?: CallerInfo;
  readonly info: EmulatedCallInfo;
  readonly isIncomingAudioMuted = false;
  readonly isScreenSharingOn = false;
  readonly localAudioStreams: ReadonlyArray<LocalAudioStream> = [];
  readonly remoteAudioStreams: ReadonlyArray<RemoteAudioStream> = [];
  readonly lobby: EmulatedLobby;
  /** oneToOne, group or meeting: the emulator's own, for tests (the SDK has only `info.threadId`). */
  callKind: CallKindWire;
  private currentState: CallState;
  private currentIsMuted: boolean;
  private currentRole: ParticipantRole;
  private endReason: CallEndReason | undefined;
  private readonly events: Emitter;
  private readonly roster: CallRoster;
  private readonly video: LocalVideo;
  private readonly features: CallFeatures;

  constructor(
    start: CallStart,
    private readonly connection: Connection,
    private readonly tally: ListenerTally,
  ) {
    this.id = start.id;
    this.direction = start.direction;
    this.callerInfo = start.callerInfo ?? { identifier: undefined };
    if (start.transferorInfo) this.transferorInfo = start.transferorInfo;
    this.currentState = start.state;
    this.currentIsMuted = start.isMuted;
    this.currentRole = start.role ?? 'Unknown';
    this.callKind = start.kind ?? 'oneToOne';
    this.events = new Emitter(tally);
    this.info = new EmulatedCallInfo(start.serverCallId ?? start.id, start.id, start.threadId, tally);
    const callId = () => this.id;
    this.lobby = new EmulatedLobby(callId, connection, tally);
    this.features = new CallFeatures(
      start.capabilities ?? notInitializedCapabilities(),
      callId,
      connection,
      tally,
    );
    if (start.recording) this.features.recording.changed(start.recording);
    this.roster = new CallRoster(callId, connection, tally, this.events, this.lobby, this.features.speakers);
    this.video = new LocalVideo(callId, connection, this.events);
  }

  get state(): CallState {
    return this.currentState;
  }

  get isMuted(): boolean {
    return this.currentIsMuted;
  }

  get role(): ParticipantRole {
    return this.currentRole;
  }

  get callEndReason(): CallEndReason | undefined {
    return this.endReason;
  }

  get remoteParticipants(): ReadonlyArray<RemoteParticipant> {
    return this.roster.participants;
  }

  get localVideoStreams(): ReadonlyArray<LocalVideoStream> {
    return this.video.localVideoStreams;
  }

  get isLocalVideoStarted(): boolean {
    return this.video.started;
  }

  /** Every feature of the SDK's typings: Capabilities, DominantSpeakers, Transfer, Recording and Captions behave, the others are inert. */
  feature<TFeature extends CallFeature>(factory: CallFeatureFactory<TFeature>): TFeature {
    return this.features.get(factory) as TFeature;
  }

  async hangUp(options?: HangUpOptions): Promise<void> {
    await this.connection.request({
      op: options?.forEveryone ? 'hangUpForEveryone' : 'hangUp',
      callId: this.id,
    });
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

  /**
   * Adds a Teams user or phone number: the participant is returned at once (`Idle`) and follows
   * `Connecting`, `Ringing`, `Connected` (or ends `Disconnected` with the reason). The chat thread
   * is required, as the SDK's documentation for Teams users says.
   */
  addParticipant(
    identifier: Parameters<TeamsCall['addParticipant']>[0],
    options?: AddTeamsParticipantOptions,
  ): RemoteParticipant {
    return this.roster.invite(identifier, options?.threadId);
  }

  /** Resolves once the participant has left `remoteParticipants` (and `remoteParticipantsUpdated` fired). */
  removeParticipant(identifier: Parameters<TeamsCall['removeParticipant']>[0]): Promise<void> {
    return this.roster.remove(identifier);
  }

  async sendDtmf(dtmfTone: string): Promise<void> {
    await this.connection.request({ op: 'sendDtmf', callId: this.id, tone: String(dtmfTone) });
  }

  startVideo(localVideoStream: LocalVideoStream): Promise<void> {
    return this.video.start(localVideoStream);
  }

  stopVideo(localVideoStream: LocalVideoStream): Promise<void> {
    return this.video.stop(localVideoStream);
  }

  async muteIncomingAudio(): Promise<void> {
    throw notModelled('muteIncomingAudio');
  }

  async unmuteIncomingAudio(): Promise<void> {
    throw notModelled('unmuteIncomingAudio');
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
    // The emulator sends no real video: there is nothing to constrain.
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

  // From the world ---------------------------------------------------------------------------

  /** The call left the agent's calls: its features are disposed, as the SDK's agent does. */
  disposeFeatures(reason: EndReasonWire): void {
    this.features.dispose(reason);
  }

  /** The world's outcome for a transfer of this call (sent before the call ends, when it does). */
  transferChanged(message: Extract<ServerMessage, { type: 'transferChanged' }>): void {
    this.features.transfer.changed(message);
  }

  /** The world's word on the call's recording or this console's captions. */
  featureChanged(message: FeatureMessage): void {
    this.features.changed(message);
  }

  /** The participants it starts with, without `remoteParticipantsUpdated` (nobody could listen yet). */
  seed(participants: readonly ParticipantWire[]): void {
    for (const participant of participants) this.roster.added(participant, false);
  }

  /** Video given at the start (`startCall`, `join`, `accept` options). */
  startWithVideo(stream: LocalVideoStream): void {
    this.video.startWith(stream);
  }

  /** The world's description of a call this console started or joined (its participants merge). */
  describe(wire: CallWire): void {
    this.info.update({ serverCallId: wire.serverCallId });
    const { remoteParticipants, recording, ...call } = wire;
    if (recording) this.features.recording.changed(recording);
    this.apply({ type: 'callChanged', ...call, id: this.id });
    for (const participant of remoteParticipants) this.roster.added(participant);
  }

  /** A change from the world. The end reason is set before the state, as the SDK does. */
  apply(change: Partial<CallChange> & { id: string }): void {
    if (change.state === 'Disconnected')
      return this.endLocally(change.callEndReason ?? { code: 0, subCode: 0 });
    if (change.kind) this.callKind = change.kind;
    if (change.threadId) this.info.update({ threadId: change.threadId });
    if (change.role !== undefined && change.role !== this.currentRole) {
      this.currentRole = change.role;
      this.events.emit('roleChanged');
    }
    if (change.transferorInfo) {
      this.transferorInfo = change.transferorInfo;
      this.events.emit('transferorInfoChanged');
    }
    if (change.capabilities)
      this.features.capabilities.update(
        change.capabilities,
        change.role ? 'RoleChanged' : 'MeetingOptionOrOrganizerPolicyChanged',
      );
    if (change.isMuted !== undefined && change.isMuted !== this.currentIsMuted) {
      this.currentIsMuted = change.isMuted;
      this.events.emit('isMutedChanged');
    }
    // After isMuted turned true: a consumer reading `isMuted` in the handler sees it.
    if (change.mutedByOthers) this.events.emit('mutedByOthers');
    this.setState(change.state);
  }

  /**
   * The call ends, told by the world or not (the agent disposed, the connection lost): each
   * participant stops speaking, turns `Disconnected` with the call's end reason and leaves the
   * roster; then the call goes `Disconnecting`, then `Disconnected` with the end reason already
   * set. `Disconnected` is the last state of both.
   */
  endLocally(callEndReason: EndReasonWire): void {
    if (this.currentState === 'Disconnected') return;
    this.roster.endAll(callEndReason);
    this.video.end();
    this.setState('Disconnecting');
    this.endReason = callEndReason;
    this.setState('Disconnected');
  }

  /** Starting or joining failed in the world: the call ends with the world's code. */
  failed(error: ErrorWire): void {
    this.setState(this.currentState === 'None' ? 'Connecting' : undefined);
    this.endLocally({ code: error.code, ...(error.subCode !== undefined && { subCode: error.subCode }) });
  }

  participantAdded(wire: Parameters<CallRoster['added']>[0]): void {
    this.roster.added(wire);
  }

  participantChanged(change: Extract<ServerMessage, { type: 'participantChanged' }>): void {
    this.roster.changed(change);
  }

  participantRemoved(id: string): void {
    this.roster.removed(id);
  }

  private setState(state: CallState | undefined): void {
    if (state === undefined || state === this.currentState) return;
    this.currentState = state;
    this.events.emit('stateChanged');
  }
}
