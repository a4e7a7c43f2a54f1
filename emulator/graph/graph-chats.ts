import { chatListQuery, skipToken } from './chat-list-query';
import {
  GraphWorldError,
  PHONE_PARTICIPANT_ID,
  type GraphChat,
  type GraphUser,
  type GraphWorld,
} from './graph-world';
import {
  badRequest,
  forbidden,
  GRAPH_ROOT,
  GraphHttpError,
  notFound,
  type GraphResponse,
} from './graph-response';

const MEMBER_TYPE = '#microsoft.graph.aadUserConversationMember';

/** The most members Graph lists for each chat of a list expanding them (its known issue). */
export const MEMBERS_IN_LISTED_CHAT = 25;

/**
 * A membership's id: Graph's are opaque strings per (chat, user); the emulator's encode the user,
 * so a `DELETE` names the member without a lookup table.
 */
export function membershipId(chatId: string, userId: string): string {
  return btoa(`${userId}#${chatId}`).replace(/=+$/, '');
}

function userOfMembership(chatId: string, id: string): string | undefined {
  try {
    const [userId, chat] = atob(id).split('#');
    return chat === chatId ? userId : undefined;
  } catch {
    return undefined;
  }
}

/** `users('<id>')` or `.../users/<id>` in a member's `user@odata.bind`. */
function boundUser(member: unknown): string {
  const bind = (member as Record<string, unknown> | null)?.['user@odata.bind'];
  if (typeof bind !== 'string')
    throw badRequest(
      'Each member needs "user@odata.bind": "https://graph.microsoft.com/v1.0/users(\'<id>\')".',
    );
  const id = /users\('([^']+)'\)$/.exec(bind)?.[1] ?? /users\/([^/?'()]+)$/.exec(bind)?.[1];
  if (!id) throw badRequest(`"user@odata.bind" does not name a user: ${bind}`);
  return id.toLowerCase();
}

/** The tenant's users by id, once per list (the world's list is made once): chats name thousands. */
const byIdOfList = new WeakMap<readonly GraphUser[], ReadonlyMap<string, GraphUser>>();
function usersById(world: GraphWorld): ReadonlyMap<string, GraphUser> {
  const users = world.users();
  let byId = byIdOfList.get(users);
  if (!byId) byIdOfList.set(users, (byId = new Map(users.map((user) => [user.id, user]))));
  return byId;
}

export class GraphChats {
  constructor(
    private readonly world: GraphWorld,
    private readonly caller: string,
  ) {}

  /**
   * `POST /chats`: a group chat, or a one-to-one chat (two members, no topic), the caller among
   * its members. Only one one-to-one chat exists between two users: asking again answers it.
   */
  create(body: unknown): GraphResponse {
    const { chatType, topic, members } = (body ?? {}) as Record<string, unknown>;
    if (chatType !== 'group' && chatType !== 'oneOnOne')
      throw badRequest('"chatType" must be "group" or "oneOnOne".');
    if (topic !== undefined && topic !== null && typeof topic !== 'string')
      throw badRequest('"topic" must be a string.');
    if (!Array.isArray(members) || members.length < 2)
      throw badRequest('"members" must list at least two members, the signed-in user among them.');
    const ids = [...new Set(members.map(boundUser))];
    if (!ids.includes(this.caller))
      throw forbidden('The signed-in user must be a member of the chat they create.');
    for (const id of ids) this.requireKnown(id);
    const chat =
      chatType === 'oneOnOne'
        ? this.oneOnOne(ids, topic)
        : this.world.createChat(ids, (topic as string | undefined) ?? null);
    return {
      status: 201,
      body: { '@odata.context': `${GRAPH_ROOT}/$metadata#chats/$entity`, ...this.resource(chat) },
    };
  }

  /**
   * `GET /me/chats` (or `GET /chats`): the chats the caller is a member of, newest first, a page at
   * a time (`@odata.nextLink`), with `$filter`, `$expand=members,lastMessagePreview`, `$top` and
   * `$orderby` as Graph takes them for chats. Graph lists at most 25 members of each chat when it
   * expands them (a documented known issue), and so does the emulator.
   */
  list(path: string, query: URLSearchParams, origin = GRAPH_ROOT.replace(/\/v1\.0$/, '')): GraphResponse {
    const options = chatListQuery(query);
    const displayName = (userId: string) => usersById(this.world).get(userId)?.displayName ?? null;
    const mine = this.world
      .chats()
      .filter((chat) => chat.members.includes(this.caller) && options.keep(chat, displayName))
      .reverse();
    const page = mine.slice(options.offset, options.offset + options.top);
    const next = options.offset + page.length;
    const nextLink =
      next < mine.length
        ? `${origin}/v1.0/${path}?${[...options.repeat, ['$skiptoken', skipToken(next)]]
            .map(([name, value]) => `${name}=${encodeURIComponent(value!)}`)
            .join('&')}`
        : undefined;
    return {
      status: 200,
      body: {
        '@odata.context': `${GRAPH_ROOT}/$metadata#chats${options.expandMembers ? '(members())' : ''}`,
        '@odata.count': page.length,
        ...(nextLink && { '@odata.nextLink': nextLink }),
        value: page.map((chat) => ({
          ...this.resource(chat),
          ...(options.expandLastMessagePreview && { lastMessagePreview: null }),
          ...(options.expandMembers && {
            members: this.members(chat).slice(0, MEMBERS_IN_LISTED_CHAT),
          }),
        })),
      },
    };
  }

  /** `GET /chats/{id}` (with `$expand=members`). */
  get(chatId: string, query: URLSearchParams): GraphResponse {
    const chat = this.memberChat(chatId);
    const expand = query.get('$expand');
    if (expand !== null && expand !== 'members') throw badRequest(`Cannot expand '${expand}': only members.`);
    return {
      status: 200,
      body: {
        '@odata.context': `${GRAPH_ROOT}/$metadata#chats/$entity`,
        ...this.resource(chat),
        ...(expand === 'members' && { members: this.members(chat) }),
      },
    };
  }

  /** `GET /chats/{id}/members`. */
  listMembers(chatId: string): GraphResponse {
    const chat = this.memberChat(chatId);
    return {
      status: 200,
      body: {
        '@odata.context': `${GRAPH_ROOT}/$metadata#chats('${chatId}')/members`,
        '@odata.count': chat.members.length,
        value: this.members(chat),
      },
    };
  }

  /** `POST /chats/{id}/members`: adds a user (a member may add others). */
  addMember(chatId: string, body: unknown): GraphResponse {
    const chat = this.changeableChat(chatId);
    const type = (body as Record<string, unknown> | null)?.['@odata.type'];
    if (type !== MEMBER_TYPE) throw badRequest(`"@odata.type" must be "${MEMBER_TYPE}".`);
    const userId = boundUser(body);
    this.requireKnown(userId);
    if (chat.members.includes(userId))
      throw new GraphHttpError(409, 'Conflict', 'The user is already a member of this chat.');
    this.change(() => this.world.addChatMember(chatId, userId));
    return {
      status: 201,
      body: {
        '@odata.context': `${GRAPH_ROOT}/$metadata#chats('${chatId}')/members/$entity`,
        ...this.member(chatId, userId),
      },
    };
  }

  /** `DELETE /chats/{id}/members/{membershipId}`: removes a member (or the caller leaves). */
  removeMember(chatId: string, id: string): GraphResponse {
    const chat = this.changeableChat(chatId);
    const userId = userOfMembership(chatId, id);
    if (!userId || !chat.members.includes(userId)) throw notFound(`No member '${id}' in this chat.`);
    this.change(() => this.world.removeChatMember(chatId, userId));
    return { status: 204 };
  }

  private memberChat(chatId: string): GraphChat {
    const chat = this.world.chat(chatId);
    if (!chat) throw notFound(`No chat '${chatId}'.`);
    if (!chat.members.includes(this.caller))
      throw forbidden('The signed-in user is not a member of this chat.');
    return chat;
  }

  /** A chat whose members may change: a one-to-one chat's never do. */
  private changeableChat(chatId: string): GraphChat {
    const chat = this.memberChat(chatId);
    if (chat.chatType === 'oneOnOne')
      throw badRequest(
        'Members cannot be added to or removed from a one-on-one chat: create a group chat instead.',
      );
    return chat;
  }

  /** The one-to-one chat of two users, made on first asking. */
  private oneOnOne(ids: readonly string[], topic: unknown): GraphChat {
    if (ids.length !== 2) throw badRequest('A oneOnOne chat has exactly two members.');
    if (topic !== undefined && topic !== null)
      throw badRequest('Only a group chat can have a topic; a oneOnOne chat has none.');
    if (ids.includes(PHONE_PARTICIPANT_ID))
      throw badRequest('The phone participant stand-in can only be a member of a group chat.');
    const existing = this.world
      .chats()
      .find((chat) => chat.chatType === 'oneOnOne' && ids.every((id) => chat.members.includes(id)));
    return existing ?? this.world.createChat(ids, null, 'oneOnOne');
  }

  private requireKnown(userId: string): void {
    if (userId === PHONE_PARTICIPANT_ID) return;
    if (!usersById(this.world).has(userId))
      throw notFound(
        `Resource '${userId}' does not exist or one of its queried reference-property objects are not present.`,
      );
  }

  private change(apply: () => void): void {
    try {
      apply();
    } catch (error) {
      if (error instanceof GraphWorldError)
        throw new GraphHttpError(
          error.status,
          error.status === 403 ? 'Forbidden' : 'BadRequest',
          error.message,
        );
      throw error;
    }
  }

  private resource(chat: GraphChat): Record<string, unknown> {
    const created = new Date(chat.createdAt).toISOString();
    return {
      id: chat.id,
      topic: chat.topic,
      createdDateTime: created,
      lastUpdatedDateTime: created,
      chatType: chat.chatType,
      webUrl: `https://teams.microsoft.com/l/chat/${encodeURIComponent(chat.id)}/0?tenantId=${this.world.tenantId}`,
      tenantId: this.world.tenantId,
    };
  }

  private members(chat: GraphChat): Record<string, unknown>[] {
    return chat.members.map((userId) => this.member(chat.id, userId));
  }

  private member(chatId: string, userId: string): Record<string, unknown> {
    const user = usersById(this.world).get(userId);
    return {
      '@odata.type': MEMBER_TYPE,
      id: membershipId(chatId, userId),
      roles: ['owner'],
      displayName: user?.displayName ?? null,
      visibleHistoryStartDateTime: '0001-01-01T00:00:00Z',
      userId,
      email: user?.userPrincipalName ?? null,
      tenantId: this.world.tenantId,
    };
  }
}
