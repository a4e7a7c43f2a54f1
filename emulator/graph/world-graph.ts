import { TENANT_ID } from '../engine/directory';
import type { ChatThread } from '../engine/threads';
import type { World } from '../engine/world';
import {
  GraphWorldError,
  type GraphChat,
  type GraphChatType,
  type GraphUser,
  type GraphWorld,
} from './graph-world';

/** The emulated tenant's sign-in names: `<key>@switchboard.example`, as its Entra ID issues them. */
export const TENANT_DOMAIN = 'switchboard.example';

/** A one-to-one chat's id, as Teams makes it: both members' object ids, in order. */
export function oneOnOneChatId(members: readonly string[]): string {
  return `19:${[...members]
    .map((m) => m.toLowerCase())
    .sort()
    .join('_')}@unq.gbl.spaces`;
}

function chatTypeOf(id: string): GraphChatType {
  if (id.startsWith('19:meeting_')) return 'meeting';
  return id.endsWith('@unq.gbl.spaces') ? 'oneOnOne' : 'group';
}

function toChat(thread: ChatThread): GraphChat {
  return {
    id: thread.id,
    chatType: chatTypeOf(thread.id),
    topic: thread.topic ?? null,
    members: [...thread.members],
    createdAt: thread.createdAt,
  };
}

/** The directory key of a Teams user (a console user or a scripted colleague) by object id. */
function teamsUserKey(world: World, userId: string): string | undefined {
  const found = world.directory.teamsUser(userId);
  if (found.kind === 'user') return found.user.key;
  return found.kind === 'colleague' ? found.colleague.key : undefined;
}

/**
 * The world as Microsoft Graph sees it: the directory's Teams users (console users, generated ones
 * included, and scripted colleagues), the sign-in access tokens it issued, its chat threads, which are the threads
 * group calls and `addParticipant` name, and its users' presence.
 */
export function graphWorldOf(world: World): GraphWorld {
  // The directory is fixed once the world exists (generated users included): made once, not per request.
  const tenantUsers: readonly GraphUser[] = Object.freeze(
    [...world.directory.users, ...world.directory.colleagues].map((user) => ({
      id: user.microsoftTeamsUserId,
      displayName: user.displayName,
      userPrincipalName: `${user.key}@${TENANT_DOMAIN}`,
    })),
  );
  const users = () => tenantUsers;
  const change = (apply: () => void) => {
    try {
      apply();
    } catch (error) {
      throw new GraphWorldError(404, (error as Error).message);
    }
  };
  return {
    tenantId: TENANT_ID,
    now: () => world.clock.now(),
    users,
    tokenUser: (token) => world.accessTokenUser(token)?.microsoftTeamsUserId,
    createChat: (members, topic, chatType = 'group') =>
      toChat(
        world.threads.create(
          { members, ...(topic && { topic }) },
          world.clock.now(),
          chatType === 'oneOnOne' ? oneOnOneChatId(members) : undefined,
        ),
      ),
    chat: (id) => {
      const thread = world.threads.get(id);
      return thread && toChat(thread);
    },
    chats: () => world.threads.list().map(toChat),
    addChatMember: (id, userId) => change(() => world.threads.addMember(id, userId)),
    removeChatMember: (id, userId) => change(() => world.threads.removeMember(id, userId)),
    presence: (userId) => {
      const key = teamsUserKey(world, userId);
      return key === undefined ? undefined : world.presence.of(key);
    },
    setPresence: (userId, session) => {
      const key = teamsUserKey(world, userId);
      if (key !== undefined) world.presence.set(key, session);
    },
    clearPresence: (userId, sessionId) => {
      const key = teamsUserKey(world, userId);
      return key !== undefined && world.presence.clear(key, sessionId);
    },
  };
}
