import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { RawData, WebSocket } from 'ws';
import { ApiError } from '../api-error';
import type { EntraTokenValidator, SignedInUser } from '../entra-token';
import { workspaceRole } from '../token-route';
import {
  BATCH_INTERVAL_MS,
  CLOSE,
  HELLO_TIMEOUT_MS,
  InvalidMessage,
  OFFLINE_GRACE_MS,
  parseClientMessage,
  type ClientMessage,
  type FloorAgent,
  type FloorRole,
  type ServerMessage,
} from './floor-protocol';
import type { FloorStore, JoinRequest } from './floor-store';

/** Time, for the floor's timers: a test passes its own and moves it on by hand. */
export interface FloorClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const SYSTEM_CLOCK: FloorClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** A close reason is at most 123 bytes of UTF-8. */
function reason(text: string): string {
  let cut = text;
  while (Buffer.byteLength(cut) > 123) cut = cut.slice(0, -1);
  return cut;
}

/** One console's socket. */
class Session {
  readonly connection = randomUUID();
  user: SignedInUser | null = null;
  role: FloorRole | null = null;
  closed = false;
  /** A supervisor's agents changed since the last message, by id. */
  readonly dirty = new Map<string, FloorAgent>();
  /** When this supervisor was last sent the floor; never before its snapshot. */
  lastSentAt = Number.NEGATIVE_INFINITY;
  flushTimer: unknown = null;
  helloTimer: unknown = null;
  expiryTimer: unknown = null;
  /** Messages are handled one after another, in the order they came. */
  queue: Promise<void> = Promise.resolve();

  constructor(readonly socket: WebSocket) {}

  send(message: ServerMessage): void {
    if (!this.closed && this.socket.readyState === this.socket.OPEN)
      this.socket.send(JSON.stringify(message));
  }
}

/**
 * The supervisor's floor, on one instance: the consoles connected here, their authentication, and
 * what each supervisor has yet to hear. The floor itself is in the `FloorStore`.
 */
export class Floor {
  private readonly sessions = new Set<Session>();
  private readonly agentSessions = new Map<string, Set<Session>>();
  private readonly supervisors = new Set<Session>();
  /** The connection on this instance that last reported each agent. */
  private readonly lastReporter = new Map<string, string>();
  private readonly offlineTimers = new Map<string, unknown>();
  private closing = false;

  constructor(
    private readonly store: FloorStore,
    private readonly validator: EntraTokenValidator,
    private readonly clock: FloorClock,
    private readonly log: FastifyBaseLogger,
  ) {
    store.listen({
      agent: (agent) => this.changed(agent),
      join: (agentId, request) => this.deliverJoin(agentId, request),
    });
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
      case 'join':
        return this.join(session, message.agentId, message.callKey);
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
    if (role === 'agent') {
      const id = checked.user.oid;
      let sessions = this.agentSessions.get(id);
      if (!sessions) this.agentSessions.set(id, (sessions = new Set()));
      sessions.add(session);
      this.clock.clearTimeout(this.offlineTimers.get(id));
      this.offlineTimers.delete(id);
    }
    session.send({
      type: 'welcome',
      user: { id: checked.user.oid, displayName: checked.user.displayName, role },
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

  private async report(session: Session, message: Extract<ClientMessage, { type: 'report' }>): Promise<void> {
    const user = session.user as SignedInUser;
    if (session.role !== 'agent') return this.refuse(session, 'Only agents report to the floor.');
    if (message.agentId !== undefined && message.agentId !== user.oid) {
      return this.end(session, CLOSE.forbidden, 'forbidden: a console reports for its own agent only.');
    }
    this.lastReporter.set(user.oid, session.connection);
    await this.store.put(
      {
        agent: { id: user.oid, displayName: user.displayName },
        state: message.state,
        since: message.since,
        calls: message.calls,
        updatedAt: new Date(this.clock.now()).toISOString(),
      },
      session.connection,
    );
  }

  private async subscribe(session: Session): Promise<void> {
    if (session.role !== 'supervisor')
      return this.refuse(session, 'Only supervisors subscribe to the floor.');
    if (this.supervisors.has(session)) return;
    this.supervisors.add(session);
    const agents = await this.store.snapshot();
    session.dirty.clear();
    session.send({ type: 'snapshot', agents });
    session.lastSentAt = this.clock.now();
  }

  private async join(session: Session, agentId: string, callKey: string): Promise<void> {
    const user = session.user as SignedInUser;
    if (session.role !== 'supervisor') return this.refuse(session, 'Only supervisors join agents’ calls.');
    await this.store.requestJoin(agentId, {
      type: 'joinRequested',
      supervisor: { id: user.oid, displayName: user.displayName },
      callKey,
    });
  }

  private refuse(session: Session, message: string): void {
    session.send({ type: 'error', code: 'forbidden', message });
  }

  /** An agent changed, here or on another instance: each subscribed supervisor hears of it in time. */
  private changed(agent: FloorAgent): void {
    for (const session of this.supervisors) {
      session.dirty.set(agent.agent.id, agent);
      // Changes during the snapshot's read wait for it; then one message every interval at most.
      if (session.lastSentAt > Number.NEGATIVE_INFINITY && session.flushTimer === null) {
        const wait = Math.max(0, session.lastSentAt + BATCH_INTERVAL_MS - this.clock.now());
        session.flushTimer = this.clock.setTimeout(() => this.flush(session), wait);
      }
    }
  }

  private flush(session: Session): void {
    session.flushTimer = null;
    if (session.closed || session.dirty.size === 0) return;
    session.send({ type: 'update', agents: [...session.dirty.values()] });
    session.dirty.clear();
    session.lastSentAt = this.clock.now();
  }

  private deliverJoin(agentId: string, request: JoinRequest): void {
    for (const session of this.agentSessions.get(agentId) ?? []) session.send(request);
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
    for (const timer of [session.helloTimer, session.expiryTimer, session.flushTimer])
      this.clock.clearTimeout(timer);
    this.supervisors.delete(session);
    const id = session.user?.oid;
    if (session.role !== 'agent' || !id) return;
    const sessions = this.agentSessions.get(id);
    sessions?.delete(session);
    if (sessions?.size || this.closing) return;
    this.agentSessions.delete(id);
    const connection = this.lastReporter.get(id);
    if (!connection) return;
    this.offlineTimers.set(
      id,
      this.clock.setTimeout(() => {
        this.offlineTimers.delete(id);
        this.lastReporter.delete(id);
        this.store
          .markOffline(id, connection, new Date(this.clock.now()).toISOString())
          .catch((error: unknown) =>
            this.log.error({ err: error }, 'floor: marking an agent offline failed'),
          );
      }, OFFLINE_GRACE_MS),
    );
  }
}
