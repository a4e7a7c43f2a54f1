import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { answerGraph } from './graph-routes';
import { GraphWorldError, PHONE_PARTICIPANT_ID, type GraphChat, type GraphWorld } from './graph-world';

const ALEX = '00000000-0000-4000-8000-00000000a001';
const BLAKE = '00000000-0000-4000-8000-00000000a002';
const CASEY = '00000000-0000-4000-8000-00000000a003';
const RILEY = '00000000-0000-4000-8000-00000000b001';

/** A small world behind the interface: four users, tokens named after them, chats in a map. */
function smallWorld(options: { barrier?: string } = {}) {
  const chats = new Map<string, { id: string; topic: string | null; members: string[]; createdAt: number }>();
  let next = 1;
  const world: GraphWorld = {
    tenantId: '00000000-0000-4000-8000-0000000e0000',
    now: () => 1_700_000_000_000,
    users: () => [
      { id: ALEX, displayName: 'Alex Rivera', userPrincipalName: 'alex@switchboard.example' },
      { id: BLAKE, displayName: 'Blake Chen', userPrincipalName: 'blake@switchboard.example' },
      { id: CASEY, displayName: 'Casey Novak', userPrincipalName: 'casey@switchboard.example' },
      { id: RILEY, displayName: 'Riley Brooks', userPrincipalName: 'riley@switchboard.example' },
    ],
    tokenUser: (token) => ({ 'token-alex': ALEX, 'token-blake': BLAKE })[token],
    createChat: (members, topic) => {
      const chat = { id: `19:chat${next++}@thread.v2`, topic, members: [...members], createdAt: world.now() };
      chats.set(chat.id, chat);
      return chat;
    },
    chat: (id): GraphChat | undefined => chats.get(id),
    addChatMember: (id, userId) => {
      if (userId === options.barrier)
        throw new GraphWorldError(403, 'An information barrier keeps them out.');
      chats.get(id)!.members.push(userId);
    },
    removeChatMember: (id, userId) => {
      const chat = chats.get(id)!;
      chat.members = chat.members.filter((m) => m !== userId);
    },
  };
  const as =
    (token: string | null) =>
    (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) =>
      answerGraph(world, {
        method,
        url,
        body,
        headers: { ...(token && { authorization: `Bearer ${token}` }), ...headers },
      });
  return { world, chats, alex: as('token-alex'), blake: as('token-blake'), anonymous: as(null) };
}

const bind = (id: string) => ({
  '@odata.type': '#microsoft.graph.aadUserConversationMember',
  roles: ['owner'],
  'user@odata.bind': `https://graph.microsoft.com/v1.0/users('${id}')`,
});

const eventual = { consistencylevel: 'eventual' };
const names = (body: unknown) =>
  (body as { value: { displayName: string }[] }).value.map((u) => u.displayName);
const errorOf = (body: unknown) => (body as { error: { code: string; message: string } }).error;

describe('the emulator’s Microsoft Graph: users', () => {
  it('finds users by the start of any word of their name, with the header Graph requires', () => {
    const { alex } = smallWorld();
    assert.deepEqual(names(alex('GET', '/v1.0/users?$search="displayName:ch"', undefined, eventual).body), [
      'Blake Chen',
    ]);
    assert.deepEqual(names(alex('GET', '/v1.0/users?$search="ri"', undefined, eventual).body), [
      'Alex Rivera',
      'Riley Brooks',
    ]);
    const refused = alex('GET', '/v1.0/users?$search="displayName:ch"');
    assert.equal(refused.status, 400);
    assert.match(errorOf(refused.body).message, /ConsistencyLevel: eventual/);
  });

  it('selects properties, limits with $top, and filters with startswith', () => {
    const { alex } = smallWorld();
    const found = alex('GET', '/v1.0/users?$select=id,displayName&$top=2');
    assert.deepEqual((found.body as { value: unknown[] }).value, [
      { id: ALEX, displayName: 'Alex Rivera' },
      { id: BLAKE, displayName: 'Blake Chen' },
    ]);
    assert.deepEqual(names(alex('GET', "/v1.0/users?$filter=startswith(displayName,'ca')").body), [
      'Casey Novak',
    ]);
    assert.equal(alex('GET', '/v1.0/users?$top=0').status, 400);
    assert.equal(alex('GET', '/v1.0/users?$filter=displayName ne 1').status, 400);
  });

  it('gets one user by id or sign-in name, and the caller as /me; 404 for nobody', () => {
    const { alex } = smallWorld();
    assert.equal(
      (alex('GET', `/v1.0/users/${BLAKE}`).body as { displayName: string }).displayName,
      'Blake Chen',
    );
    assert.equal((alex('GET', '/v1.0/users/casey@switchboard.example').body as { id: string }).id, CASEY);
    assert.equal((alex('GET', '/v1.0/me').body as { id: string }).id, ALEX);
    const missing = alex('GET', '/v1.0/users/00000000-0000-4000-8000-000000000bad');
    assert.equal(missing.status, 404);
    assert.equal(errorOf(missing.body).code, 'NotFound');
  });

  it('answers 401 without a token or with one it does not know', () => {
    const { anonymous, world } = smallWorld();
    assert.equal(anonymous('GET', '/v1.0/me').status, 401);
    assert.equal(
      answerGraph(world, {
        method: 'GET',
        url: '/v1.0/me',
        headers: { authorization: 'Bearer forged' },
        body: undefined,
      }).status,
      401,
    );
  });
});

describe('the emulator’s Microsoft Graph: chats', () => {
  it('creates a group chat for a phone escalation: the Teams user and the phone participant stand-in', () => {
    const { alex, chats } = smallWorld();
    const created = alex('POST', '/v1.0/chats', {
      chatType: 'group',
      members: [bind(ALEX), bind(PHONE_PARTICIPANT_ID)],
    });
    assert.equal(created.status, 201);
    const chat = created.body as { id: string; chatType: string };
    assert.equal(chat.chatType, 'group');
    assert.deepEqual(chats.get(chat.id)?.members, [ALEX, PHONE_PARTICIPANT_ID]);
  });

  it('refuses a chat its creator is not in, an unknown member, and a oneOnOne chat', () => {
    const { alex } = smallWorld();
    const without = alex('POST', '/v1.0/chats', { chatType: 'group', members: [bind(BLAKE), bind(CASEY)] });
    assert.equal(without.status, 403);
    const unknown = alex('POST', '/v1.0/chats', {
      chatType: 'group',
      members: [bind(ALEX), bind('00000000-0000-4000-8000-000000000bad')],
    });
    assert.equal(unknown.status, 404);
    const oneOnOne = alex('POST', '/v1.0/chats', {
      chatType: 'oneOnOne',
      members: [bind(ALEX), bind(BLAKE)],
    });
    assert.equal(oneOnOne.status, 400);
    assert.match(errorOf(oneOnOne.body).message, /oneOnOne/);
  });

  it('adds a member, lists members, and removes one by membership id', () => {
    const { alex, blake } = smallWorld();
    const { id } = alex('POST', '/v1.0/chats', { chatType: 'group', members: [bind(ALEX), bind(BLAKE)] })
      .body as {
      id: string;
    };
    const added = alex('POST', `/v1.0/chats/${encodeURIComponent(id)}/members`, {
      ...bind(CASEY),
      visibleHistoryStartDateTime: '0001-01-01T00:00:00Z',
    });
    assert.equal(added.status, 201);
    assert.equal((added.body as { userId: string }).userId, CASEY);
    const listed = blake('GET', `/v1.0/chats/${encodeURIComponent(id)}/members`).body as {
      value: { id: string; userId: string; displayName: string }[];
    };
    assert.deepEqual(
      listed.value.map((m) => m.displayName),
      ['Alex Rivera', 'Blake Chen', 'Casey Novak'],
    );
    const casey = listed.value.find((m) => m.userId === CASEY)!;
    assert.equal(alex('DELETE', `/v1.0/chats/${encodeURIComponent(id)}/members/${casey.id}`).status, 204);
    const expanded = alex('GET', `/v1.0/chats/${encodeURIComponent(id)}?$expand=members`).body as {
      members: { userId: string }[];
    };
    assert.deepEqual(
      expanded.members.map((m) => m.userId),
      [ALEX, BLAKE],
    );
    assert.equal(alex('DELETE', `/v1.0/chats/${encodeURIComponent(id)}/members/${casey.id}`).status, 404);
  });

  it('keeps chats to their members, and a member twice out', () => {
    const { alex, blake } = smallWorld();
    const { id } = alex('POST', '/v1.0/chats', { chatType: 'group', members: [bind(ALEX), bind(CASEY)] })
      .body as {
      id: string;
    };
    assert.equal(blake('GET', `/v1.0/chats/${encodeURIComponent(id)}`).status, 403);
    assert.equal(blake('POST', `/v1.0/chats/${encodeURIComponent(id)}/members`, bind(BLAKE)).status, 403);
    assert.equal(alex('POST', `/v1.0/chats/${encodeURIComponent(id)}/members`, bind(CASEY)).status, 409);
    assert.equal(alex('GET', '/v1.0/chats/19%3Anone%40thread.v2').status, 404);
  });

  it('passes on the world’s refusal (an information barrier) as 403', () => {
    const { alex } = smallWorld({ barrier: RILEY });
    const { id } = alex('POST', '/v1.0/chats', { chatType: 'group', members: [bind(ALEX), bind(BLAKE)] })
      .body as {
      id: string;
    };
    const refused = alex('POST', `/v1.0/chats/${encodeURIComponent(id)}/members`, bind(RILEY));
    assert.equal(refused.status, 403);
    assert.equal(errorOf(refused.body).message, 'An information barrier keeps them out.');
  });

  it('says which route it does not have', () => {
    const { alex } = smallWorld();
    const missing = alex('GET', '/v1.0/teams');
    assert.equal(missing.status, 404);
    assert.equal(errorOf(missing.body).message, 'No Graph route GET /teams in the emulator.');
  });
});
