import { getIdentifierRawId } from '@azure/communication-common';
import { END, ERROR } from '../engine/codes';
import { targetIdentifier, threadIdProblem, toTarget } from '../engine/targets';
import type { ErrorWire, ParticipantWire, ServerMessage } from '../protocol/messages';
import { callingError, type Connection } from './connection';
import type { EmulatedDominantSpeakers } from './dominant-speakers-feature';
import type { Emitter, ListenerTally } from './emitter';
import type { EmulatedLobby } from './lobby';
import { EmulatedRemoteParticipant } from './remote-participant';

type ParticipantChange = Extract<ServerMessage, { type: 'participantChanged' }>;

/**
 * A call's remote participants as the world reports them to this console, with the call's
 * `remoteParticipantsUpdated`, its lobby and its dominant speakers kept in step.
 */
export class CallRoster {
  private list: EmulatedRemoteParticipant[] = [];

  constructor(
    private readonly callId: () => string,
    private readonly connection: Connection,
    private readonly tally: ListenerTally,
    private readonly callEvents: Emitter,
    private readonly lobby: EmulatedLobby,
    private readonly speakers: EmulatedDominantSpeakers,
  ) {}

  get participants(): readonly EmulatedRemoteParticipant[] {
    return this.list;
  }

  find(id: string): EmulatedRemoteParticipant | undefined {
    return this.list.find((p) => p.id === id);
  }

  /** A participant the world reports; one this console already holds (it added or called them) is updated. */
  added(wire: ParticipantWire, announce = true): EmulatedRemoteParticipant {
    const known = this.find(wire.id);
    if (known) {
      const { id: _id, identifier: _identifier, displayName: _name, ...change } = wire;
      this.changed({ type: 'participantChanged', callId: this.callId(), participantId: wire.id, ...change });
      return known;
    }
    const participant = new EmulatedRemoteParticipant(
      wire.id,
      wire,
      this.callId,
      this.connection,
      this.tally,
    );
    this.list = [...this.list, participant];
    if (announce) this.callEvents.emit('remoteParticipantsUpdated', { added: [participant], removed: [] });
    this.lobby.track(participant, true);
    if (participant.isSpeaking) this.speakers.spoke(participant);
    return participant;
  }

  changed(change: ParticipantChange): void {
    const participant = this.find(change.participantId);
    if (!participant) return;
    participant.apply(change);
    if (change.state !== undefined) this.lobby.track(participant, true);
    if (change.isSpeaking === true) this.speakers.spoke(participant);
  }

  removed(id: string): void {
    const participant = this.find(id);
    if (!participant) return;
    this.list = this.list.filter((p) => p !== participant);
    this.lobby.track(participant, false);
    this.speakers.left(participant);
    this.callEvents.emit('remoteParticipantsUpdated', { added: [], removed: [participant] });
  }

  /** `addParticipant`: checked here (the SDK throws), returned at once `Idle`, then as the world says. */
  invite(identifier: unknown, threadId: string | undefined): EmulatedRemoteParticipant {
    const target = toTarget(identifier);
    if (target instanceof Error) throw target;
    if (threadId === undefined)
      throw callingError({
        ...ERROR.addParticipantNeedsThread,
        message:
          "Adding a participant needs the call's chat thread: addParticipant(identifier, { threadId }).",
      });
    const problem = threadIdProblem(threadId);
    if (problem) throw problem;
    const kind = targetIdentifier(target, this.connection.teamsCloud);
    const id = getIdentifierRawId(kind);
    if (this.find(id))
      throw callingError({ ...ERROR.alreadyInCall, message: `${id} is already in this call.` });
    const participant = this.added({
      id,
      identifier: kind,
      state: 'Idle',
      isMuted: false,
      isSpeaking: false,
      videoOn: false,
      role: 'Unknown',
    });
    // Refused by the world (no such thread, a call that ended, ...): it ends with the world's code.
    this.connection
      .request({ op: 'addParticipant', callId: this.callId(), target, threadId })
      .catch((error: ErrorWire) =>
        this.end(id, { code: error.code, ...(error.subCode !== undefined && { subCode: error.subCode }) }),
      );
    return participant;
  }

  /** `removeParticipant`: resolves once the participant has left the roster. */
  async remove(identifier: unknown): Promise<void> {
    const target = toTarget(identifier);
    if (target instanceof Error) throw target;
    const id = getIdentifierRawId(targetIdentifier(target, this.connection.teamsCloud));
    await this.connection.request({ op: 'removeParticipant', callId: this.callId(), participantId: id });
    // The world told this console before it answered; should it not have, the end is the same.
    this.end(id, END.removed);
  }

  /** Ends a participant here (the call ended, or adding it failed): silent, `Disconnected`, removed. */
  end(id: string, reason: { code: number; subCode?: number }): void {
    this.find(id)?.end(reason);
    this.removed(id);
  }

  endAll(reason: { code: number; subCode?: number }): void {
    for (const participant of this.list) this.end(participant.id, reason);
  }
}
