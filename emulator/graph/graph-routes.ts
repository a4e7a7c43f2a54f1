import { GraphChats } from './graph-chats';
import type { GraphFaults } from './graph-faults';
import { changePresence, getPresence, getPresencesByUserId } from './graph-presence';
import {
  errorResponse,
  GraphHttpError,
  notFound,
  type GraphRequest,
  type GraphResponse,
} from './graph-response';
import { getUser, listUsers } from './graph-users';
import type { GraphWorld } from './graph-world';

const VERSION = '/v1.0';

/**
 * The emulator's Microsoft Graph: the subset the console uses, in Graph's shapes, so
 * `@microsoft/microsoft-graph-client` works against it unchanged. Users: `GET /users` (`$search`
 * with `ConsistencyLevel: eventual`, `$filter`, `$select`, `$top`), `GET /users/{id}`, `GET /me`.
 * Chats: `POST /chats` (group, or oneOnOne: the existing one if any), `GET /me/chats` and
 * `GET /chats` (the caller's, `$filter`, `$expand`, `$top`, paged with `@odata.nextLink`), `GET /chats/{id}`, `GET|POST /chats/{id}/members`,
 * `DELETE /chats/{id}/members/{membershipId}`. Presence: `GET /me/presence`, `GET /users/{id}/presence`,
 * `POST /users/{id}/presence/setPresence` and `.../clearPresence` (the caller's own only),
 * `POST /communications/getPresencesByUserId`. Every request needs a signed-in user's access token.
 * `faults`: refusals injected by a test, answered once the caller is known to be signed in.
 */
export function answerGraph(world: GraphWorld, request: GraphRequest, faults?: GraphFaults): GraphResponse {
  try {
    const url = new URL(request.url, 'http://graph');
    if (!url.pathname.startsWith(`${VERSION}/`))
      throw notFound(`No Graph version in ${url.pathname}: use /v1.0.`);
    const caller = authenticate(world, request.headers['authorization']);
    const injected = faults?.take(request.method, url.pathname.slice(VERSION.length));
    if (injected) throw injected;
    const segments = url.pathname
      .slice(VERSION.length + 1)
      .split('/')
      .map((segment) => decodeURIComponent(segment));
    return route(world, caller, request, segments, url.searchParams);
  } catch (error) {
    if (error instanceof GraphHttpError) return errorResponse(error, world.now());
    if (error instanceof URIError)
      return errorResponse(
        new GraphHttpError(400, 'BadRequest', 'The path is not valid URL encoding.'),
        world.now(),
      );
    throw error;
  }
}

function authenticate(world: GraphWorld, authorization: string | undefined): string {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  if (!token) throw new GraphHttpError(401, 'InvalidAuthenticationToken', 'Access token is empty.');
  const user = world.tokenUser(token);
  if (!user)
    throw new GraphHttpError(
      401,
      'InvalidAuthenticationToken',
      'Access token has expired or is not yet valid.',
    );
  return user;
}

function route(
  world: GraphWorld,
  caller: string,
  request: GraphRequest,
  segments: string[],
  query: URLSearchParams,
): GraphResponse {
  const method = request.method.toUpperCase();
  const chats = () => new GraphChats(world, caller);
  const [resource, id, sub, subId, ...more] = segments;
  const where = `${method} /${segments.join('/')}`;
  if (more.length > 0) throw notFound(`No Graph route ${where} in the emulator.`);
  switch (resource) {
    case 'me':
      if (method === 'GET' && id === undefined) return getUser(world.users(), caller, query);
      if (method === 'GET' && id === 'chats' && sub === undefined)
        return chats().list('me/chats', query, request.origin);
      if (method === 'GET' && id === 'presence' && sub === undefined) return getPresence(world, caller);
      break;
    case 'users':
      if (method === 'GET' && id === undefined)
        return listUsers(world.users(), query, request.headers['consistencylevel']);
      if (method === 'GET' && id && sub === undefined) return getUser(world.users(), id, query);
      if (!id || sub !== 'presence') break;
      if (method === 'GET' && subId === undefined) return getPresence(world, id);
      if (method === 'POST' && (subId === 'setPresence' || subId === 'clearPresence'))
        return changePresence(world, caller, id, subId, request.body);
      break;
    case 'communications':
      if (method === 'POST' && id === 'getPresencesByUserId' && sub === undefined)
        return getPresencesByUserId(world, request.body);
      break;
    case 'chats':
      if (method === 'POST' && id === undefined) return chats().create(request.body);
      if (method === 'GET' && id === undefined) return chats().list('chats', query, request.origin);
      if (!id) break;
      if (method === 'GET' && sub === undefined) return chats().get(id, query);
      if (sub !== 'members') break;
      if (method === 'GET' && subId === undefined) return chats().listMembers(id);
      if (method === 'POST' && subId === undefined) return chats().addMember(id, request.body);
      if (method === 'DELETE' && subId) return chats().removeMember(id, subId);
      break;
  }
  throw notFound(`No Graph route ${where} in the emulator.`);
}
