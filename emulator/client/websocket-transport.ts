import type { ClientMessage, ServerMessage } from '../protocol/messages';
import type { EmulatorTransport, TransportConnection, TransportHandlers } from './connection';

/** The emulator server's WebSocket (`/ws`), derived from its base URL. */
export function webSocketTransport(
  baseUrl: string,
  WebSocketImpl: typeof WebSocket = globalThis.WebSocket,
): EmulatorTransport {
  const url = new URL('/ws', baseUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return {
    connect: (handlers: TransportHandlers) =>
      new Promise<TransportConnection>((resolve, reject) => {
        const socket = new WebSocketImpl(url.toString());
        let opened = false;
        socket.onopen = () => {
          opened = true;
          resolve({
            send: (message: ClientMessage) => socket.send(JSON.stringify(message)),
            // 1000: the client means to go, so the world ends its endpoint at once (not a lost network).
            close: () => socket.close(1000),
          });
        };
        socket.onmessage = (event: MessageEvent) =>
          handlers.message(JSON.parse(String(event.data)) as ServerMessage);
        socket.onclose = () => (opened ? handlers.closed() : undefined);
        socket.onerror = () => {
          if (!opened) {
            reject(
              Object.assign(new Error(`Could not reach the emulator at ${url}.`), {
                code: 408,
                subCode: 40114,
              }),
            );
          }
        };
      }),
  };
}
