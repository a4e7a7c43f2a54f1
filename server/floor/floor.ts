import { createIdentifierFromRawId } from '@azure/communication-common';
import type { FastifyBaseLogger } from 'fastify';
import type { RawData, WebSocket } from 'ws';
import { ApiError } from '../api-error';
import type { EntraTokenValidator } from '../entra-token';
import { workspaceRole } from '../token-route';
import { FloorCalls } from './floor-calls';
import { localDay, reason, Session, type FloorClock, type FloorContext } from './floor-context';
import {
  CLOSE,
  HELLO_TIMEOUT_MS,
  InvalidMessage,
  OFFLINE_GRACE_MS,
  parseClientMessage,
  type ClientMessage,
  type FloorAgent,
  type ServerMessage,
} from './floor-protocol';
import { FloorRequests } from './floor-requests';
import { FloorWatch } from './floor-watch';
import type { FloorEvent, FloorStore } from './floor-store';

type Report = Extract<ClientMessage, { type: 'report' }>;

/**
 * The Entra object id of a Teams user's raw id (`8:orgid:`, `8:gcch:`, `8:dod:`; a Teams Phone
 * extension user's `8:acs:`), else `null`: a phone caller, a visitor, an ACS user has no console.
 */
function teamsUserId(rawId: string): string | null {
  const id = createIdentifierFromRawId(rawId);
  if (id.kind === 'microsoftTeamsUser') return id.isAnonymous ? null : id.microsoftTeamsUserId;
  if (id.kind === 'teamsExtensionUser') return id.userId;
  return null;
}

/**
 * The supervisor's floor, on one instance: the consoles connected here, their authentication, and
 * what each supervisor has yet to hear. The floor itself is in the `FloorStore`; this instance
 * mirrors it (the snapshot at start, then every event), so it answers from memory.
 */
export class Floor implements FloorContext {
  private readonly sessions = new Set<Session>();
  private readonly userSessions = new Map<string, Set<Session>>();
  private readonly mirror = new Map<string, FloorAgent>();
  /** The connection on this instance that last reported each agent. */
  private readonly lastReporter = new Map<string, string>();
  private readonly offlineTimers = new Map<string, unknown>();
  private readonly requests = new FloorRequests(this);
  private readonly watch: FloorWatch;
  private readonly calls: FloorCalls;
  private closing = false;

  constructor(
    readonly store: FloorStore,
    private readonly validator: EntraTokenValidator,
    readonly clock: FloorClock,
    private readonly log: FastifyBaseLogger,
    private readonly serviceLevelSeconds: number,
  ) {
    this.calls = new FloorCalls(this, serviceLevelSeconds * 1000);
    this.watch = new FloorWatch(clock);
    store.listen((event, local) => this.hear(event, local));
  }

  /** Reads the floor as it is; events that came meanwhile are newer, and kept. */
  async start(): Promise<void> {
    const [agents, requests] = await Promise.all([this.store.snapshot(), this.store.requests()]);
    for (const agent of agents) if (!this.mirror.has(agent.agent.id)) this.mirror.set(agent.agent.id, agent);
    for (const request of requests) this.requests.opened(request);
  }

  agent(id: string): FloorAgent | undefined {
    return this.mirror.get(id);
  }

  agents(): Iterable<FloorAgent> {
    return this.mirror.values();
  }

  sendTo(userId: string, message: ServerMessage): void {
    for (const session of this.userSessions.get(userId) ?? []) session.send(message);
  }

  *supervisors(): Iterable<Session> {
    for (const session of this.sessions) if (session.role === 'supervisor') yield session;
  }

  failed(what: string): (error: unknown) => void {
    return (error) => this.log.error({ err: error }, `floor: ${what} failed`);
  }

  connect(socket: WebSocket): void {
    const session = new Session(socket);
    this.sessions.add(session);
    session.helloTimer = this.clock.setTimeout(
      () => this.end(session, CLOSE.helloTimeout, `Send hello within ${HELLO_TIMEOUT_MS / 1000} s.`),
      HELLO_TIMEOUT_MS,
    );
    socket.on('message', (data: RawData, isBinary: boolean) => {
      session.queue = session.queue
        .then(() => this.receive(session, data, isBinary))
        .catch((error: unknown) => {
          this.log.error({ err: error }, 'floor message failed');
          this.end(session, 1011, 'The server failed to handle the message.');
        });
    });
    socket.on('close', () => this.closed(session));
    socket.on('error', () => undefined);
  }

  /**
   * The instance is stopping: every console hears 1001 and reconnects (to this instance once it is
   * back, or to another); no agent is marked offline for it.
   */
  goAway(): void {
    this.closing = true;
    for (const session of this.sessions) this.end(session, 1001, 'The server is restarting: reconnect.');
  }

  async close(): Promise<void> {
    this.goAway();
    for (const timer of this.offlineTimers.values()) this.clock.clearTimeout(timer);
    this.offlineTimers.clear();
    this.requests.stop();
    this.calls.close();
    await this.store.close();
  }

  private async receive(session: Session, data: RawData, isBinary: boolean): Promise<void> {
    if (session.closed) return;
    let message: ClientMessage;
    try {
      if (isBinary) throw new InvalidMessage('send text frames');
      message = parseClientMessage(data.toString());
    } catch (error) {
      if (!(error instanceof InvalidMessage)) throw error;
      return this.end(session, CLOSE.invalidMessage, `Invalid message: ${error.message}.`);
    }
    if (!session.user) {
      if (message.type !== 'hello') return this.end(session, CLOSE.invalidMessage, 'Send hello first.');
      return this.hello(session, message.token);
    }
    switch (message.type) {
      case 'hello':
        return this.end(session, CLOSE.invalidMessage, 'hello was already sent.');
      case 'token':
        return this.refresh(session, message.token);
      case 'report':
        return this.report(session, message);
      case 'subscribe':
        return this.subscribe(session);
      case 'ask':
        return this.requests.ask(session, message.callKey);
      case 'cancel':
        return this.requests.cancel(session, message.requestId);
      case 'join':
        return this.requests.join(session, message.agentId, message.callKey, message.requestId);
      case 'decline':
        return this.requests.decline(session, message.requestId);
      case 'muted':
        return this.muted(session, message.callKey, message.participantRawId);
      case 'ping':
        return session.send({ type: 'pong' });
    }
  }

  /** The token's user, and when it expires; or the socket closed and `null`. */
  private async authenticate(session: Session, token: string) {
    try {
      return await this.validator.check(token);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.statusCode === 401) this.end(session, CLOSE.unauthorized, `${error.code}: ${error.message}`);
      else this.end(session, 1013, 'Entra ID could not be reached: try again shortly.');
      return null;
    }
  }

  private async hello(session: Session, token: string): Promise<void> {
    const checked = await this.authenticate(session, token);
    if (!checked || session.closed) return;
    const role = workspaceRole(checked.user.roles);
    if (!role) {
      return this.end(
        session,
        CLOSE.forbidden,
        'no_role: the account has neither the Agent nor the Supervisor role.',
      );
    }
    this.clock.clearTimeout(session.helloTimer);
    session.user = checked.user;
    session.role = role;
    this.expireAt(session, checked.expiresAt);
    const id = checked.user.oid;
    let sessions = this.userSessions.get(id);
    if (!sessions) this.userSessions.set(id, (sessions = new Set()));
    sessions.add(session);
    this.clock.clearTimeout(this.offlineTimers.get(id));
    this.offlineTimers.delete(id);
    session.send({
      type: 'welcome',
      user: { id, displayName: checked.user.displayName, role },
      expiresAt: new Date(checked.expiresAt).toISOString(),
    });
  }

  private async refresh(session: Session, token: string): Promise<void> {
    const checked = await this.authenticate(session, token);
    if (!checked || session.closed) return;
    if (checked.user.oid !== session.user?.oid) {
      return this.end(session, CLOSE.forbidden, 'token_mismatch: the new token belongs to another user.');
    }
    this.expireAt(session, checked.expiresAt);
    session.send({ type: 'tokenAccepted', expiresAt: new Date(checked.expiresAt).toISOString() });
  }

  private expireAt(session: Session, expiresAt: number): void {
    this.clock.clearTimeout(session.expiryTimer);
    session.expiryTimer = this.clock.setTimeout(
      () =>
        this.end(
          session,
          CLOSE.unauthorized,
          'token_expired: the access token expired; send token before it does.',
        ),
      Math.max(0, expiresAt - this.clock.now()),
    );
  }

  /** An agent's report goes on the floor; a supervisor's only says whether requests ring it. */
  private async report(session: Session, message: Report): Promise<void> {
    const person = session.person;
    if (message.agentId !== undefined && message.agentId !== person.id) {
      return this.end(session, CLOSE.forbidden, 'forbidden: a console reports for its own agent only.');
    }
    if (session.role === 'supervisor') {
      const wasOnCall = session.onCall;
      session.onCall = message.state === 'onCall';
      if (wasOnCall && !session.onCall) this.requests.free(session);
      return;
    }
    this.lastReporter.set(person.id, session.connection);
    const calls = await this.calls.views(this.mirror.get(person.id), message.calls);
    await this.store.put(
      {
        agent: person,
        state: message.state,
        since: message.since,
        calls,
        updatedAt: new Date(this.clock.now()).toISOString(),
      },
      session.connection,
    );
  }

  private async subscribe(session: Session): Promise<void> {
    if (session.role !== 'supervisor') {
      const message = 'Only supervisors subscribe to the floor.';
      return session.send({ type: 'error', code: 'forbidden', message });
    }
    await this.watch.subscribe(session, async () => ({
      agents: [...this.mirror.values()],
      queues: await this.store.queues(localDay(this.clock.now())),
      requests: this.requests.shownTo(session),
      serviceLevelSeconds: this.serviceLevelSeconds,
    }));
  }

  /**
   * Whoever muted a participant says so: the participant's consoles (a Teams user's) and those of
   * the call's other agents hear who muted whom, the one who said it does not hear it back. Only a
   * supervisor, or an agent whose last report has the call, may say it: nobody else can make a
   * console say "Muted by" for calls they are not in.
   */
  private async muted(session: Session, callKey: string, rawId: string): Promise<void> {
    const by = session.person;
    if (session.role !== 'supervisor' && !this.mirror.get(by.id)?.calls.some((call) => call.key === callKey))
      return session.send({ type: 'error', code: 'not_found', message: 'No such call in your last report.' });
    const message = { type: 'mutedBy', callKey, participantRawId: rawId, by } as const;
    const told = new Set<string>();
    const muted = teamsUserId(rawId);
    if (muted) told.add(muted);
    for (const agent of this.mirror.values())
      if (agent.calls.some((call) => call.key === callKey)) told.add(agent.agent.id);
    told.delete(by.id);
    await Promise.all([...told].map((userId) => this.store.deliver(userId, message)));
  }

  /** What the store says happened, here or on another instance. */
  private async hear(event: FloorEvent, local: boolean): Promise<void> {
    switch (event.kind) {
      case 'agent':
        return this.agentChanged(event.agent, local);
      case 'deliver':
        return this.sendTo(event.userId, event.message);
      case 'requestOpened':
        return this.requests.opened(event.request);
      case 'requestClosed':
        return this.requests.closed(event.request, event.closure);
      case 'queue':
        if (event.day === localDay(this.clock.now())) this.watch.queueChanged(event.stats);
    }
  }

  private async agentChanged(agent: FloorAgent, local: boolean): Promise<void> {
    const id = agent.agent.id;
    const previous = this.mirror.get(id);
    this.mirror.set(id, agent);
    this.watch.agentChanged(agent);
    // Each console of the agent hears when its calls were first seen, a new console (a reload) too.
    const calls = agent.calls.map((call) => ({ key: call.key, at: call.firstSeenAt }));
    for (const session of this.userSessions.get(id) ?? []) {
      if (calls.every((call) => session.told.has(call.key))) continue;
      session.told = new Set(calls.map((call) => call.key));
      session.send({ type: 'firstSeen', calls });
    }
    this.requests.changed(agent);
    await this.calls.changed(previous, agent, local);
  }

  private end(session: Session, code: number, text: string): void {
    if (session.closed) return;
    session.socket.close(code, reason(text));
    this.closed(session);
  }

  /** The socket closed, or is closing: its timers stop; an agent's last console starts the grace. */
  private closed(session: Session): void {
    if (session.closed) return;
    session.closed = true;
    this.sessions.delete(session);
    for (const timer of [session.helloTimer, session.expiryTimer]) this.clock.clearTimeout(timer);
    this.watch.leave(session);
    const id = session.user?.oid;
    if (!id) return;
    const sessions = this.userSessions.get(id);
    sessions?.delete(session);
    if (sessions?.size) return;
    this.userSessions.delete(id);
    const connection = this.lastReporter.get(id);
    if (session.role !== 'agent' || this.closing || !connection) return;
    this.offlineTimers.set(
      id,
      this.clock.setTimeout(() => {
        this.offlineTimers.delete(id);
        this.lastReporter.delete(id);
        this.store
          .markOffline(id, connection, new Date(this.clock.now()).toISOString())
          .catch(this.failed('marking an agent offline'));
      }, OFFLINE_GRACE_MS),
    );
  }
}
