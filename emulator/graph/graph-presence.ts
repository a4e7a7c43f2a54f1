import { durationMs, isSettable, SESSION_MS, SETTABLE_PRESENCES } from '../engine/presence';
import { badRequest, forbidden, GRAPH_ROOT, notFound, type GraphResponse } from './graph-response';
import type { GraphPresence, GraphUser, GraphWorld } from './graph-world';

/** Graph's limit on ids in one `getPresencesByUserId`. */
const MAX_PRESENCE_IDS = 650;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const PAIRS = SETTABLE_PRESENCES.map((p) => `${p.availability}/${p.activity}`).join(', ');

function presenceResource(id: string, presence: GraphPresence): Record<string, unknown> {
  return { id, availability: presence.availability, activity: presence.activity };
}

/** The user a path names, by object id or user principal name. */
function findUser(world: GraphWorld, idOrName: string): GraphUser {
  const wanted = idOrName.toLowerCase();
  const user = world
    .users()
    .find((u) => u.id.toLowerCase() === wanted || u.userPrincipalName.toLowerCase() === wanted);
  if (!user) throw notFound(`Resource '${idOrName}' does not exist.`);
  return user;
}

/** Presence is set and cleared by the signed-in user's own apps only (delegated `Presence.ReadWrite`). */
function ownUser(world: GraphWorld, caller: string, idOrName: string): GraphUser {
  const user = findUser(world, idOrName);
  if (user.id.toLowerCase() !== caller.toLowerCase())
    throw forbidden("An app can set or clear only the signed-in user's own presence.");
  return user;
}

function bodyObject(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw badRequest('The request body must be a JSON object.');
  return body as Record<string, unknown>;
}

function sessionIdOf(body: Record<string, unknown>): string {
  const { sessionId } = body;
  if (typeof sessionId !== 'string' || sessionId.trim() === '' || sessionId.length > 256)
    throw badRequest('"sessionId" is required: the ID of the application setting the presence.');
  return sessionId;
}

/** `GET /me/presence`, `GET /users/{id}/presence`: `{ id, availability, activity }`. */
export function getPresence(world: GraphWorld, idOrName: string): GraphResponse {
  const user = findUser(world, idOrName);
  return {
    status: 200,
    body: {
      '@odata.context': `${GRAPH_ROOT}/$metadata#users('${user.id}')/presence/$entity`,
      ...presenceResource(user.id, world.presence(user.id)!),
    },
  };
}

/**
 * `POST /users/{id}/presence/setPresence` `{ sessionId, availability, activity, expirationDuration }`
 * and `.../clearPresence` `{ sessionId }`: the caller's own presence only. 200 with no body.
 */
export function changePresence(
  world: GraphWorld,
  caller: string,
  idOrName: string,
  action: 'setPresence' | 'clearPresence',
  body: unknown,
): GraphResponse {
  const user = ownUser(world, caller, idOrName);
  const fields = bodyObject(body);
  const sessionId = sessionIdOf(fields);
  if (action === 'setPresence') setSession(world, user.id, sessionId, fields);
  // A session that never was, or has expired, is Graph's 404.
  else if (!world.clearPresence(user.id, sessionId))
    throw notFound(`No presence session '${sessionId}' for this user (it may have expired).`);
  return { status: 200 };
}

/** One of the documented pairs, for PT5M to PT4H (PT5M when not given); set again, it renews. */
function setSession(
  world: GraphWorld,
  userId: string,
  sessionId: string,
  fields: Record<string, unknown>,
): void {
  const { availability, activity, expirationDuration } = fields;
  if (typeof availability !== 'string' || typeof activity !== 'string')
    throw badRequest(`"availability" and "activity" are required: one of ${PAIRS}.`);
  if (!isSettable({ availability, activity }))
    throw badRequest(`The presence ${availability}/${activity} cannot be set: use one of ${PAIRS}.`);
  let expirationMs: number = SESSION_MS.default;
  if (expirationDuration !== undefined) {
    const ms = typeof expirationDuration === 'string' ? durationMs(expirationDuration) : undefined;
    if (ms === undefined || ms < SESSION_MS.min || ms > SESSION_MS.max)
      throw badRequest(
        `"expirationDuration" must be an ISO 8601 duration from PT5M to PT4H, not ${JSON.stringify(expirationDuration)}.`,
      );
    expirationMs = ms;
  }
  world.setPresence(userId, { sessionId, availability, activity, expirationMs });
}

/**
 * `POST /communications/getPresencesByUserId` `{ ids }`: each id's presence, in order; an id that
 * is nobody in the tenant is `PresenceUnknown`.
 */
export function getPresencesByUserId(world: GraphWorld, body: unknown): GraphResponse {
  const { ids } = bodyObject(body);
  if (
    !Array.isArray(ids) ||
    ids.length === 0 ||
    ids.length > MAX_PRESENCE_IDS ||
    !ids.every((id): id is string => typeof id === 'string' && GUID.test(id))
  )
    throw badRequest(`"ids" must be a list of 1 to ${MAX_PRESENCE_IDS} user object ids (GUIDs).`);
  const unknown: GraphPresence = { availability: 'PresenceUnknown', activity: 'PresenceUnknown' };
  return {
    status: 200,
    body: {
      '@odata.context': `${GRAPH_ROOT}/$metadata#Collection(microsoft.graph.presence)`,
      value: ids.map((id) => presenceResource(id, world.presence(id) ?? unknown)),
    },
  };
}
