import type { IncomingMessage, ServerResponse } from 'node:http';
import { publicUser } from '../engine/directory';
import { FAULT_OPERATIONS, isFaultOperation } from '../engine/faults';
import { RANGES } from '../engine/ranges';
import { AllCallersBusyError } from '../engine/queue-routing';
import type { World } from '../engine/world';
import { BadRequest, optionalNumber, optionalPair, optionalString, readJson } from './http-input';
import { worldControl } from './world-controls';

/**
 * The path of a request's target, or `undefined` when the target is no path at all: `//a:99999`
 * reads as a host with a port out of range, `//[` as a broken host. Either would throw out of
 * the request handler and take the server down.
 */
export function requestPath(target: string | undefined): string | undefined {
  try {
    return new URL(target ?? '/', 'http://emulator').pathname;
  } catch {
    return undefined;
  }
}

/** http(s)://localhost, 127.0.0.1, [::1] or a *.localhost name, on any port. */
function isLoopbackOrigin(origin: string): boolean {
  if (!URL.canParse(origin)) return false;
  const { hostname } = new URL(origin);
  return ['localhost', '127.0.0.1', '[::1]'].includes(hostname) || hostname.endsWith('.localhost');
}

/**
 * The emulator's HTTP API: its directory and controls for tests and demos (place a call, the
 * scenario, faults). Microsoft's cloud (Entra ID, ACS identity, Graph) is `cloud/`'s; the token
 * exchange is `server/`'s.
 */
export async function handleHttp(
  world: World,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const origin = request.headers.origin;
  const send = (status: number, body: unknown) => {
    response.writeHead(status, {
      'Content-Type': 'application/json',
      'Cache-Control': 'no-store',
      ...(origin &&
        isLoopbackOrigin(origin) && {
          'Access-Control-Allow-Origin': origin,
          'Access-Control-Allow-Headers': 'Authorization, Content-Type',
          'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
          Vary: 'Origin',
        }),
    });
    response.end(body === undefined ? '' : JSON.stringify(body));
  };
  const path = requestPath(request.url);
  if (path === undefined) return send(400, { error: 'The request target is not a valid path.' });
  const route = `${request.method} ${path}`;
  // The controls place calls, inject faults and show meetings' passcodes: a page from another site
  // must not drive them. Only pages served on this machine may (the console, behind the dev proxy),
  // and a POST must say it is JSON, which a page elsewhere cannot send without asking first.
  if (origin && !isLoopbackOrigin(origin))
    return send(403, { error: 'The emulator’s controls answer pages on this machine (loopback) only.' });
  if (request.method === 'POST' && !/^application\/json\b/i.test(request.headers['content-type'] ?? ''))
    return send(415, { error: 'Send the request body as JSON (Content-Type: application/json).' });
  try {
    if (request.method === 'OPTIONS') return send(204, undefined);
    switch (route) {
      case 'GET /health':
        return send(200, { ok: true });
      case 'GET /emulator/users':
        return send(200, world.directory.users.map(publicUser));
      case 'GET /emulator/state':
        return send(200, world.snapshot());
      case 'GET /emulator/listeners':
        return send(200, world.listenerCounts());
      case 'POST /emulator/queue/calls': {
        const body = await readJson(request);
        const ms = (key: string) => {
          const seconds = optionalNumber(body, key, RANGES.seconds);
          return seconds === undefined ? undefined : Math.round(seconds * 1000);
        };
        const from = optionalString(body, 'from');
        const displayName = optionalString(body, 'displayName');
        const queue = optionalString(body, 'queue');
        const patienceMs = ms('patienceSeconds');
        const talkMs = ms('talkSeconds');
        try {
          const id = world.enqueuePhoneCall({
            ...(from && { from }),
            ...(displayName && { displayName }),
            ...(queue && { queue }),
            ...(patienceMs !== undefined && { patienceMs }),
            ...(talkMs !== undefined && { talkMs }),
          });
          return send(201, { id });
        } catch (error) {
          // Every caller already on the line is the world's state, not a malformed request.
          throw new BadRequest(error instanceof AllCallersBusyError ? 409 : 400, (error as Error).message);
        }
      }
      case 'POST /emulator/scenario': {
        const body = await readJson(request);
        const running = body['running'];
        if (running !== undefined && typeof running !== 'boolean')
          throw new BadRequest(400, '"running" must be true or false.');
        const arrivalsPerMinute = optionalNumber(body, 'arrivalsPerMinute', RANGES.arrivalsPerMinute);
        const maxWaiting = optionalNumber(body, 'maxWaiting', RANGES.maxWaiting);
        const patienceSeconds = optionalPair(body, 'patienceSeconds', RANGES.wholeSeconds);
        const talkSeconds = optionalPair(body, 'talkSeconds', RANGES.wholeSeconds);
        try {
          world.scenario.configure({
            ...(running !== undefined && { running }),
            ...(arrivalsPerMinute !== undefined && { arrivalsPerMinute }),
            ...(maxWaiting !== undefined && { maxWaiting }),
            ...(patienceSeconds && { patienceSeconds }),
            ...(talkSeconds && { talkSeconds }),
          });
        } catch (error) {
          throw new BadRequest(400, (error as Error).message);
        }
        return send(200, { running: world.scenario.running, ...world.scenario.settings });
      }
      case 'POST /emulator/faults': {
        const body = await readJson(request);
        const op = optionalString(body, 'op');
        // A misspelt name ("mutee") would be accepted and never fire: the test then proves nothing.
        if (!op || !isFaultOperation(op))
          throw new BadRequest(
            400,
            `"op" names the operation to fault: one of ${FAULT_OPERATIONS.join(', ')}${op ? ` (not "${op}")` : ''}.`,
          );
        const code = optionalNumber(body, 'code', RANGES.code);
        const subCode = optionalNumber(body, 'subCode', RANGES.subCode);
        const delayMs = optionalNumber(body, 'delayMs', RANGES.delayMs);
        if (code === undefined && delayMs === undefined)
          throw new BadRequest(400, 'Give a "code" to fail with, a "delayMs", or both.');
        if (subCode !== undefined && code === undefined)
          throw new BadRequest(400, 'A "subCode" needs the "code" it belongs to.');
        if (delayMs !== undefined) world.faults.delayNext(op, delayMs);
        if (code !== undefined)
          world.faults.failNext(op, { code, ...(subCode !== undefined && { subCode }) });
        return send(200, { op, code, subCode, delayMs });
      }
      case 'POST /emulator/connections/drop': {
        const userKey = optionalString(await readJson(request), 'userKey');
        if (!userKey) throw new BadRequest(400, '"userKey" names whose consoles to cut off.');
        return send(200, { dropped: world.dropConnection(userKey) });
      }
      default: {
        const answer = await worldControl(world, route, () => readJson(request));
        return answer ? send(answer.status, answer.body) : send(404, { error: `No route ${route}.` });
      }
    }
  } catch (error) {
    if (error instanceof BadRequest) return send(error.status, { error: error.message });
    return send(500, { error: 'The emulator failed to handle the request.' });
  }
}
