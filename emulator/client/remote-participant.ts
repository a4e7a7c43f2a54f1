import type {
  CallEndReason,
  EndpointDetails,
  ParticipantRole,
  RemoteParticipant,
  RemoteParticipantState,
  RemoteVideoStream,
} from '@azure/communication-calling';
import { getIdentifierRawId, type CommunicationIdentifierKind } from '@azure/communication-common';
import type { EndReasonWire, ParticipantWire, ServerMessage } from '../protocol/messages';
import type { Connection } from './connection';
import { Emitter, type Listener, type ListenerTally } from './emitter';
import { EmulatedRemoteVideoStream } from './media';

type ParticipantChange = Omit<
  Extract<ServerMessage, { type: 'participantChanged' }>,
  'type' | 'callId' | 'participantId'
>;

/** Remote video stream ids: unique per module, as the SDK's are per client. */
let nextStreamId = 1;

/**
 * A remote participant of a call, mirrored from the world; `Disconnected` is its last state. Its
 * camera is one `RemoteVideoStream` ('Video'), added when it is first turned on and available
 * while it is on.
 */
export class EmulatedRemoteParticipant implements RemoteParticipant {
  readonly identifier: CommunicationIdentifierKind;
  readonly displayName?: string;
  readonly endpointDetails: EndpointDetails[];
  private currentState: RemoteParticipantState;
  private currentIsMuted: boolean;
  private currentIsSpeaking: boolean;
  private currentRole: ParticipantRole;
  private endReason: CallEndReason | undefined;
  private camera: EmulatedRemoteVideoStream | undefined;
  private readonly events: Emitter;

  constructor(
    readonly id: string,
    wire: Omit<ParticipantWire, 'id'>,
    private readonly callId: () => string,
    private readonly connection: Connection,
    private readonly tally: ListenerTally,
  ) {
    this.identifier = wire.identifier;
    if (wire.displayName) this.displayName = wire.displayName;
    this.endpointDetails = [{ participantId: id }];
    this.currentState = wire.state;
    this.currentIsMuted = wire.isMuted;
    this.currentIsSpeaking = wire.isSpeaking;
    this.currentRole = wire.role;
    this.endReason = wire.callEndReason;
    this.events = new Emitter(tally);
    if (wire.videoOn) this.setVideo(true, false);
  }

  get state(): RemoteParticipantState {
    return this.currentState;
  }

  get isMuted(): boolean {
    return this.currentIsMuted;
  }

  get isSpeaking(): boolean {
    return this.currentIsSpeaking;
  }

  get role(): ParticipantRole {
    return this.currentRole;
  }

  get callEndReason(): CallEndReason | undefined {
    return this.endReason;
  }

  get videoStreams(): ReadonlyArray<RemoteVideoStream> {
    return this.camera ? [this.camera] : [];
  }

  /** Mutes this participant for everyone (not in 1:1 calls; meetings: organizers and presenters). */
  async mute(): Promise<void> {
    await this.connection.request({ op: 'muteParticipant', callId: this.callId(), participantId: this.id });
  }

  on(event: string, listener: Listener): void {
    this.events.on(event, listener);
  }

  off(event: string, listener: Listener): void {
    this.events.off(event, listener);
  }

  /** Applies a change from the world, then fires the matching events (the end reason first). */
  apply(change: ParticipantChange): void {
    if (change.callEndReason) this.endReason = change.callEndReason;
    if (change.state !== undefined && change.state !== this.currentState) {
      this.currentState = change.state;
      this.events.emit('stateChanged');
    }
    if (change.isMuted !== undefined && change.isMuted !== this.currentIsMuted) {
      this.currentIsMuted = change.isMuted;
      this.events.emit('isMutedChanged');
    }
    if (change.isSpeaking !== undefined && change.isSpeaking !== this.currentIsSpeaking) {
      this.currentIsSpeaking = change.isSpeaking;
      this.events.emit('isSpeakingChanged');
    }
    if (change.role !== undefined && change.role !== this.currentRole) {
      this.currentRole = change.role;
      this.events.emit('roleChanged');
    }
    if (change.videoOn !== undefined) this.setVideo(change.videoOn, true);
  }

  /** It left (or the call ended): silent, camera off, its end reason set, then `Disconnected`. */
  end(callEndReason: EndReasonWire): void {
    this.apply({ isSpeaking: false });
    this.camera?.setAvailable(false);
    this.apply({ state: 'Disconnected', callEndReason });
  }

  private setVideo(on: boolean, announce: boolean): void {
    if (on && !this.camera) {
      const label = this.displayName ?? getIdentifierRawId(this.identifier);
      this.camera = new EmulatedRemoteVideoStream(nextStreamId++, 'Video', label, this.tally);
      if (announce) this.events.emit('videoStreamsUpdated', { added: [this.camera], removed: [] });
    }
    this.camera?.setAvailable(on);
  }
}
