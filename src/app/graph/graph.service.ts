import { inject, Injectable, InjectionToken, Injector } from '@angular/core';
import type { Client, ResponseType } from '@microsoft/microsoft-graph-client';
import { RUNTIME_CONFIG } from '../core/runtime-config';
import type { TeamsPresence } from '../model/agent-presence';
import type { Failure } from '../model/failure';
import type { DirectoryPerson } from '../model/directory-person';
import { GRAPH_CLIENT_FACTORY, GRAPH_SIGN_IN_FAILED } from './graph-client';

/** A member of a chat: its membership id (to remove it) and the user it is. */
export interface ChatMember {
  readonly membershipId: string;
  readonly userId: string;
}

/**
 * Stands in for a phone party in a chat: a group chat for a call with one Teams user and phone
 * numbers has it as a member (docs/architecture.md, chat threads).
 */
export const PHONE_PARTICIPANT_ID = '00000000-0000-0000-0000-000000000000';

/** A failed Graph request, in words, with the HTTP status as its code. */
export class GraphFailure extends Error implements Failure {
  constructor(
    message: string,
    readonly code?: number,
  ) {
    super(message);
    this.name = 'GraphFailure';
  }
}

const SUGGESTIONS = 8;

/** Chats per page when looking for one (Graph's most), and how many pages to look through. */
const CHATS_PER_PAGE = 50;
const CHAT_PAGES = 20;

/** Graph lists at most this many members of each chat when it expands them in a list. */
const MEMBERS_LISTED = 25;

interface ChatPage {
  readonly value?: readonly { id: string; members?: readonly { userId?: string | null }[] }[];
  readonly '@odata.nextLink'?: string;
}

/**
 * The console's presence session: Graph's `setPresence` takes the application (client) id as the
 * `sessionId`, so every console of a user shares one session (Graph, "presence: setPresence").
 */
export const PRESENCE_SESSION_ID = new InjectionToken<string>('PRESENCE_SESSION_ID', {
  providedIn: 'root',
  factory: () => inject(RUNTIME_CONFIG).clientId,
});

/** How long a presence session lasts unless set again (Graph takes PT5M to PT4H). */
export const PRESENCE_EXPIRATION = 'PT10M';

/** What a request is for: `Looking …` (then "failed: why."), or the whole sentence around the why. */
type Purpose = string | ((why: string) => string);

const sentence = (purpose: Purpose, why: string) => {
  const reason = why.replace(/\.$/, '');
  return typeof purpose === 'string' ? `${purpose} failed: ${reason}.` : purpose(reason);
};

/** Graph answers setPresence and clearPresence 200 with no body: read as text, not JSON. */
const NO_CONTENT = 'text' as ResponseType;

const presenceNotSet = (why: string) => `Your Teams presence could not be set: ${why}.`;

const bind = (userId: string) => `https://graph.microsoft.com/v1.0/users('${userId}')`;

/**
 * The console's boundary with Microsoft Graph, beside `calling/`: the directory (who to call) and
 * Teams chats (the threads group calls and added participants need). Every failure is a
 * `GraphFailure` saying what could not be done and why.
 */
@Injectable({ providedIn: 'root' })
export class GraphService {
  // The client is made on first use: a session that never looks anyone up never configures Graph.
  private readonly injector = inject(Injector);
  private client: Promise<Client> | null = null;

  /** People whose name starts with the text (Graph's `$search` on display names). */
  async searchPeople(text: string): Promise<DirectoryPerson[]> {
    const term = text.replace(/["\\]/g, '').trim();
    if (!term) return [];
    const found = await this.request('Looking people up in the directory', (graph) =>
      graph
        .api('/users')
        .header('ConsistencyLevel', 'eventual')
        .search(`"displayName:${encodeURIComponent(term)}"`)
        .select('id,displayName,userPrincipalName')
        .top(SUGGESTIONS)
        .get(),
    );
    return ((found as { value?: unknown[] }).value ?? []).map(toPerson);
  }

  /** One person by object id; a `GraphFailure` with code 404 when nobody has it. */
  async person(id: string): Promise<DirectoryPerson> {
    try {
      const found = await this.request('Looking the user up in the directory', (graph) =>
        graph
          .api(`/users/${encodeURIComponent(id)}`)
          .select('id,displayName,userPrincipalName')
          .get(),
      );
      return toPerson(found);
    } catch (error) {
      if (error instanceof GraphFailure && error.code === 404)
        throw new GraphFailure('Nobody in your organization’s directory has this Teams user id.', 404);
      throw error;
    }
  }

  /**
   * The signed-in user's group chat whose members are exactly these (the phone participant stand-in
   * counts as one), or null. Looks through their group chats with members expanded, a page at a
   * time (`@odata.nextLink`), up to 20 pages of 50. Graph lists at most 25 members of each chat
   * there, so a chat for 25 or more is never looked for: it is created.
   */
  async findGroupChat(memberIds: readonly string[]): Promise<string | null> {
    const wanted = new Set(memberIds.map((id) => id.toLowerCase()));
    if (wanted.size >= MEMBERS_LISTED) return null;
    let next: string | null = null;
    for (let pages = 0; pages < CHAT_PAGES; pages++) {
      const link: string | null = next;
      const page = (await this.request('Looking for the call’s chat', (graph) =>
        link
          ? graph.api(link).get()
          : graph.api('/me/chats').filter("chatType eq 'group'").expand('members').top(CHATS_PER_PAGE).get(),
      )) as ChatPage;
      const match = (page.value ?? []).find((chat) => hasExactly(chat.members ?? [], wanted));
      if (match) return match.id;
      next = versionRelative(page['@odata.nextLink']);
      if (!next) return null;
    }
    return null;
  }

  /** Creates a group chat with these members (the signed-in user among them); resolves to its thread id. */
  async createGroupChat(memberIds: readonly string[]): Promise<string> {
    const chat = await this.request(
      'Creating the call’s chat',
      (graph) =>
        graph.api('/chats').post({
          chatType: 'group',
          members: memberIds.map((id) => ({
            '@odata.type': '#microsoft.graph.aadUserConversationMember',
            roles: ['owner'],
            'user@odata.bind': bind(id),
          })),
        }),
      'someone to be in it is not in your organization’s directory',
    );
    return (chat as { id: string }).id;
  }

  async chatMembers(chatId: string): Promise<ChatMember[]> {
    const members = await this.request(
      'Reading the call’s chat',
      (graph) => graph.api(`/chats/${encodeURIComponent(chatId)}/members`).get(),
      'the chat was not found',
    );
    return ((members as { value?: { id: string; userId: string }[] }).value ?? []).map((m) => ({
      membershipId: m.id,
      userId: m.userId,
    }));
  }

  /** Adds a user to a chat, seeing the chat's history; resolves to the new membership's id. */
  async addChatMember(chatId: string, userId: string): Promise<string> {
    const member = await this.request('Adding them to the call’s chat', (graph) =>
      graph.api(`/chats/${encodeURIComponent(chatId)}/members`).post({
        '@odata.type': '#microsoft.graph.aadUserConversationMember',
        roles: ['owner'],
        visibleHistoryStartDateTime: '0001-01-01T00:00:00Z',
        'user@odata.bind': bind(userId),
      }),
    );
    return (member as { id: string }).id;
  }

  async removeChatMember(chatId: string, membershipId: string): Promise<void> {
    await this.request('Removing them from the call’s chat', (graph) =>
      graph.api(`/chats/${encodeURIComponent(chatId)}/members/${encodeURIComponent(membershipId)}`).delete(),
    );
  }

  /**
   * Sets the user's Teams presence for the console's session. It lapses after `PRESENCE_EXPIRATION`
   * unless set again; a call queue with presence-based routing reads it.
   */
  async setPresence(userId: string, presence: TeamsPresence): Promise<void> {
    await this.request(presenceNotSet, (graph) =>
      graph
        .api(`/users/${encodeURIComponent(userId)}/presence/setPresence`)
        .responseType(NO_CONTENT)
        .post({
          sessionId: this.injector.get(PRESENCE_SESSION_ID),
          availability: presence.availability,
          activity: presence.activity,
          expirationDuration: PRESENCE_EXPIRATION,
        }),
    );
  }

  /** Ends the console's presence session: Teams shows what the user's other clients say. */
  async clearPresence(userId: string): Promise<void> {
    await this.request(
      (why) => `Your Teams presence could not be cleared: ${why}.`,
      (graph) =>
        graph
          .api(`/users/${encodeURIComponent(userId)}/presence/clearPresence`)
          .responseType(NO_CONTENT)
          .post({ sessionId: this.injector.get(PRESENCE_SESSION_ID) }),
    );
  }

  /** The user's Teams presence as everyone sees it (all their sessions together). */
  async presence(userId: string): Promise<TeamsPresence> {
    const found = (await this.request(
      (why) => `Your Teams presence could not be read: ${why}.`,
      (graph) => graph.api(`/users/${encodeURIComponent(userId)}/presence`).get(),
    )) as Partial<TeamsPresence>;
    return { availability: String(found.availability), activity: String(found.activity) };
  }

  /** One request; a failure says what failed (`purpose`) and why (`notFound` words a 404). */
  private async request<T>(
    purpose: Purpose,
    send: (graph: Client) => Promise<T>,
    notFound = 'it was not found',
  ): Promise<T> {
    let graph: Client;
    try {
      this.client ??= this.injector.get(GRAPH_CLIENT_FACTORY)();
      graph = await this.client;
    } catch {
      this.client = null;
      throw new GraphFailure(sentence(purpose, 'Microsoft Graph could not be loaded'));
    }
    try {
      return await send(graph);
    } catch (error) {
      throw toGraphFailure(error, purpose, notFound);
    }
  }
}

function hasExactly(members: readonly { userId?: string | null }[], wanted: ReadonlySet<string>): boolean {
  const ids = new Set(members.map((m) => String(m.userId ?? '').toLowerCase()));
  return ids.size === wanted.size && members.length === wanted.size && [...ids].every((id) => wanted.has(id));
}

/**
 * An `@odata.nextLink` as a path after the version (`/me/chats?$skiptoken=...`): the client sends
 * it to its own Graph root, so a link naming another host (the emulator behind the console's
 * origin, say) still reaches the Graph that answered, signed.
 */
export function versionRelative(link: string | undefined): string | null {
  if (!link) return null;
  const url = new URL(link, 'https://graph.microsoft.com');
  const path = /\/(?:v1\.0|beta)(\/.*)$/.exec(url.pathname)?.[1] ?? url.pathname;
  return `${path}${url.search}`;
}

function toPerson(value: unknown): DirectoryPerson {
  const { id, displayName, userPrincipalName } = value as Record<string, unknown>;
  return {
    id: String(id),
    displayName: typeof displayName === 'string' && displayName ? displayName : String(id),
    userPrincipalName: typeof userPrincipalName === 'string' ? userPrincipalName : null,
  };
}

const STATUS_WORDS: Record<number, string> = {
  400: 'Microsoft Graph did not accept the request',
  401: 'your sign-in has expired: sign in again',
  403: 'your account is not allowed to do this (ask an administrator about the app’s Graph permissions)',
  404: 'it was not found',
  409: 'it changed at the same time elsewhere: try again',
  429: 'Microsoft Graph is busy: wait a few seconds and try again',
  503: 'Microsoft Graph is unavailable: try again shortly',
};

/** A Graph error in words: what failed, and why, with the HTTP status as its code. */
export function toGraphFailure(error: unknown, purpose: Purpose, notFound = STATUS_WORDS[404]): GraphFailure {
  if (error instanceof GraphFailure) return error;
  const { statusCode, message, code, body } = (error ?? {}) as Record<string, unknown>;
  // The Graph client keeps a middleware's error as `code` (its name) and `body` ("name: message").
  if (code === GRAPH_SIGN_IN_FAILED)
    return new GraphFailure(sentence(purpose, String(body).replace(`${GRAPH_SIGN_IN_FAILED}: `, '')));
  const status = typeof statusCode === 'number' && statusCode > 0 ? statusCode : undefined;
  if (status === undefined)
    return new GraphFailure(sentence(purpose, 'Microsoft Graph could not be reached. Check the network'));
  const why =
    (status === 404 ? notFound : STATUS_WORDS[status]) ??
    (typeof message === 'string' && message ? message : `HTTP ${status}`);
  return new GraphFailure(sentence(purpose, why), status);
}
