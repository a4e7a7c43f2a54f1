import type { ClientMessage, Operation, ServerMessage } from '../protocol/messages';
import { CallModel, type Leg } from './call-model';
import { RealClock, type Clock } from './clock';
import { ERROR, WorldError } from './codes';
import { Directory, type DirectoryUser, type PhoneCaller } from './directory';
import { Faults } from './faults';
import { QueueRouting, type EnqueueOptions } from './queue-routing';
import { randomStreams, type RandomStreams } from './random';
import { Scenario, type ScenarioOptions } from './scenario';
import { TokenIssuer } from './tokens';

export interface WorldOptions {
  clock?: Clock;
  seed?: number;
  /** `false`: no calls arrive by themselves. */
  scenario?: false | Partial<ScenarioOptions>;
}

/** A console connected to the world: one emulator client's `TeamsCallAgent`. */
export interface Endpoint {
  readonly id: string;
  user: DirectoryUser | null;
  listeners: number;
  readonly send: (message: ServerMessage) => void;
  /** Closes the connection from the world's side (a dropped network). */
  readonly drop: () => void;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The authoritative state every console shares: who is connected, which calls wait in which
 * queue and ring where, and every connected call. Pure TypeScript: the same world runs inside
 * the server and, over an in-memory transport, inside unit tests.
 */
export class World {
  readonly clock: Clock;
  /** One seeded stream per purpose (tokens, routing, scenario, speaking): see `randomStreams`. */
  readonly random: RandomStreams;
  readonly directory = new Directory();
  readonly faults = new Faults();
  readonly scenario: Scenario;
  private readonly acsTokens: TokenIssuer;
  private readonly endpoints = new Map<string, Endpoint>();
  private readonly routing: QueueRouting;
  private nextEndpoint = 1;

  constructor(options: WorldOptions = {}) {
    this.clock = options.clock ?? new RealClock();
    this.random = randomStreams(options.seed);
    this.acsTokens = new TokenIssuer(this.random.tokens);
    this.routing = new QueueRouting(this);
    this.scenario = new Scenario(this, options.scenario);
  }

  // Identity -------------------------------------------------------------------------------

  /** An ACS token for a directory user (what the token endpoint hands out). */
  issueToken(
    userKey: string,
    lifetimeMs = DAY_MS,
  ): { token: string; expiresOn: number; user: DirectoryUser } {
    const user = this.requireUser(userKey);
    return { ...this.acsTokens.issue(user, this.clock.now(), lifetimeMs), user };
  }

  private requireUser(userKey: string): DirectoryUser {
    const user = this.directory.user(userKey);
    if (!user) throw new Error(`No user "${userKey}" in the emulator's directory.`);
    return user;
  }

  // Connections ----------------------------------------------------------------------------

  open(send: (message: ServerMessage) => void, drop: () => void): string {
    const id = `endpoint-${this.nextEndpoint++}`;
    this.endpoints.set(id, { id, user: null, listeners: 0, send, drop });
    return id;
  }

  close(endpointId: string): void {
    const endpoint = this.endpoints.get(endpointId);
    if (!endpoint) return;
    this.endpoints.delete(endpointId);
    this.routing.endpointLeft(endpoint);
  }

  /** Cuts a user's consoles off, as a network failure would. */
  dropConnection(userKey: string): number {
    const dropped = [...this.endpoints.values()].filter((endpoint) => endpoint.user?.key === userKey);
    for (const endpoint of dropped) {
      this.close(endpoint.id);
      endpoint.drop();
    }
    return dropped.length;
  }

  /**
   * One message from a console: a listener report is recorded; a request runs, and its result
   * (the value, or the error's code, subCode and message) goes back through `reply`.
   */
  receive(endpointId: string, message: ClientMessage, reply: (result: ServerMessage) => void): void {
    if (message.type === 'listeners') {
      this.setListenerCount(endpointId, message.count);
      return;
    }
    if (message.type !== 'request') return;
    const { requestId } = message;
    this.request(endpointId, message.operation).then(
      (value) => reply({ type: 'result', requestId, value }),
      (error: { code?: number; subCode?: number; message?: string }) =>
        reply({
          type: 'result',
          requestId,
          error: {
            code: error.code ?? 500,
            ...(error.subCode !== undefined && { subCode: error.subCode }),
            message: error.message ?? 'Failed.',
          },
        }),
    );
  }

  setListenerCount(endpointId: string, count: number): void {
    // A count is summed into `/emulator/listeners`: anything else would corrupt the total.
    if (!Number.isSafeInteger(count) || count < 0)
      throw new RangeError(`A listener count must be a non-negative integer, not ${String(count)}.`);
    const endpoint = this.endpoints.get(endpointId);
    if (endpoint) endpoint.listeners = count;
  }

  signedInEndpoints(role?: DirectoryUser['role']): Endpoint[] {
    return [...this.endpoints.values()].filter(
      (e) => e.user !== null && (role === undefined || e.user.role === role),
    );
  }

  endpoint(id: string): Endpoint | undefined {
    return this.endpoints.get(id);
  }

  send(endpointId: string, message: ServerMessage): void {
    this.endpoints.get(endpointId)?.send(message);
  }

  // Operations -----------------------------------------------------------------------------

  /** Runs one client operation, after any injected delay or failure for its kind. */
  async request(endpointId: string, operation: Operation): Promise<unknown> {
    const faultName = operation.op === 'hello' ? 'createTeamsCallAgent' : operation.op;
    const delay = this.faults.takeDelay(faultName);
    if (delay > 0) await new Promise<void>((resolve) => this.clock.setTimeout(resolve, delay));
    const failure = this.faults.takeFailure(faultName);
    if (failure) throw new WorldError(failure, failure.message ?? `${faultName} failed (injected fault).`);

    const endpoint = this.endpoints.get(endpointId);
    if (!endpoint)
      throw new WorldError(ERROR.unreachable, 'The connection to the calling service is closed.');
    if (operation.op === 'hello') return this.hello(endpoint, operation.token);
    if (!endpoint.user)
      throw new WorldError(ERROR.unauthenticated, 'Not signed in: create the call agent first.');

    switch (operation.op) {
      case 'accept':
        return this.routing.accept(endpoint, operation.incomingCallId);
      case 'reject':
        return this.routing.reject(endpoint, operation.incomingCallId);
      case 'mute':
      case 'unmute':
      case 'hold':
      case 'resume':
      case 'hangUp':
        return this.routing.connected.legOperation(endpoint, operation.callId, operation.op);
      default:
        throw new WorldError(ERROR.notModelled, `${operation.op} is not modelled by the emulator yet.`);
    }
  }

  /** Signs the console in as the token's user. The client needs nothing back but success. */
  private hello(endpoint: Endpoint, token: string): void {
    const userKey = this.acsTokens.verify(token, this.clock.now());
    const user = userKey ? this.directory.user(userKey) : undefined;
    if (!user) throw new WorldError(ERROR.unauthenticated, 'The access token is not valid or has expired.');
    endpoint.user = user;
    this.routing.endpointJoined(endpoint);
  }

  // Calls ----------------------------------------------------------------------------------

  /** A phone caller dials a call queue: every signed-in agent's console starts ringing. */
  enqueuePhoneCall(options: EnqueueOptions = {}): string {
    return this.routing.enqueue(options);
  }

  waitingCount(): number {
    return this.routing.waitingCount();
  }

  /** Directory callers free to dial in (not waiting in a queue or talking already). */
  idleCallers(): PhoneCaller[] {
    return this.routing.idleCallers();
  }

  get calls(): ReadonlyMap<string, CallModel> {
    return this.routing.calls;
  }

  /** Plain JSON of the queue, the calls and the consoles, for `GET /emulator/state` and tests. */
  snapshot() {
    const now = this.clock.now();
    const userOf = (id: string) => this.endpoints.get(id)?.user?.key ?? id;
    const calls = [...this.routing.calls.values()];
    return {
      now,
      queue: calls
        .filter((call) => call.status === 'waiting')
        .map((call) => ({
          id: call.id,
          caller: call.callerInfo,
          queue: call.transferorInfo?.displayName ?? null,
          waitingMs: now - call.createdAt,
          ringing: [...call.ringing].map(userOf),
        })),
      calls: calls
        .filter((call) => call.status === 'connected')
        .map((call) => ({
          id: call.id,
          caller: call.callerInfo,
          queue: call.transferorInfo?.displayName ?? null,
          legs: [...call.legs.values()].map((leg: Leg) => ({
            userKey: userOf(leg.endpointId),
            state: leg.state,
            isMuted: leg.isMuted,
          })),
          participants: [...call.parties.values()].map((p) => ({
            id: p.id,
            state: p.state,
            isMuted: p.isMuted,
            isSpeaking: p.isSpeaking,
          })),
        })),
      consoles: this.listenerCounts().consoles,
    };
  }

  /** Listeners each console holds on SDK objects, as its client reports them. */
  listenerCounts() {
    const consoles = [...this.endpoints.values()]
      .filter((endpoint) => endpoint.user)
      .map((endpoint) => ({
        userKey: endpoint.user!.key,
        displayName: endpoint.user!.displayName,
        listeners: endpoint.listeners,
      }));
    return { total: consoles.reduce((sum, c) => sum + c.listeners, 0), consoles };
  }

  dispose(): void {
    this.scenario.stop();
    this.routing.dispose();
    for (const endpoint of [...this.endpoints.values()]) {
      this.close(endpoint.id);
      endpoint.drop();
    }
    if (this.clock instanceof RealClock) this.clock.clearAll();
  }
}
