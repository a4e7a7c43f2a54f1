import type { AdmitAllOperationResult, Lobby, RemoteParticipant } from '@azure/communication-calling';
import { notModelled } from './connection';
import { Emitter, type Listener, type ListenerTally } from './emitter';

/** A Teams meeting's lobby. Queue calls have none: it stays empty until meetings are modelled. */
export class EmulatedLobby implements Lobby {
  readonly participants: ReadonlyArray<RemoteParticipant> = [];
  private readonly events: Emitter;

  constructor(tally: ListenerTally) {
    this.events = new Emitter(tally);
  }

  on(event: 'lobbyParticipantsUpdated', listener: Listener): void {
    this.events.on(event, listener);
  }

  off(event: 'lobbyParticipantsUpdated', listener: Listener): void {
    this.events.off(event, listener);
  }

  async admit(): Promise<void> {
    throw notModelled('Lobby admit');
  }

  async reject(): Promise<void> {
    throw notModelled('Lobby reject');
  }

  async admitAll(): Promise<AdmitAllOperationResult> {
    throw notModelled('Lobby admitAll');
  }
}
