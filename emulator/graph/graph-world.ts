/**
 * What the emulator's Microsoft Graph needs from the world: the tenant's Teams users, who an
 * access token belongs to, and the chat threads calls share with Teams chats. The Graph routes
 * depend on this interface only (the world is the hub; Graph is one of its faces).
 */
export interface GraphUser {
  /** The Entra object id: the user's `microsoftTeamsUserId`. */
  readonly id: string;
  readonly displayName: string;
  readonly userPrincipalName: string;
}

/** Graph's `chatType`: a group chat, a one-to-one chat (two members, for good) or a meeting's chat. */
export type GraphChatType = 'group' | 'oneOnOne' | 'meeting';

export interface GraphChat {
  /**
   * The chat's thread id: `19:<guid>@thread.v2` for a group chat (the `threadId` a group call
   * takes), `19:<id>_<id>@unq.gbl.spaces` for a one-to-one chat, `19:meeting_...` for a meeting's.
   */
  readonly id: string;
  readonly chatType: GraphChatType;
  readonly topic: string | null;
  /** Member object ids, in the order they joined. */
  readonly members: readonly string[];
  readonly createdAt: number;
}

/** A change the world refuses (no such chat, a member across an information barrier, ...). */
export class GraphWorldError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409,
    message: string,
  ) {
    super(message);
  }
}

/** A Teams user's presence as Graph reports it. */
export interface GraphPresence {
  readonly availability: string;
  readonly activity: string;
}

export interface GraphWorld {
  readonly tenantId: string;
  now(): number;
  users(): readonly GraphUser[];
  /** The object id of the user an access token was issued to; undefined for a bad or expired one. */
  tokenUser(accessToken: string): string | undefined;
  /** A new chat; a `oneOnOne` one has exactly two members and no topic. */
  createChat(members: readonly string[], topic: string | null, chatType?: 'group' | 'oneOnOne'): GraphChat;
  chat(id: string): GraphChat | undefined;
  /** Every chat in the tenant, oldest first (Graph's routes show a user the ones they are in). */
  chats(): readonly GraphChat[];
  addChatMember(chatId: string, userId: string): void;
  removeChatMember(chatId: string, userId: string): void;
  /** A Teams user's aggregated presence; undefined when the id is nobody in the tenant. */
  presence(userId: string): GraphPresence | undefined;
  /** Sets (or renews) an app's presence session for a user; the routes checked pair and duration. */
  setPresence(
    userId: string,
    session: GraphPresence & { readonly sessionId: string; readonly expirationMs: number },
  ): void;
  /** Ends an app's presence session; false when the user has no such session. */
  clearPresence(userId: string, sessionId: string): boolean;
}

/**
 * Stands in for a phone party in a chat. A group chat for a call with one Teams user and phone
 * numbers has it as a member; it is nobody in the directory.
 */
export const PHONE_PARTICIPANT_ID = '00000000-0000-0000-0000-000000000000';
