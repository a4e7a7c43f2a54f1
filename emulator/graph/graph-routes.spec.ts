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
  const chats = new Map<
    string,
    {
      id: string;
      chatType: GraphChat['chatType'];
      topic: string | null;
      members: string[];
      createdAt: number;
    }
  >();
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
    createChat: (members, topic, chatType = 'group') => {
      const id =
        chatType === 'oneOnOne' ? `19:${members.join('_')}@unq.gbl.spaces` : `19:chat${next++}@thread.v2`;
      const chat = { id, chatType, topic, members: [...members], createdAt: world.now() };
      chats.set(chat.id, chat);
      return chat;
    },
    chat: (id): GraphChat | undefined => chats.get(id),
    chats: () => [...chats.values()],
    addChatMember: (id, userId) => {
      if (userId === options.barrier)
        throw new GraphWorldError(403, 'An information barrier keeps them out.');
      chats.get(id)!.members.push(userId);
    },
    removeChatMember: (id, userId) => {
      const chat = chats.get(id)!;
      chat.members = chat.members.filter((m) => m !== userId);
    },
    // Presence is tested on the real world (graph-presence.spec.ts): nobody here has any.
    presence: () => undefined,
    setPresence: () => undefined,
    clearPresence: () => false,
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

  it('refuses a chat its creator is not in, an unknown member, and a chat of another type', () => {
    const { alex } = smallWorld();
    const without = alex('POST', '/v1.0/chats', { chatType: 'group', members: [bind(BLAKE), bind(CASEY)] });
    assert.equal(without.status, 403);
    const unknown = alex('POST', '/v1.0/chats', {
      chatType: 'group',
      members: [bind(ALEX), bind('00000000-0000-4000-8000-000000000bad')],
    });
    assert.equal(unknown.status, 404);
    const meeting = alex('POST', '/v1.0/chats', { chatType: 'meeting', members: [bind(ALEX), bind(BLAKE)] });
    assert.equal(meeting.status, 400);
    assert.match(errorOf(meeting.body).message, /"group" or "oneOnOne"/);
  });

  it('has one oneOnOne chat per pair of users: creating it again answers the same chat', () => {
    const { alex, blake, chats } = smallWorld();
    const first = alex('POST', '/v1.0/chats', { chatType: 'oneOnOne', members: [bind(ALEX), bind(BLAKE)] });
    assert.equal(first.status, 201);
    const chat = first.body as { id: string; chatType: string; topic: string | null };
    assert.equal(chat.chatType, 'oneOnOne');
    assert.equal(chat.topic, null);
    const again = blake('POST', '/v1.0/chats', { chatType: 'oneOnOne', members: [bind(BLAKE), bind(ALEX)] });
    assert.equal(again.status, 201);
    assert.equal((again.body as { id: string }).id, chat.id);
    assert.equal(chats.size, 1);
    const group = alex('POST', '/v1.0/chats', { chatType: 'group', members: [bind(ALEX), bind(BLAKE)] });
    assert.notEqual((group.body as { id: string }).id, chat.id);
    assert.equal(chats.size, 2);
  });

  it('refuses a oneOnOne chat of three, with a topic or with the phone stand-in, and keeps its members', () => {
    const { alex } = smallWorld();
    const oneOnOne = (members: string[], topic?: string) =>
      alex('POST', '/v1.0/chats', {
        chatType: 'oneOnOne',
        members: members.map(bind),
        ...(topic && { topic }),
      });
    assert.equal(oneOnOne([ALEX, BLAKE, CASEY]).status, 400);
    assert.match(errorOf(oneOnOne([ALEX, BLAKE], 'Escalation').body).message, /topic/);
    assert.equal(oneOnOne([ALEX, PHONE_PARTICIPANT_ID]).status, 400);
    const { id } = oneOnOne([ALEX, BLAKE]).body as { id: string };
    const path = `/v1.0/chats/${encodeURIComponent(id)}/members`;
    const adding = alex('POST', path, bind(CASEY));
    assert.equal(adding.status, 400);
    assert.match(errorOf(adding.body).message, /one-on-one/);
    const blakeMembership = (
      alex('GET', path).body as { value: { id: string; userId: string }[] }
    ).value.find((m) => m.userId === BLAKE)!;
    assert.equal(alex('DELETE', `${path}/${blakeMembership.id}`).status, 400);
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
    assert.equal(alex('GET', '/v1.0/me/chats/19%3Achat1%40thread.v2/messages').status, 404);
    const missing = alex('GET', '/v1.0/teams');
    assert.equal(missing.status, 404);
    assert.equal(errorOf(missing.body).message, 'No Graph route GET /teams in the emulator.');
  });
});

interface ListedChat {
  id: string;
  chatType: string;
  topic: string | null;
  members?: { '@odata.type': string; id: string; userId: string; displayName: string | null }[];
}
interface ChatPage {
  value: ListedChat[];
  '@odata.nextLink'?: string;
}

describe('the emulator’s Microsoft Graph: listing the signed-in user’s chats', () => {
  /** Alex's chats: with Blake and the phone stand-in, with Blake and Casey, one-to-one with Blake; Blake and Casey's own. */
  function chatsOfAlex() {
    const setup = smallWorld();
    const { alex, blake } = setup;
    const create = (as: typeof alex, chatType: string, members: string[], topic?: string) =>
      (
        as('POST', '/v1.0/chats', { chatType, members: members.map(bind), ...(topic && { topic }) }).body as {
          id: string;
        }
      ).id;
    const ids = {
      phone: create(alex, 'group', [ALEX, BLAKE, PHONE_PARTICIPANT_ID]),
      three: create(alex, 'group', [ALEX, BLAKE, CASEY], 'Escalation'),
      oneOnOne: create(alex, 'oneOnOne', [ALEX, BLAKE]),
      notAlexs: create(blake, 'group', [BLAKE, CASEY]),
    };
    return { ...setup, ids };
  }
  const page = (answer: { status: number; body?: unknown }) => {
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    return answer.body as ChatPage;
  };
  const idsOf = (answer: { status: number; body?: unknown }) => page(answer).value.map((c) => c.id);

  it('lists the chats the caller is a member of, newest first, members expanded on request', () => {
    const { alex, blake, ids } = chatsOfAlex();
    assert.deepEqual(idsOf(alex('GET', '/v1.0/me/chats')), [ids.oneOnOne, ids.three, ids.phone]);
    assert.deepEqual(idsOf(blake('GET', '/v1.0/me/chats')), [
      ids.notAlexs,
      ids.oneOnOne,
      ids.three,
      ids.phone,
    ]);
    assert.deepEqual(idsOf(alex('GET', '/v1.0/chats')), [ids.oneOnOne, ids.three, ids.phone]);
    const plain = page(alex('GET', '/v1.0/me/chats')).value;
    assert.equal(plain[0]!.members, undefined);
    const expanded = page(alex('GET', '/v1.0/me/chats?$expand=members')).value;
    const phoneChat = expanded.find((c) => c.id === ids.phone)!;
    assert.equal(phoneChat.chatType, 'group');
    assert.deepEqual(
      phoneChat.members!.map((m) => [m['@odata.type'], m.userId, m.displayName]),
      [
        ['#microsoft.graph.aadUserConversationMember', ALEX, 'Alex Rivera'],
        ['#microsoft.graph.aadUserConversationMember', BLAKE, 'Blake Chen'],
        ['#microsoft.graph.aadUserConversationMember', PHONE_PARTICIPANT_ID, null],
      ],
    );
    assert.ok(phoneChat.members!.every((m) => typeof m.id === 'string' && m.id.length > 0));
    assert.equal(expanded.find((c) => c.id === ids.oneOnOne)!.chatType, 'oneOnOne');
    const withPreview = page(alex('GET', '/v1.0/me/chats?$expand=members,lastMessagePreview')).value;
    assert.equal((withPreview[0] as unknown as { lastMessagePreview: unknown }).lastMessagePreview, null);
  });

  it('filters on chatType, topic and members, clauses joined by and', () => {
    const { alex, ids } = chatsOfAlex();
    const filtered = (filter: string) =>
      idsOf(alex('GET', `/v1.0/me/chats?$filter=${encodeURIComponent(filter)}`));
    assert.deepEqual(filtered("chatType eq 'group'"), [ids.three, ids.phone]);
    assert.deepEqual(filtered("chatType eq 'oneOnOne'"), [ids.oneOnOne]);
    assert.deepEqual(filtered("chatType eq 'meeting'"), []);
    assert.deepEqual(filtered("topic eq 'Escalation'"), [ids.three]);
    assert.deepEqual(filtered("members/any(o: o/displayname eq 'Casey Novak')"), [ids.three]);
    assert.deepEqual(
      filtered(
        `members/any(m: m/microsoft.graph.aadUserConversationMember/userId eq '${PHONE_PARTICIPANT_ID}')`,
      ),
      [ids.phone],
    );
    assert.deepEqual(filtered("chatType eq 'group' and members/any(m: m/displayName eq 'Blake Chen')"), [
      ids.three,
      ids.phone,
    ]);
    // The emulator's own query string, as the Graph client sends it (spaces as %20, quotes raw).
    assert.deepEqual(idsOf(alex('GET', "/v1.0/me/chats?$filter=chatType%20eq%20'group'&$expand=members")), [
      ids.three,
      ids.phone,
    ]);
  });

  it('refuses, in Graph’s error shape, the query options and filters Graph does not take for chats', () => {
    const { alex } = chatsOfAlex();
    for (const query of [
      "$filter=chatType ne 'group'",
      "$filter=chatType eq 'group' or chatType eq 'oneOnOne'",
      "$filter=chatType eq 'bogus'",
      "$filter=startswith(topic,'Esc')",
      "$filter=createdDateTime eq '2024-01-01'",
      `$filter=members/any(m: m/userId eq '${BLAKE}')`,
      '$expand=installedApps',
      '$orderby=createdDateTime',
      '$orderby=lastMessagePreview/createdDateTime asc',
      '$top=0',
      '$top=51',
      '$top=ten',
      '$skip=1',
      '$count=true',
      '$search="Escalation"',
      '$skiptoken=forged',
      '$top=1&$top=2',
    ]) {
      const refused = alex('GET', `/v1.0/me/chats?${query.replace(/ /g, '%20')}`);
      assert.equal(refused.status, 400, query);
      const error = errorOf(refused.body);
      assert.equal(error.code, 'BadRequest', query);
      assert.ok(error.message.length > 0, query);
    }
    assert.match(errorOf(alex('GET', '/v1.0/me/chats?$top=51').body).message, /between 1 and 50/);
    assert.match(
      errorOf(alex('GET', `/v1.0/me/chats?$filter=members/any(m:%20m/userId%20eq%20'${BLAKE}')`).body)
        .message,
      /aadUserConversationMember\/userId/,
    );
    assert.equal(
      page(alex('GET', '/v1.0/me/chats?$orderby=lastMessagePreview/createdDateTime%20desc')).value.length,
      3,
    );
  });

  it('pages a long list with @odata.nextLink, keeping the query, on the origin it was asked at', () => {
    const { alex, world } = smallWorld();
    for (let i = 0; i < 45; i++) world.createChat([ALEX, BLAKE, PHONE_PARTICIPANT_ID], `Call ${i}`);
    world.createChat([BLAKE, CASEY], 'Not Alex’s');
    const first = page(alex('GET', '/v1.0/me/chats'));
    assert.equal(first.value.length, 20);
    assert.match(
      first['@odata.nextLink']!,
      /^https:\/\/graph\.microsoft\.com\/v1\.0\/me\/chats\?\$skiptoken=/,
    );

    const seen: string[] = [];
    let url: string | undefined = "/v1.0/me/chats?$filter=chatType%20eq%20'group'&$expand=members&$top=20";
    const origin = 'http://127.0.0.1:4310';
    const sizes: number[] = [];
    while (url) {
      const answer = answerGraph(world, {
        method: 'GET',
        url,
        origin,
        headers: { authorization: 'Bearer token-alex' },
        body: undefined,
      });
      const got = page(answer);
      sizes.push(got.value.length);
      assert.ok(got.value.every((c) => c.members?.length === 3));
      seen.push(...got.value.map((c) => c.topic!));
      const next = got['@odata.nextLink'];
      if (next) {
        assert.ok(next.startsWith(`${origin}/v1.0/me/chats?`), next);
        assert.match(next, /\$filter=chatType%20eq%20'group'/);
        assert.match(next, /\$expand=members/);
      }
      url = next?.slice(origin.length);
    }
    assert.deepEqual(sizes, [20, 20, 5]);
    assert.deepEqual(
      seen,
      Array.from({ length: 45 }, (_, i) => `Call ${44 - i}`),
    );
  });

  it('lists at most 25 members of each chat when expanding them, as Graph does', () => {
    const { alex, world } = smallWorld();
    const many = Array.from(
      { length: 30 },
      (_, i) => `00000000-0000-4000-8000-0000000c${String(i).padStart(4, '0')}`,
    );
    const { id } = world.createChat([ALEX, ...many], 'Town hall');
    const [listed] = page(alex('GET', '/v1.0/me/chats?$expand=members')).value;
    assert.equal(listed!.members!.length, 25);
    const full = alex('GET', `/v1.0/chats/${encodeURIComponent(id)}/members`).body as { value: unknown[] };
    assert.equal(full.value.length, 31);
  });

  it('needs a signed-in user', () => {
    const { anonymous } = chatsOfAlex();
    assert.equal(anonymous('GET', '/v1.0/me/chats').status, 401);
  });
});
