import type { ServerMessage } from '../protocol/messages';
import type { Clock, TimerHandle } from './clock';
import { ERROR, WorldError } from './codes';
import type { DirectoryUser } from './directory';
import type { Endpoint } from './world-port';

/**
 * How long a console whose connection was lost stays in the world (the guide's two minutes): its
 * calls and ringing calls stay, and what the world sends it is kept for its resume.
 */
export const RESUME_WINDOW_MS = 120_000;

/**
 * Messages kept after a live socket has sent them: a socket that dies unnoticed loses what it was
 * sending, so a resume replays from the client's last sequence number. While the socket is lost,
 * everything is kept (the window bounds it). A resume from before what is kept is refused.
 */
const KEPT_WHILE_CONNECTED = 1024;

/** One WebSocket (or in-memory link): what the world sends on it, and how it cuts it off. */
export interface Socket {
  readonly send: (message: ServerMessage) => void;
  /** Closes the connection from the world's side (a dropped network). */
  readonly drop: () => void;
}

/** How a socket ended: the client's own close frame, or anything else (a lost network). */
export type CloseKind = 'closed' | 'lost';

/** A console's endpoint: it outlives a lost socket for `RESUME_WINDOW_MS`, and resumes on a new one. */
export class EndpointSession implements Endpoint {
  user: DirectoryUser | null = null;
  listeners = 0;
  socket: Socket | null;
  expiry: TimerHandle | null = null;
  private lastSeq = 0;
  private kept: ServerMessage[] = [];

  constructor(
    readonly id: string,
    readonly secret: string,
    socket: Socket,
  ) {
    this.socket = socket;
  }

  readonly send = (message: ServerMessage): void => {
    const numbered = { ...message, seq: ++this.lastSeq } as ServerMessage;
    this.kept.push(numbered);
    if (!this.socket) return;
    if (this.kept.length > KEPT_WHILE_CONNECTED) this.kept.splice(0, this.kept.length - KEPT_WHILE_CONNECTED);
    this.socket.send(numbered);
  };

  /** Whether every message after `seq` is still kept (and `seq` is one this endpoint sent). */
  canReplayAfter(seq: number): boolean {
    const oldest = this.lastSeq - this.kept.length + 1;
    return seq <= this.lastSeq && seq >= oldest - 1;
  }

  replayAfter(seq: number): void {
    this.kept = this.kept.filter((message) => (message as { seq?: number }).seq! > seq);
    for (const message of this.kept) this.socket?.send(message);
  }
}

interface Link {
  endpointId: string;
  readonly socket: Socket;
}

/**
 * The world's endpoints and the sockets they are reached on. A socket opens with an endpoint of
 * its own; `resume` moves a known endpoint onto a new socket (its own unsigned one is dropped).
 * A link's id is the id of the endpoint it opened with, so code that opened one socket and never
 * resumed can keep calling it the endpoint's id.
 */
export class Connections {
  private readonly sessions = new Map<string, EndpointSession>();
  private readonly links = new Map<string, Link>();
  /** Users the drop control cut off, until when (world clock): their hello and resume are refused. */
  private readonly unreachableUntil = new Map<string, number>();
  private nextEndpoint = 1;

  constructor(
    private readonly clock: Clock,
    /** An endpoint is gone for good: its calls end and it stops ringing. */
    private readonly left: (endpointId: string) => void,
  ) {}

  open(socket: Socket): string {
    const id = `endpoint-${this.nextEndpoint++}`;
    this.sessions.set(id, new EndpointSession(id, newSecret(), socket));
    this.links.set(id, { endpointId: id, socket });
    return id;
  }

  /** The endpoint a link is bound to now (or, given an endpoint's id, that endpoint). */
  endpoint(id: string): EndpointSession | undefined {
    return this.sessions.get(this.links.get(id)?.endpointId ?? id);
  }

  all(): IterableIterator<EndpointSession> {
    return this.sessions.values();
  }

  /**
   * A socket ended. Closed by its client (or never signed in), its endpoint ends at once; lost, the
   * endpoint waits `RESUME_WINDOW_MS` for a resume.
   */
  close(linkId: string, kind: CloseKind): void {
    const link = this.links.get(linkId);
    if (!link) return;
    this.links.delete(linkId);
    const session = this.sessions.get(link.endpointId);
    if (!session || session.socket !== link.socket) return;
    session.socket = null;
    if (kind === 'closed' || !session.user) return this.end(session);
    session.expiry = this.clock.setTimeout(() => this.end(session), RESUME_WINDOW_MS);
  }

  /** Cuts a user's sockets off; their hello and resume are refused as unreachable for `seconds`. */
  drop(userKey: string, seconds: number): number {
    if (seconds > 0) this.unreachableUntil.set(userKey, this.clock.now() + seconds * 1000);
    let dropped = 0;
    for (const [linkId, link] of [...this.links]) {
      if (this.sessions.get(link.endpointId)?.user?.key !== userKey) continue;
      this.close(linkId, 'lost');
      link.socket.drop();
      dropped++;
    }
    return dropped;
  }

  /** Refuses a user the drop control has cut off (408/40114, as an unreachable service). */
  checkReachable(userKey: string): void {
    const until = this.unreachableUntil.get(userKey);
    if (until === undefined) return;
    if (this.clock.now() >= until) return void this.unreachableUntil.delete(userKey);
    throw new WorldError(ERROR.unreachable, 'The calling service cannot be reached.');
  }

  /**
   * Moves a known endpoint onto this link's socket and replays what its client has not received
   * (after `lastSeq`). Unknown, expired, another secret, or too far behind: `404/49016`.
   */
  resume(
    linkId: string,
    { endpointId, secret, lastSeq }: { endpointId: string; secret: string; lastSeq: number },
  ): EndpointSession {
    const link = this.links.get(linkId);
    const own = link && this.sessions.get(link.endpointId);
    if (!link || !own)
      throw new WorldError(ERROR.unreachable, 'The connection to the calling service is closed.');
    if (own.user) throw new WorldError(ERROR.agentExists, 'This connection is signed in already.');
    const session = this.sessions.get(endpointId);
    if (!session?.user || session.secret !== secret)
      throw new WorldError(ERROR.endpointNotKnown, 'The calling service does not know this endpoint.');
    this.checkReachable(session.user.key);
    if (!session.canReplayAfter(lastSeq)) {
      this.end(session);
      throw new WorldError(
        ERROR.endpointNotKnown,
        'The calling service no longer has what this endpoint missed.',
      );
    }
    // The socket it had is one the world had not noticed was dead: the resume replaces it.
    for (const [otherId, other] of [...this.links]) {
      if (other.endpointId !== endpointId) continue;
      this.links.delete(otherId);
      other.socket.drop();
    }
    this.sessions.delete(own.id);
    link.endpointId = endpointId;
    if (session.expiry !== null) this.clock.clearTimeout(session.expiry);
    session.expiry = null;
    session.socket = link.socket;
    session.replayAfter(lastSeq);
    return session;
  }

  /** Ends every endpoint (the world shuts down): their sockets are dropped. */
  dispose(): void {
    for (const [linkId, link] of [...this.links]) {
      this.links.delete(linkId);
      link.socket.drop();
    }
    for (const session of [...this.sessions.values()]) this.end(session);
  }

  private end(session: EndpointSession): void {
    if (this.sessions.get(session.id) !== session) return;
    if (session.expiry !== null) this.clock.clearTimeout(session.expiry);
    this.sessions.delete(session.id);
    this.left(session.id);
  }
}

/** A resume secret: not from the world's seeded streams, which anyone with the seed could replay. */
function newSecret(): string {
  const bytes = new Uint8Array(24);
  globalThis.crypto.getRandomValues(bytes);
  return [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
