import type {
  CallEndReason,
  EndpointDetails,
  ParticipantRole,
  RemoteParticipant,
  RemoteParticipantState,
  RemoteVideoStream,
} from '@azure/communication-calling';
import type { CommunicationIdentifierKind } from '@azure/communication-common';
import type { ParticipantWire, ServerMessage } from '../protocol/messages';
import type { Connection } from './connection';
import { Emitter, type Listener, type ListenerTally } from './emitter';

type ParticipantChange = Extract<ServerMessage, { type: 'participantChanged' }>;

/** A remote participant of a call, mirrored from the world; `Disconnected` is its last state. */
export class EmulatedRemoteParticipant implements RemoteParticipant {
  readonly identifier: CommunicationIdentifierKind;
  readonly displayName?: string;
  readonly endpointDetails: EndpointDetails[];
  readonly videoStreams: ReadonlyArray<RemoteVideoStream> = [];
  readonly role: ParticipantRole = 'Unknown';
  private currentState: RemoteParticipantState;
  private currentIsMuted: boolean;
  private currentIsSpeaking: boolean;
  private endReason: CallEndReason | undefined;
  private readonly events: Emitter;

  constructor(
    readonly id: string,
    wire: ParticipantWire,
    private readonly callId: string,
    private readonly connection: Connection,
    tally: ListenerTally,
  ) {
    this.identifier = wire.identifier;
    if (wire.displayName) this.displayName = wire.displayName;
    this.endpointDetails = [{ participantId: wire.id }];
    this.currentState = wire.state;
    this.currentIsMuted = wire.isMuted;
    this.currentIsSpeaking = wire.isSpeaking;
    this.endReason = wire.callEndReason;
    this.events = new Emitter(tally);
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

  get callEndReason(): CallEndReason | undefined {
    return this.endReason;
  }

  async mute(): Promise<void> {
    await this.connection.request({ op: 'muteParticipant', callId: this.callId, participantId: this.id });
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
  }
}
