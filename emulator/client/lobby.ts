import type { AdmitAllOperationResult, Lobby, RemoteParticipant } from '@azure/communication-calling';
import { getIdentifierRawId, type CommunicationIdentifier } from '@azure/communication-common';
import type { Connection } from './connection';
import { Emitter, type Listener, type ListenerTally } from './emitter';

/**
 * A Teams meeting's lobby, as this console sees it: the remote participants waiting `InLobby`.
 * Admitting and refusing them is for the organizer and presenters (the world refuses the others,
 * 403); other calls have no lobby (400).
 */
export class EmulatedLobby implements Lobby {
  private waiting: RemoteParticipant[] = [];
  private readonly events: Emitter;

  constructor(
    private readonly callId: () => string,
    private readonly connection: Connection,
    tally: ListenerTally,
  ) {
    this.events = new Emitter(tally);
  }

  get participants(): ReadonlyArray<RemoteParticipant> {
    return this.waiting;
  }

  on(event: 'lobbyParticipantsUpdated', listener: Listener): void {
    this.events.on(event, listener);
  }

  off(event: 'lobbyParticipantsUpdated', listener: Listener): void {
    this.events.off(event, listener);
  }

  async admit(participant: CommunicationIdentifier): Promise<void> {
    await this.connection.request({
      op: 'admit',
      callId: this.callId(),
      participantId: getIdentifierRawId(participant),
    });
  }

  async reject(participant: CommunicationIdentifier): Promise<void> {
    await this.connection.request({
      op: 'rejectFromLobby',
      callId: this.callId(),
      participantId: getIdentifierRawId(participant),
    });
  }

  async admitAll(): Promise<AdmitAllOperationResult> {
    return (await this.connection.request({
      op: 'admitAll',
      callId: this.callId(),
    })) as AdmitAllOperationResult;
  }

  /** A participant's state changed, or it joined or left the roster: it enters or leaves the lobby. */
  track(participant: RemoteParticipant, present: boolean): void {
    const inLobby = present && participant.state === 'InLobby';
    const listed = this.waiting.includes(participant);
    if (inLobby === listed) return;
    this.waiting = inLobby ? [...this.waiting, participant] : this.waiting.filter((p) => p !== participant);
    this.events.emit('lobbyParticipantsUpdated', {
      added: inLobby ? [participant] : [],
      removed: inLobby ? [] : [participant],
    });
  }
}
