import type { GraphUser } from './graph-world';
import { badRequest, GRAPH_ROOT, notFound, selectProperties, type GraphResponse } from './graph-response';

const SEARCHABLE = new Set(['displayName', 'userPrincipalName', 'mail', 'givenName', 'surname']);
const MAX_TOP = 999;

function userResource(user: GraphUser): Record<string, unknown> {
  const [givenName, ...rest] = user.displayName.split(' ');
  return {
    id: user.id,
    displayName: user.displayName,
    givenName: givenName ?? null,
    surname: rest.join(' ') || null,
    userPrincipalName: user.userPrincipalName,
    mail: user.userPrincipalName,
  };
}

/** Graph's `$search` on a property: a word of it (or the whole) starts with the term, any case. */
function matchesTerm(value: unknown, term: string): boolean {
  if (typeof value !== 'string') return false;
  const text = value.toLowerCase();
  return text.startsWith(term) || text.split(/[\s.@_-]+/).some((word) => word.startsWith(term));
}

/** `"displayName:bla"` or `"bla"` (display name): the clause Graph's `$search` takes for users. */
function searchFilter(
  search: string,
  consistencyLevel: string | undefined,
): (user: Record<string, unknown>) => boolean {
  if (consistencyLevel?.toLowerCase() !== 'eventual')
    throw badRequest(
      "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'",
    );
  const clause = /^"(?:(\w+):)?([^"]*)"$/.exec(search.trim());
  if (!clause)
    throw badRequest('Syntax error: the $search clause must be in double quotes, e.g. "displayName:ann".');
  const property = clause[1] ?? 'displayName';
  if (!SEARCHABLE.has(property))
    throw badRequest(`Property '${property}' cannot be searched: use one of ${[...SEARCHABLE].join(', ')}.`);
  const term = clause[2]!.trim().toLowerCase();
  return (user) => matchesTerm(user[property], term);
}

/** The `$filter`s the emulator understands: `startswith(prop,'x')`, `prop eq 'x'`. */
function filterFunction(filter: string): (user: Record<string, unknown>) => boolean {
  const startsWith = /^startswith\((\w+),\s*'((?:[^']|'')*)'\)$/i.exec(filter.trim());
  if (startsWith) {
    const [, property, value] = startsWith;
    const prefix = value!.replace(/''/g, "'").toLowerCase();
    return (user) =>
      String(user[property!] ?? '')
        .toLowerCase()
        .startsWith(prefix);
  }
  const equals = /^(\w+)\s+eq\s+'((?:[^']|'')*)'$/i.exec(filter.trim());
  if (equals) {
    const [, property, value] = equals;
    const wanted = value!.replace(/''/g, "'").toLowerCase();
    return (user) => String(user[property!] ?? '').toLowerCase() === wanted;
  }
  throw badRequest(
    `Unsupported filter: ${filter}. The emulator takes startswith(property,'text') and property eq 'text'.`,
  );
}

/** `GET /users`: the tenant's users, searched (`$search`), filtered (`$filter`), `$select`, `$top`. */
export function listUsers(
  users: readonly GraphUser[],
  query: URLSearchParams,
  consistencyLevel: string | undefined,
): GraphResponse {
  let found = users.map(userResource);
  const search = query.get('$search');
  if (search !== null) found = found.filter(searchFilter(search, consistencyLevel));
  const filter = query.get('$filter');
  if (filter !== null) found = found.filter(filterFunction(filter));
  found.sort((a, b) => String(a['displayName']).localeCompare(String(b['displayName'])));
  const topText = query.get('$top');
  if (topText !== null) {
    const top = Number(topText);
    if (!Number.isInteger(top) || top < 1 || top > MAX_TOP)
      throw badRequest(
        `Invalid page size specified: '${topText}'. Must be between 1 and ${MAX_TOP} inclusive.`,
      );
    found = found.slice(0, top);
  }
  const select = query.get('$select');
  return {
    status: 200,
    body: {
      '@odata.context': `${GRAPH_ROOT}/$metadata#users${select ? `(${select})` : ''}`,
      value: found.map((user) => selectProperties(user, select)),
    },
  };
}

/** `GET /users/{id | userPrincipalName}` (and `/me`, with the caller's id). */
export function getUser(
  users: readonly GraphUser[],
  idOrName: string,
  query: URLSearchParams,
): GraphResponse {
  const wanted = idOrName.toLowerCase();
  const user = users.find((u) => u.id === wanted || u.userPrincipalName.toLowerCase() === wanted);
  if (!user)
    throw notFound(
      `Resource '${idOrName}' does not exist or one of its queried reference-property objects are not present.`,
    );
  return {
    status: 200,
    body: {
      '@odata.context': `${GRAPH_ROOT}/$metadata#users/$entity`,
      ...selectProperties(userResource(user), query.get('$select')),
    },
  };
}
