import { badRequest } from './graph-response';
import type { GraphChat } from './graph-world';

/** What `GET /me/chats` takes from its query, as Graph documents it for listing chats. */
export interface ChatListQuery {
  /** Which chats the filter keeps, given a chat and its members' display names. */
  readonly keep: (chat: GraphChat, displayName: (userId: string) => string | null) => boolean;
  readonly expandMembers: boolean;
  readonly expandLastMessagePreview: boolean;
  readonly top: number;
  /** Where this page starts in the caller's list (from `$skiptoken`). */
  readonly offset: number;
  /** The options to repeat in `@odata.nextLink` (all but `$skiptoken`), as given. */
  readonly repeat: readonly [string, string][];
}

/** Chats per page without `$top`, and the most `$top` may ask for (Graph: "maximum value is 50"). */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 50;

const CHAT_TYPES = new Set(['group', 'oneOnOne', 'meeting', 'unknownFutureValue']);
const ORDER_BY = 'lastMessagePreview/createdDateTime desc';
const OPTIONS = new Set(['$filter', '$expand', '$top', '$orderby', '$skiptoken']);
const MEMBER_CAST = 'microsoft.graph.aadUserConversationMember/';

/** Reads the query of a chat list; anything Graph does not support for chats is a 400. */
export function chatListQuery(query: URLSearchParams): ChatListQuery {
  const options = new Map<string, string>();
  const repeat: [string, string][] = [];
  for (const [name, value] of query) {
    if (!name.startsWith('$')) continue;
    const option = name.toLowerCase();
    if (!OPTIONS.has(option))
      throw badRequest(
        `Query option '${name}' is not supported when listing chats: use $filter, $expand, $top or $orderby.`,
      );
    if (options.has(option)) throw badRequest(`Query option '${name}' was specified more than once.`);
    options.set(option, value);
    if (option !== '$skiptoken') repeat.push([name, value]);
  }
  const expand = expansions(options.get('$expand'));
  const orderBy = options.get('$orderby');
  if (orderBy !== undefined && orderBy.trim().replace(/\s+/g, ' ') !== ORDER_BY)
    throw badRequest(
      `Chats can be ordered by '${ORDER_BY}' only (ascending order is not supported), not '${orderBy}'.`,
    );
  const filter = options.get('$filter');
  return {
    keep: filter === undefined ? () => true : filterOf(filter),
    expandMembers: expand.has('members'),
    expandLastMessagePreview: expand.has('lastmessagepreview'),
    top: pageSize(options.get('$top')),
    offset: skipTokenOffset(options.get('$skiptoken')),
    repeat,
  };
}

/** `$skiptoken` for the page after `offset` chats: opaque to clients, as Graph's are. */
export function skipToken(offset: number): string {
  return btoa(`chats:${offset}`).replace(/=+$/, '');
}

function skipTokenOffset(token: string | undefined): number {
  if (token === undefined) return 0;
  let decoded = '';
  try {
    decoded = atob(token);
  } catch {
    // not base64: refused below
  }
  const offset = /^chats:(\d{1,9})$/.exec(decoded)?.[1];
  if (offset === undefined) throw badRequest('The $skiptoken is not valid: follow @odata.nextLink as given.');
  return Number(offset);
}

function expansions(expand: string | undefined): Set<string> {
  const names = new Set<string>();
  if (expand === undefined) return names;
  for (const name of expand.split(',').map((n) => n.trim())) {
    const known = name.toLowerCase();
    if (known !== 'members' && known !== 'lastmessagepreview')
      throw badRequest(
        `Could not find a navigation property named '${name}' on 'microsoft.graph.chat': expand members or lastMessagePreview.`,
      );
    names.add(known);
  }
  return names;
}

function pageSize(top: string | undefined): number {
  if (top === undefined) return DEFAULT_PAGE_SIZE;
  const size = /^\d{1,4}$/.test(top.trim()) ? Number(top) : NaN;
  if (!(size >= 1 && size <= MAX_PAGE_SIZE))
    throw badRequest(
      `Invalid page size specified: '${top}'. Must be between 1 and ${MAX_PAGE_SIZE} inclusive.`,
    );
  return size;
}

type Keep = ChatListQuery['keep'];

const QUOTED = "'((?:[^']|'')*)'";
const unquote = (value: string) => value.replace(/''/g, "'");

/**
 * `$filter` on chats, as Graph takes it: `chatType eq '...'`, `topic eq '...'`, and a member by
 * display name (`members/any(m: m/displayName eq '...')`) or by object id, which needs the
 * member type cast (`members/any(m: m/microsoft.graph.aadUserConversationMember/userId eq '...')`);
 * clauses joined by `and`. Other operators and properties are refused.
 */
function filterOf(filter: string): Keep {
  const clauses = splitAnd(filter.trim());
  const keeps = clauses.map(clauseOf);
  return (chat, displayName) => keeps.every((keep) => keep(chat, displayName));
}

function clauseOf(clause: string): Keep {
  const property = new RegExp(`^(\\w+)\\s+eq\\s+${QUOTED}$`).exec(clause);
  if (property) {
    const [, name, quoted] = property;
    const value = unquote(quoted!);
    if (name === 'chatType') {
      if (!CHAT_TYPES.has(value))
        throw badRequest(
          `The string '${value}' is not a valid enumeration type constant for chatType: use ${[...CHAT_TYPES].join(', ')}.`,
        );
      return (chat) => chat.chatType === value;
    }
    if (name === 'topic') return (chat) => chat.topic === value;
    throw invalidFilter(clause);
  }
  const member = new RegExp(`^members/any\\((\\w+):\\s*(\\w+)/([\\w./]+)\\s+eq\\s+${QUOTED}\\)$`).exec(
    clause,
  );
  if (member) {
    const [, variable, used, path, quoted] = member;
    if (variable !== used) throw invalidFilter(clause);
    const value = unquote(quoted!).toLowerCase();
    if (path!.toLowerCase() === 'displayname')
      return (chat, displayName) => chat.members.some((id) => displayName(id)?.toLowerCase() === value);
    if (path === `${MEMBER_CAST}userId`) return (chat) => chat.members.includes(value);
    if (path!.toLowerCase() === 'userid')
      throw badRequest(
        `Could not find a property named 'userId' on type 'microsoft.graph.conversationMember': cast the member, ${variable}/${MEMBER_CAST}userId.`,
      );
    throw invalidFilter(clause);
  }
  throw invalidFilter(clause);
}

function invalidFilter(clause: string) {
  return badRequest(
    `Invalid filter clause: ${clause}. Chats filter on chatType eq '...', topic eq '...' and members/any(m: m/displayName eq '...'), joined by and.`,
  );
}

/** The clauses of `a and b and c`, outside quotes and parentheses; any `or`/`not` stays in a clause and fails it. */
function splitAnd(filter: string): string[] {
  const clauses: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < filter.length; i++) {
    const c = filter[i];
    if (c === "'") quoted = !quoted;
    else if (!quoted && c === '(') depth++;
    else if (!quoted && c === ')') depth--;
    else if (!quoted && depth === 0 && /^\s+and\s+/i.test(filter.slice(i)) && /\s/.test(c!)) {
      const gap = /^\s+and\s+/i.exec(filter.slice(i))![0];
      clauses.push(filter.slice(start, i).trim());
      i += gap.length - 1;
      start = i + 1;
    }
  }
  clauses.push(filter.slice(start).trim());
  if (clauses.some((c) => !c)) throw badRequest(`Invalid filter clause: ${filter}.`);
  return clauses;
}
