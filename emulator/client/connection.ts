import { ERROR } from '../engine/codes';
import type { TeamsCloud } from '../engine/directory';
import type { ClientMessage, ErrorWire, Operation, ServerMessage } from '../protocol/messages';

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

/** Requests and their results over one transport connection. */
export class Connection {
  private readonly pending = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (error: unknown) => void }
  >();
  private nextRequest = 1;
  private closed = false;
  private lastReported = -1;
  private reportScheduled = false;
  private listeners = 0;
  /** The cloud of the Teams user signed in on this connection (the world says at `hello`). */
  teamsCloud: TeamsCloud = 'public';

  private constructor(private readonly link: TransportConnection) {}

  static async open(
    transport: EmulatorTransport,
    onMessage: (message: ServerMessage) => void,
    onClosed: () => void,
  ): Promise<Connection> {
    let connection: Connection | null = null;
    const link = await transport.connect({
      message: (message) => {
        if (message.type === 'result') connection?.settle(message.requestId, message.value, message.error);
        else onMessage(message);
      },
      closed: () => {
        if (!connection || connection.closed) return;
        connection.fail();
        onClosed();
      },
    });
    connection = new Connection(link);
    return connection;
  }

  request(operation: Operation): Promise<unknown> {
    if (this.closed) {
      return Promise.reject(
        callingError({ ...ERROR.unreachable, message: 'The connection to the calling service is closed.' }),
      );
    }
    const requestId = this.nextRequest++;
    return new Promise((resolve, reject) => {
      this.pending.set(requestId, { resolve, reject });
      this.link.send({ type: 'request', requestId, operation });
    });
  }

  /** Tells the world how many listeners this client holds, coalesced to one message per turn. */
  reportListeners(count: number): void {
    this.listeners = count;
    if (this.reportScheduled || this.closed) return;
    this.reportScheduled = true;
    setTimeout(() => {
      this.reportScheduled = false;
      if (this.closed || this.listeners === this.lastReported) return;
      this.lastReported = this.listeners;
      this.link.send({ type: 'listeners', count: this.listeners });
    }, 0);
  }

  close(): void {
    if (this.closed) return;
    this.fail();
    this.link.close();
  }

  private settle(requestId: number, value: unknown, error: ErrorWire | undefined): void {
    const request = this.pending.get(requestId);
    this.pending.delete(requestId);
    if (error) request?.reject(callingError(error));
    else request?.resolve(value);
  }

  private fail(): void {
    this.closed = true;
    const error = callingError({
      ...ERROR.unreachable,
      message: 'The connection to the calling service was lost.',
    });
    this.pending.forEach((request) => request.reject(error));
    this.pending.clear();
  }
}
