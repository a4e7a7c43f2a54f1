import { once } from 'node:events';
import { connect } from 'node:net';
import { WebSocket, type ClientOptions } from 'ws';

/**
 * Clients of the emulator server for its own tests, without the client library: they send
 * whatever a test gives them, as a console we did not write (or an attacker) would.
 */

export interface JsonResponse {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

export async function requestJson(
  baseUrl: string,
  path: string,
  init: RequestInit = {},
): Promise<JsonResponse> {
  const response = await fetch(`${baseUrl}${path}`, {
    ...init,
    headers: { 'Content-Type': 'application/json', ...init.headers },
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** POSTs `body` as JSON; a string is sent as it is (JSON text `1e999` has no JavaScript value). */
export function postJson(
  baseUrl: string,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<JsonResponse> {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return requestJson(baseUrl, path, { method: 'POST', body: text, headers });
}

/** Writes `text` on a plain TCP connection and reads all the server answers until it closes. */
export async function rawHttp(baseUrl: string, text: string): Promise<string> {
  const { hostname, port } = new URL(baseUrl);
  const socket = connect(Number(port), hostname);
  socket.setEncoding('utf8');
  let answer = '';
  socket.on('data', (chunk: string) => (answer += chunk));
  await once(socket, 'connect');
  socket.write(text);
  await once(socket, 'close');
  return answer;
}

/** A console's WebSocket; `{ autoPong: false }` makes one that stops answering pings. */
export async function rawConsole(baseUrl: string, options: ClientOptions = {}) {
  const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/ws`, options);
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  await once(socket, 'open');
  const results: {
    type?: string;
    requestId?: number;
    seq?: number;
    incomingCall?: { id: string };
    error?: { code: number; message: string };
  }[] = [];
  socket.on('message', (data) => results.push(JSON.parse(String(data))));
  /** Sends a request and waits for its result: everything sent before it has been handled. */
  const request = async (requestId: number, operation: object) => {
    socket.send(JSON.stringify({ type: 'request', requestId, operation }));
    while (!results.some((r) => r.requestId === requestId)) await once(socket, 'message');
    return results.find((r) => r.requestId === requestId)!;
  };
  /** Everything the server sent, results and the world's messages, in order. */
  return { socket, closed, request, received: results };
}
