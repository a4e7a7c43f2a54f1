import type { ClientMessage, Operation, ServerMessage, SignedInWire } from '../protocol/messages';
import { Answering } from './answering';
import { Captions } from './captions';
import { Calls } from './calls';
import { RealClock, type Clock } from './clock';
import { Connections, type CloseKind, type EndpointSession } from './connections';
import { ERROR, WorldError } from './codes';
import { Dialer } from './dialing';
import {
  Directory,
  type DirectoryUser,
  type GeneratedUsers,
  type PhoneCaller,
  type QueueSettings,
  type TeamsCloud,
} from './directory';
import { Faults } from './faults';
import { LegOperations } from './leg-operations';
import { MeetingCalls } from './meeting-calls';
import { Presences } from './presence';
import { Meetings } from './meetings';
import { QueueRouting } from './queue-routing';
import { randomStreams, type RandomStreams } from './random';
import { Recording } from './recording';
import { Scenario, type ScenarioOptions } from './scenario';
import { ScriptedParties } from './scripted-parties';
import { worldSnapshot } from './snapshot';
import { Speech } from './speech';
import { SpeakerStorms } from './speaker-storm';
import { Threads } from './threads';
import { TokenIssuer } from './tokens';
import type { EnqueueOptions, Endpoint, WorldPort } from './world-port';

export type { Endpoint } from './world-port';
export { RESUME_WINDOW_MS, type CloseKind } from './connections';

export interface WorldOptions {
  clock?: Clock;
  seed?: number;
  /** `false`: no calls arrive by themselves. */
  scenario?: false | Partial<ScenarioOptions>;
  /** The cloud the tenant lives in (`public` unless said): every Teams identifier follows it. */
  teamsCloud?: TeamsCloud;
  /** Agents and supervisors generated beside the built-in users (none unless said), for load work. */
  generatedUsers?: GeneratedUsers;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The authoritative state every console shares, and the hub of `engine/`: who is connected, the
 * calls (conversations of parties, `calls.ts`), the chat threads and meetings, and the policies
 * that act in calls (queue routing, scripted parties, speech, the lobby), each of which reaches
 * the others only through the `WorldPort` this class implements. Pure TypeScript: the same world
 * runs inside the server and, over an in-memory transport, inside unit tests.
 */
export class World implements WorldPort {
  readonly clock: Clock;
  /** One seeded stream per purpose (tokens, routing, scenario, speaking, ...): see `randomStreams`. */
  readonly random: RandomStreams;
  readonly directory: Directory;
  readonly faults = new Faults();
  readonly threads: Threads;
  readonly meetings: Meetings;
  readonly calls: Calls;
  readonly speech: Speech;
  /** Speaker storms in meetings, for load work (`speakerStorms.start`). */
  readonly speakerStorms: SpeakerStorms;
  readonly recording: Recording;
  readonly captions: Captions;
  readonly scripts: ScriptedParties;
  readonly lobby: MeetingCalls;
  readonly queue: QueueRouting;
  /** Every Teams user's presence: what Graph's presence routes read and set. */
  readonly presence: Presences;
  readonly scenario: Scenario;
  private readonly answering: Answering;
  private readonly dialer: Dialer;
  private readonly legOperations: LegOperations;
  private readonly acsTokens: TokenIssuer;
  private readonly signInTokens: TokenIssuer;
  private readonly connections: Connections;
  /** Users whose console was ever signed in: called while offline, they are `480/10076`. */
  private readonly seenOnline = new Set<string>();

  constructor(options: WorldOptions = {}) {
    this.clock = options.clock ?? new RealClock();
    this.random = randomStreams(options.seed);
    this.directory = new Directory(options.teamsCloud, options.generatedUsers);
    this.acsTokens = new TokenIssuer(this.random.tokens, this.directory.cloud);
    this.signInTokens = new TokenIssuer(this.random.tokens, this.directory.cloud);
    this.threads = new Threads(this.random.calls);
    this.meetings = new Meetings(this.directory, this.random.meetings);
    this.calls = new Calls(this);
    this.speech = new Speech(this);
    this.speakerStorms = new SpeakerStorms(this, this.random.storms);
    this.recording = new Recording(this);
    this.captions = new Captions(this);
    this.scripts = new ScriptedParties(this);
    this.lobby = new MeetingCalls(this);
    this.queue = new QueueRouting(this);
    this.presence = new Presences(this);
    this.answering = new Answering(this);
    this.dialer = new Dialer(this);
    this.legOperations = new LegOperations(this);
    this.scenario = new Scenario(this, options.scenario);
    this.connections = new Connections(this.clock, (endpointId) => {
      this.answering.endpointLeft(endpointId);
      this.calls.endpointLeft(endpointId);
      this.legOperations.forget(endpointId);
    });
  }

  // Identity -------------------------------------------------------------------------------

  /** An ACS token for a directory user (what the token endpoint hands out). */
  issueToken(
    userKey: string,
    lifetimeMs = DAY_MS,
  ): { token: string; expiresOn: number; user: DirectoryUser } {
    const user = this.requireUser(userKey);
    return { ...this.acsTokens.issue(user, this.clock.now(), lifetimeMs, 'acs'), user };
  }

  /**
   * An in-process stand-in for a sign-in's access token, for tests that run the world without its
   * Entra ID (the emulator's Microsoft Graph takes it as it takes Entra's Graph tokens).
   */
  signIn(userKey: string): string {
    return this.signInTokens.issue(this.requireUser(userKey), this.clock.now(), DAY_MS, 'entra').token;
  }

  /** Whose sign-in access token this is (no side effects): for the emulator's Microsoft Graph. */
  accessTokenUser(accessToken: string): DirectoryUser | undefined {
    const userKey = this.signInTokens.peek(accessToken, this.clock.now());
    return userKey ? this.directory.user(userKey) : undefined;
  }

  private requireUser(userKey: string): DirectoryUser {
    const user = this.directory.user(userKey);
    if (!user) throw new Error(`No user "${userKey}" in the emulator's directory.`);
    return user;
  }

  // Connections ----------------------------------------------------------------------------

  /**
   * A console's socket opens: the id names the socket (and, until it resumes another endpoint, the
   * endpoint it opened with). `drop` cuts the socket off from the world's side.
   */
  open(send: (message: ServerMessage) => void, drop: () => void): string {
    return this.connections.open({ send, drop });
  }

  /**
   * A console's socket ended. `closed` (the client's close frame, the default) ends its endpoint at
   * once; `lost` (anything else) keeps it for `RESUME_WINDOW_MS`, its calls up, for a resume.
   */
  close(connectionId: string, kind: CloseKind = 'closed'): void {
    this.connections.close(connectionId, kind);
  }

  /**
   * Cuts a user's consoles off, as a network failure would: their sockets are lost, and for
   * `seconds` (world clock) their hello and resume are refused as unreachable. Returns how many
   * sockets were cut.
   */
  dropConnection(userKey: string, seconds = 0): number {
    return this.connections.drop(userKey, seconds);
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
    const endpoint = this.connections.endpoint(endpointId);
    if (endpoint) endpoint.listeners = count;
  }

  /** Signed-in endpoints, those whose socket is lost (within their resume window) included. */
  signedInEndpoints(role?: DirectoryUser['role']): Endpoint[] {
    return [...this.connections.all()].filter(
      (e) => e.user !== null && (role === undefined || e.user.role === role),
    );
  }

  /** An endpoint by its id, or the endpoint a socket (by the id `open` gave) is bound to. */
  endpoint(id: string): Endpoint | undefined {
    return this.connections.endpoint(id);
  }

  send(endpointId: string, message: ServerMessage): void {
    this.connections.endpoint(endpointId)?.send(message);
  }

  // Operations -----------------------------------------------------------------------------

  /** Runs one client operation, after any injected delay or failure for its kind. */
  async request(endpointId: string, operation: Operation): Promise<unknown> {
    const faultName = operation.op === 'hello' ? 'createTeamsCallAgent' : operation.op;
    const delay = this.faults.takeDelay(faultName);
    if (delay > 0) await new Promise<void>((resolve) => this.clock.setTimeout(resolve, delay));
    const failure = this.faults.takeFailure(faultName);
    if (failure) throw new WorldError(failure, failure.message ?? `${faultName} failed (injected fault).`);

    const endpoint = this.connections.endpoint(endpointId);
    if (!endpoint)
      throw new WorldError(ERROR.unreachable, 'The connection to the calling service is closed.');
    if (operation.op === 'hello') return this.hello(endpoint, operation.token);
    if (operation.op === 'resumeEndpoint')
      return this.signedIn(this.connections.resume(endpointId, operation));
    if (!endpoint.user)
      throw new WorldError(ERROR.unauthenticated, 'Not signed in: create the call agent first.');

    switch (operation.op) {
      case 'accept':
        return this.answering.accept(endpoint, operation.incomingCallId, operation.video ?? false);
      case 'reject':
        return this.answering.reject(endpoint, operation.incomingCallId);
      case 'startCall':
        return this.dialer.startCall(endpoint, operation);
      case 'addParticipant':
        return this.dialer.addParticipant(endpoint, operation);
      case 'join':
        return this.lobby.join(endpoint, operation, (e, id) => this.dialer.checkNewCallId(e, id));
      case 'admit':
        return this.lobby.admit(endpoint, operation.callId, operation.participantId);
      case 'admitAll':
        return this.lobby.admitAll(endpoint, operation.callId);
      case 'rejectFromLobby':
        return this.lobby.rejectFromLobby(endpoint, operation.callId, operation.participantId);
      default:
        return this.legOperations.run(endpoint, operation);
    }
  }

  /**
   * Signs the console in; it learns the tenant's cloud (as the SDK does from its token), and its
   * endpoint's id and resume secret.
   */
  private hello(endpoint: EndpointSession, token: string): SignedInWire {
    const userKey = this.acsTokens.verify(token, this.clock.now());
    const user = userKey ? this.directory.user(userKey) : undefined;
    if (!user) throw new WorldError(ERROR.unauthenticated, 'The access token is not valid or has expired.');
    this.connections.checkReachable(user.key);
    endpoint.user = user;
    this.seenOnline.add(user.key);
    this.queue.endpointJoined(endpoint);
    return this.signedIn(endpoint);
  }

  private signedIn({ id: endpointId, secret: resumeSecret }: EndpointSession): SignedInWire {
    return { cloud: this.directory.cloud, endpointId, resumeSecret };
  }

  wasOnline(userKey: string): boolean {
    return this.seenOnline.has(userKey);
  }

  // Calls ----------------------------------------------------------------------------------

  /** A phone caller dials a call queue: every signed-in agent's console starts ringing. */
  enqueuePhoneCall(options: EnqueueOptions = {}): string {
    return this.queue.enqueue(options);
  }

  waitingCount(): number {
    return this.queue.waitingCount();
  }

  /** Directory callers free to dial in (not waiting in a queue or talking already). */
  idleCallers(): PhoneCaller[] {
    return this.queue.idleCallers();
  }

  /** Changes a queue's routing settings (unknown queue or bad value: an error, nothing changed). */
  configureQueue(name: string, changes: Partial<QueueSettings>): QueueSettings {
    const settings = this.directory.configureQueue(name, changes);
    this.queue.queueConfigured(name);
    return settings;
  }

  /**
   * Recording of a live call (its world id) starts: every console in it sees it; with
   * `consentRequired` each is muted until it consents (engine/recording.ts).
   */
  startRecording(callId: string, options: { consentRequired: boolean }): void {
    this.recording.start(this.requireCall(callId), options);
  }

  stopRecording(callId: string): void {
    this.recording.stop(this.requireCall(callId));
  }

  private requireCall(callId: string) {
    const call = this.calls.all.get(callId);
    if (!call) throw new Error(`No live call ${callId} in the world.`);
    return call;
  }

  /** Plain JSON of the queue, the calls and the consoles, for `GET /emulator/state` and tests. */
  snapshot() {
    return worldSnapshot({
      now: this.clock.now(),
      calls: this.calls.all.values(),
      waiting: this.queue.waitingCalls(),
      userOf: (id) => this.connections.endpoint(id)?.user?.key ?? id,
      consoles: this.listenerCounts().consoles,
      queues: this.directory.queues.map(({ name }) => ({ name, ...this.directory.queueSettings(name) })),
      presence: this.presence.all(),
    });
  }

  /** Listeners each console holds on SDK objects, as its client reports them. */
  listenerCounts() {
    const consoles = [...this.connections.all()]
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
    this.calls.dispose();
    this.presence.dispose();
    this.connections.dispose();
    if (this.clock instanceof RealClock) this.clock.clearAll();
  }
}
