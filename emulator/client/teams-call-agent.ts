import type { CallAgentKind, ConnectionState, TeamsCall, TeamsCallAgent } from '@azure/communication-calling';
import { END } from '../engine/codes';
import type { EndReasonWire, ServerMessage } from '../protocol/messages';
import { notModelled, type Connection } from './connection';
import { Emitter, type Listener, type ListenerTally } from './emitter';
import { EmulatedTeamsCall } from './teams-call';
import { EmulatedTeamsIncomingCall } from './teams-incoming-call';

/** The Teams user's `TeamsCallAgent`: incoming calls, calls, the connection. */
export class EmulatedTeamsCallAgent implements TeamsCallAgent {
  // The SDK types `kind` as an enum whose values are these strings; the enum object is a value of
  // the real SDK's bundle, which the emulator does not load.
  readonly kind = 'TeamsCallAgent' as unknown as CallAgentKind;
  private currentConnectionState: ConnectionState = 'Connected';
  private currentCalls: EmulatedTeamsCall[] = [];
  private readonly ringing = new Map<string, EmulatedTeamsIncomingCall>();
  /** Accepted incoming calls: their `callEnded` fires when the call they became ends. */
  private readonly accepted = new Map<string, EmulatedTeamsIncomingCall>();
  private readonly events: Emitter;
  private connection: Connection | null = null;
  private early: ServerMessage[] | null = [];
  disposed = false;

  constructor(private readonly tally: ListenerTally) {
    this.events = new Emitter(tally);
  }

  get connectionState(): ConnectionState {
    return this.currentConnectionState;
  }

  get calls(): ReadonlyArray<TeamsCall> {
    return this.currentCalls;
  }

  /**
   * Starts delivering. What the world sent while the agent was being created (calls already
   * ringing) is replayed on the next turn, once the caller of `createTeamsCallAgent` has had
   * the chance to subscribe, as a real registration would deliver them a moment later.
   */
  attach(connection: Connection): void {
    this.connection = connection;
    setTimeout(() => {
      const early = this.early ?? [];
      this.early = null;
      early.forEach((message) => this.handle(message));
    }, 0);
  }

  startCall(): TeamsCall {
    throw notModelled('startCall');
  }

  join(): TeamsCall {
    throw notModelled('join');
  }

  on(event: string, listener: Listener): void {
    this.events.on(event, listener);
  }

  off(event: string, listener: Listener): void {
    this.events.off(event, listener);
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    // Disposing ends this agent's calls (the world ends them for the other side too).
    this.endEverything(END.hungUp);
    this.connection?.close();
  }

  /** The connection dropped: calls end as on a lost network (496/7) and the agent is disconnected. */
  connectionLost(): void {
    if (this.disposed) return;
    this.endEverything(END.networkLost);
  }

  handle(message: ServerMessage): void {
    if (this.early) {
      this.early.push(message);
      return;
    }
    if (this.disposed || !this.connection) return;
    switch (message.type) {
      case 'incomingCall': {
        const incomingCall = new EmulatedTeamsIncomingCall(
          message.incomingCall,
          this.connection,
          (id) => this.callById(id),
          this.tally,
        );
        this.ringing.set(incomingCall.id, incomingCall);
        // The .d.ts names the argument `incomingCall`; Microsoft's documentation for Teams users reads
        // `teamsIncomingCall`: both work.
        const args = { incomingCall, teamsIncomingCall: incomingCall };
        this.events.emit('incomingCall', args);
        return;
      }
      case 'incomingCallEnded':
        this.ringing.get(message.id)?.end(message.callEndReason);
        this.ringing.delete(message.id);
        return;
      case 'callAdded': {
        const call = new EmulatedTeamsCall(message.call, this.connection, this.tally);
        const incoming = this.ringing.get(call.id);
        if (incoming) {
          this.ringing.delete(call.id);
          this.accepted.set(call.id, incoming);
        }
        this.currentCalls = [...this.currentCalls, call];
        this.events.emit('callsUpdated', { added: [call], removed: [] });
        return;
      }
      case 'callChanged': {
        const call = this.callById(message.id);
        call?.apply(message);
        if (call && message.state === 'Disconnected')
          this.removeCall(call, message.callEndReason ?? END.hungUp);
        return;
      }
      case 'participantAdded':
        this.callById(message.callId)?.participantAdded(message.participant);
        return;
      case 'participantChanged':
        this.callById(message.callId)?.participantChanged(message);
        return;
      case 'participantRemoved':
        this.callById(message.callId)?.participantRemoved(message.participantId);
        return;
    }
  }

  private callById(id: string): EmulatedTeamsCall | undefined {
    return this.currentCalls.find((call) => call.id === id);
  }

  private removeCall(call: EmulatedTeamsCall, reason: EndReasonWire): void {
    this.currentCalls = this.currentCalls.filter((c) => c !== call);
    this.events.emit('callsUpdated', { added: [], removed: [call] });
    this.accepted.get(call.id)?.end(reason);
    this.accepted.delete(call.id);
  }

  private endEverything(reason: EndReasonWire): void {
    for (const call of this.currentCalls) {
      call.endLocally(reason);
      this.removeCall(call, reason);
    }
    this.ringing.forEach((incoming) => incoming.end(reason));
    this.ringing.clear();
    if (this.currentConnectionState !== 'Disconnected') {
      this.currentConnectionState = 'Disconnected';
      this.events.emit('connectionStateChanged', { newValue: 'Disconnected', oldValue: 'Connected' });
    }
  }
}
