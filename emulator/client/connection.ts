import type { Clock } from '../engine/clock';
import { ERROR } from '../engine/codes';
import type { TeamsCloud } from '../engine/directory';
import type { ClientMessage, ErrorWire, Operation, ServerMessage, SignedInWire } from '../protocol/messages';

/** How a client reaches the world: a WebSocket to the server, or in memory for unit tests. */
export interface TransportConnection {
  send(message: ClientMessage): void;
  close(): void;
}

export interface TransportHandlers {
  message(message: ServerMessage): void;
  closed(): void;
}

export interface EmulatorTransport {
  connect(handlers: TransportHandlers): Promise<TransportConnection>;
  /**
   * The timers a client on this transport retries on (the in-memory emulator's: the world's manual
   * clock). Without them, the host's real timers.
   */
  readonly timers?: Clock;
}

/** An SDK-style error: an `Error` with the ACS `code` and `subCode` (docs/acs-codes.md). */
export type CallingError = Error & { code: number; subCode?: number };

export function callingError(wire: ErrorWire): CallingError {
  const error = new Error(wire.message) as CallingError;
  error.name = 'CallingCommunicationError';
  error.code = wire.code;
  if (wire.subCode !== undefined) error.subCode = wire.subCode;
  return error;
}

export function notModelled(what: string): CallingError {
  return callingError({ ...ERROR.notModelled, message: `${what} is not modelled by the emulator yet.` });
}

/** Why requests cannot be sent now: no socket yet or any more, or one being re-established. */
export type Offline = 'connecting' | 'reconnecting' | 'gaveUp' | 'closed';

const OFFLINE_MESSAGES: Record<Offline, string> = {
  connecting: 'The call agent is not connected to the calling service yet.',
  reconnecting:
    'The connection to the calling service was lost and is being re-established: try again once it is back.',
  gaveUp: 'The connection to the calling service was lost: create a new call agent.',
  closed: 'The connection to the calling service is closed.',
};

/**
 * Requests and their results for one agent, over one socket at a time: a lost socket fails what
 * was in flight (408/40114), and the agent's `Reconnection` brings another (`signIn` on it, with
 * `hello` or `resumeEndpoint`). Requests while there is none fail at once, saying why.
 */
export class Connection {
  private readonly pending = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (error: unknown) => void }
  >();
  private nextRequest = 1;
  private link: TransportConnection | null = null;
  private offline: Offline | null = 'connecting';
  private lastReported = -1;
  private reportScheduled = false;
  private listeners = 0;
  /** The last numbered message received: what a resume says it has. */
  lastSeq = 0;
  /** The endpoint this agent is signed in as, and the secret that resumes it (never logged). */
  endpoint: { readonly endpointId: string; readonly resumeSecret: string } | null = null;
  /** The cloud of the Teams user signed in on this connection (the world says at `hello`). */
  teamsCloud: TeamsCloud = 'public';

  constructor(
    private readonly onMessage: (message: ServerMessage) => void,
    /** The signed-in socket was lost (not ended by `stop()`). */
    private readonly onLost: () => void,
  ) {}

  get isSignedIn(): boolean {
    return this.offline === null;
  }

  /**
   * Opens a socket and signs in on it (`hello`, or `resumeEndpoint` with the last sequence number
   * received); what the world replays arrives before the answer. Refused: the socket closes.
   */
  async signIn(transport: EmulatorTransport, operation: Operation): Promise<SignedInWire> {
    let closedEarly = false;
    const link: TransportConnection = await transport.connect({
      message: (message) => {
        if (this.link !== link) return;
        if (message.type === 'result') return this.settle(message.requestId, message.value, message.error);
        if (message.seq !== undefined) {
          if (message.seq <= this.lastSeq) return;
          this.lastSeq = message.seq;
        }
        this.onMessage(message);
      },
      closed: () => {
        if (this.link !== link) return void (closedEarly = true);
        const wasSignedIn = this.isSignedIn;
        this.drop(this.offline ?? 'reconnecting');
        if (wasSignedIn) this.onLost();
      },
    });
    if (this.offline === 'closed' || this.offline === 'gaveUp' || closedEarly) {
      link.close();
      const why = this.offline === 'closed' || this.offline === 'gaveUp' ? this.offline : 'reconnecting';
      throw callingError({ ...ERROR.unreachable, message: OFFLINE_MESSAGES[why] });
    }
    this.link = link;
    // A new endpoint numbers its messages from 1, and may send some (calls ringing) before it answers.
    if (operation.op === 'hello') this.lastSeq = 0;
    try {
      const signedIn = (await this.exchange(operation)) as SignedInWire;
      this.endpoint = { endpointId: signedIn.endpointId, resumeSecret: signedIn.resumeSecret };
      this.teamsCloud = signedIn.cloud;
      this.offline = null;
      this.lastReported = -1;
      this.reportListeners(this.listeners);
      return signedIn;
    } catch (error) {
      if (this.link === link) this.drop(this.offline ?? 'reconnecting');
      throw error;
    }
  }

  request(operation: Operation): Promise<unknown> {
    if (this.offline)
      return Promise.reject(callingError({ ...ERROR.unreachable, message: OFFLINE_MESSAGES[this.offline] }));
    return this.exchange(operation);
  }

  /** Tells the world how many listeners this client holds, coalesced to one message per turn. */
  reportListeners(count: number): void {
    this.listeners = count;
    if (this.reportScheduled || this.offline) return;
    this.reportScheduled = true;
    setTimeout(() => {
      this.reportScheduled = false;
      if (this.offline || !this.link || this.listeners === this.lastReported) return;
      this.lastReported = this.listeners;
      this.link.send({ type: 'listeners', count: this.listeners });
    }, 0);
  }

  /** No more sockets: `gaveUp` (the agent stopped trying) or `closed` (disposed). */
  stop(why: 'gaveUp' | 'closed'): void {
    this.drop(why);
  }

  private exchange(operation: Operation): Promise<unknown> {
    const requestId = this.nextRequest++;
    const link = this.link!;
    return new Promise((resolve, reject) => {
      this.pending.set(requestId, { resolve, reject });
      link.send({ type: 'request', requestId, operation });
    });
  }

  private settle(requestId: number, value: unknown, error: ErrorWire | undefined): void {
    const request = this.pending.get(requestId);
    this.pending.delete(requestId);
    if (error) request?.reject(callingError(error));
    else request?.resolve(value);
  }

  /** Closes the socket (if any) and fails what was in flight. */
  private drop(offline: Offline): void {
    const link = this.link;
    this.link = null;
    if (this.offline !== 'closed') this.offline = offline;
    const error = callingError({
      ...ERROR.unreachable,
      message: 'The connection to the calling service was lost.',
    });
    this.pending.forEach((request) => request.reject(error));
    this.pending.clear();
    link?.close();
  }
}
