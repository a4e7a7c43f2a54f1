import type { IncomingMessage, ServerResponse } from 'node:http';
import { answerGraph } from './graph-routes';
import type { GraphWorld } from './graph-world';

const MAX_BODY = 64 * 1024;

/**
 * `/v1.0/*` over HTTP: the request read (JSON body up to 64 KiB), answered by `answerGraph`,
 * written back in Graph's shape. CORS allows the console's Graph client from another origin.
 */
export async function handleGraph(
  world: GraphWorld,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const send = (status: number, body?: unknown) => {
    response.writeHead(status, {
      ...(body !== undefined && { 'Content-Type': 'application/json' }),
      'Cache-Control': 'no-store',
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Allow-Headers':
        'Authorization, Content-Type, ConsistencyLevel, SdkVersion, client-request-id',
      'Access-Control-Allow-Methods': 'GET, POST, DELETE, OPTIONS',
    });
    response.end(body === undefined ? '' : JSON.stringify(body));
  };
  if (request.method === 'OPTIONS') return send(204);
  let text = '';
  for await (const chunk of request) {
    text += chunk;
    if (text.length > MAX_BODY)
      return send(413, graphError('RequestEntityTooLarge', 'The request body is larger than 64 KiB.'));
  }
  let body: unknown = undefined;
  if (text.trim()) {
    try {
      body = JSON.parse(text);
    } catch {
      return send(400, graphError('BadRequest', 'The request body must be JSON.'));
    }
  }
  const headers = Object.fromEntries(
    Object.entries(request.headers).map(([name, value]) => [
      name.toLowerCase(),
      Array.isArray(value) ? value.join(', ') : value,
    ]),
  );
  const answer = answerGraph(world, {
    method: request.method ?? 'GET',
    url: request.url ?? '/',
    headers,
    body,
  });
  send(answer.status, answer.body);
}

function graphError(code: string, message: string) {
  return { error: { code, message } };
}
