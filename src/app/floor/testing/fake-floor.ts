import type { Provider } from '@angular/core';
import type { ClientMessage, ServerMessage } from '../../../../server/floor/floor-protocol';
import { FLOOR_SOCKET, type FloorSocket } from '../floor-socket';

/** One socket the console opened, as the server side sees it: what came in, and its controls. */
export class FakeFloorSocket implements FloorSocket {
  readonly sent: ClientMessage[] = [];
  closedWith: { readonly code?: number; readonly reason?: string } | null = null;
  onopen: FloorSocket['onopen'] = null;
  onmessage: FloorSocket['onmessage'] = null;
  onclose: FloorSocket['onclose'] = null;
  onerror: FloorSocket['onerror'] = null;

  constructor(readonly url: string) {}

  send(data: string): void {
    this.sent.push(JSON.parse(data) as ClientMessage);
  }

  close(code?: number, reason?: string): void {
    this.closedWith = { code, reason };
  }

  /** The upgrade went through. */
  open(): void {
    this.onopen?.({});
  }

  receive(message: ServerMessage): void {
    this.onmessage?.({ data: JSON.stringify(message) });
  }

  /** The server (or the network) closed it. */
  drop(code: number, reason = ''): void {
    this.onclose?.({ code, reason });
  }

  sentOf<T extends ClientMessage['type']>(type: T): Extract<ClientMessage, { type: T }>[] {
    return this.sent.filter((m): m is Extract<ClientMessage, { type: T }> => m.type === type);
  }
}

/**
 * The floor's server, as far as a console can tell in a browser test (the real one runs in Node):
 * each socket the console opens, in order, opened and welcomed by the test.
 */
export class FakeFloor {
  readonly sockets: FakeFloorSocket[] = [];
  readonly open = (url: string): FloorSocket => {
    const socket = new FakeFloorSocket(url);
    this.sockets.push(socket);
    return socket;
  };

  get current(): FakeFloorSocket | undefined {
    return this.sockets.at(-1);
  }

  /** Opens the newest socket and welcomes its user. */
  welcome(
    user: { id: string; displayName: string; role: 'agent' | 'supervisor' },
    expiresAt = new Date(Date.now() + 3_600_000).toISOString(),
  ): FakeFloorSocket {
    const socket = this.current;
    if (!socket) throw new Error('The console has not opened a socket to the floor.');
    socket.open();
    socket.receive({ type: 'welcome', user, expiresAt });
    return socket;
  }

  /** Every message the console sent, on every socket, oldest first. */
  sent(): ClientMessage[] {
    return this.sockets.flatMap((socket) => socket.sent);
  }
}

export function provideFakeFloor(floor = new FakeFloor()): Provider[] {
  return [
    { provide: FakeFloor, useValue: floor },
    { provide: FLOOR_SOCKET, useValue: floor.open },
  ];
}
