import type {
  ConnectionState,
  ConnectionStateChangedReason,
  JoinCallOptions,
  StartTeamsGroupCallOptions,
  TeamsCall,
  TeamsCallAgent,
} from '@azure/communication-calling';
import { END } from '../engine/codes';
import type { EndReasonWire, ErrorWire, Operation, ServerMessage } from '../protocol/messages';
import { callingError, type Connection } from './connection';
import { CallAgentKind } from './sdk-values';
import { Emitter, type Listener, type ListenerTally } from './emitter';
import { callAgentFeature } from './features';
import { newCallId, readJoin, readStartCall } from './outgoing-call';
import type { Reconnection, ReconnectionHooks } from './reconnection';
import { EmulatedTeamsCall, type CallStart } from './teams-call';
import { EmulatedTeamsIncomingCall } from './teams-incoming-call';

/**
 * The Teams user's `TeamsCallAgent`: incoming calls, calls, the connection. A lost connection
 * leaves it `Disconnected` (`connectionIssue`) with its calls while its `Reconnection` gets the
 * endpoint back (`reconnection.ts` says how, and when it gives up).
 */
export class EmulatedTeamsCallAgent implements TeamsCallAgent, ReconnectionHooks {
  readonly kind = CallAgentKind.TeamsCallAgent;
  private currentConnectionState: ConnectionState = 'Connected';
  private currentCalls: EmulatedTeamsCall[] = [];
  private readonly ringing = new Map<string, EmulatedTeamsIncomingCall>();
  /** Accepted incoming calls: their `callEnded` fires when the call they became ends. */
  private readonly accepted = new Map<string, EmulatedTeamsIncomingCall>();
  private readonly events: Emitter;
  private connection: Connection | null = null;
  private reconnection: Reconnection | null = null;
  private early: ServerMessage[] | null = [];
  private readonly agentFeatures = new Map<string, unknown>();
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
  attach(connection: Connection, reconnection: Reconnection): void {
    this.connection = connection;
    this.reconnection = reconnection;
    // Lost between its hello and now: the loss found no reconnection to start.
    if (!connection.isSignedIn && !this.disposed) reconnection.start();
    setTimeout(() => {
      const early = this.early ?? [];
      this.early = null;
      early.forEach((message) => this.handle(message));
    }, 0);
  }

  /**
   * A 1:1 call (one Teams user or phone number) or a group call (several, with their chat's
   * `threadId`). Malformed participants or a group call without a thread throw here, and no call
   * starts; what the world decides (busy, declined, not found, ...) ends the call with its reason.
   */
  startCall(participants: unknown, options?: StartTeamsGroupCallOptions): TeamsCall {
    const connection = this.requireConnection();
    const outgoing = readStartCall(participants, options, connection.teamsCloud);
    const call = this.outgoing({
      kind: outgoing.targets.length > 1 || outgoing.threadId !== undefined ? 'group' : 'oneToOne',
      ...(outgoing.threadId !== undefined && { threadId: outgoing.threadId }),
    });
    call.seed(outgoing.participants);
    return this.place(connection, call, outgoing.video, {
      op: 'startCall',
      callId: call.id,
      targets: outgoing.targets,
      ...(outgoing.threadId !== undefined && { threadId: outgoing.threadId }),
      video: outgoing.video !== undefined,
      ...(outgoing.customContext && { customContext: outgoing.customContext }),
    });
  }

  /** A Teams meeting by its link, its coordinates, or its meeting ID and passcode. */
  join(meetingLocator: unknown, options?: JoinCallOptions): TeamsCall {
    const connection = this.requireConnection();
    const { locator, video } = readJoin(meetingLocator, options);
    const call = this.outgoing({ kind: 'meeting' });
    return this.place(connection, call, video, {
      op: 'join',
      callId: call.id,
      locator,
      video: video !== undefined,
    });
  }

  /**
   * The agent's features (the SDK's bundle has `feature()` on the agent, though its typings do not
   * declare it): one object per feature, as the SDK hands out.
   */
  feature<TFeature>(factory: unknown): TFeature {
    const name = (factory as { name?: unknown } | null)?.name;
    const key = typeof name === 'string' ? name : '';
    const feature = this.agentFeatures.get(key) ?? callAgentFeature(factory, this.tally);
    this.agentFeatures.set(key, feature);
    return feature as TFeature;
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
    // Disposing hangs up this agent's calls, so the other parties see them end as hung up.
    for (const call of this.currentCalls)
      this.connection?.request({ op: 'hangUp', callId: call.id }).catch(() => undefined);
    this.reconnection?.stop();
    this.endCalls(END.hungUp);
    this.setConnectionState('Disconnected');
    this.connection?.stop('closed');
  }

  /** The socket was lost: calls stay (their state unchanged) while the endpoint is resumed. */
  connectionLost(): void {
    if (this.disposed) return;
    this.setConnectionState('Disconnected', 'connectionIssue');
    this.reconnection?.start();
  }

  resumed(): void {
    this.setConnectionState('Connected');
  }

  notKnown(): void {
    this.endCalls(END.networkLost);
  }

  registered(): void {
    this.setConnectionState('Connected');
  }

  /** Said even though the agent is `Disconnected` already: the reason is what changed. */
  invalidToken(): void {
    this.endCalls(END.networkLost);
    this.setConnectionState('Disconnected', 'invalidToken', { force: true });
  }

  gaveUp(): void {
    this.endCalls(END.networkLost);
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
        const placed = this.callById(message.call.id);
        if (placed) return placed.describe(message.call);
        const call = new EmulatedTeamsCall(message.call, this.connection, this.tally);
        call.seed(message.call.remoteParticipants);
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
      case 'transferChanged':
        this.callById(message.callId)?.transferChanged(message);
        return;
      case 'recordingChanged':
      case 'captionsChanged':
      case 'captionReceived':
        this.callById(message.callId)?.featureChanged(message);
        return;
    }
  }

  private requireConnection(): Connection {
    if (this.disposed || !this.connection)
      throw callingError({ code: 400, message: 'This TeamsCallAgent has been disposed: create a new one.' });
    return this.connection;
  }

  /** A call this console starts or joins, before the world has answered. */
  private outgoing(start: Partial<CallStart>): EmulatedTeamsCall {
    return new EmulatedTeamsCall(
      { id: newCallId(), direction: 'Outgoing', state: 'None', isMuted: false, ...start },
      this.connection!,
      this.tally,
    );
  }

  /** Lists the call (`callsUpdated`) and asks the world for it; a refusal ends it with the world's code. */
  private place(
    connection: Connection,
    call: EmulatedTeamsCall,
    video: Parameters<EmulatedTeamsCall['startWithVideo']>[0] | undefined,
    operation: Operation,
  ): EmulatedTeamsCall {
    if (video) call.startWithVideo(video);
    this.currentCalls = [...this.currentCalls, call];
    this.events.emit('callsUpdated', { added: [call], removed: [] });
    connection.request(operation).catch((error: ErrorWire) => {
      if (!this.currentCalls.includes(call)) return;
      call.failed(error);
      this.removeCall(call, call.callEndReason ?? END.hungUp);
    });
    return call;
  }

  private callById(id: string): EmulatedTeamsCall | undefined {
    return this.currentCalls.find((call) => call.id === id);
  }

  private removeCall(call: EmulatedTeamsCall, reason: EndReasonWire): void {
    this.currentCalls = this.currentCalls.filter((c) => c !== call);
    call.disposeFeatures(reason);
    this.events.emit('callsUpdated', { added: [], removed: [call] });
    this.accepted.get(call.id)?.end(reason);
    this.accepted.delete(call.id);
  }

  private endCalls(reason: EndReasonWire): void {
    for (const call of this.currentCalls) {
      call.endLocally(reason);
      this.removeCall(call, reason);
    }
    this.ringing.forEach((incoming) => incoming.end(reason));
    this.ringing.clear();
  }

  private setConnectionState(
    newValue: ConnectionState,
    reason?: ConnectionStateChangedReason,
    { force = false } = {},
  ): void {
    const oldValue = this.currentConnectionState;
    if (oldValue === newValue && !force) return;
    this.currentConnectionState = newValue;
    this.events.emit('connectionStateChanged', { newValue, oldValue, ...(reason && { reason }) });
  }
}
