import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startEmulator, type RunningEmulator } from '../emulator-server';

describe('the emulator’s Microsoft Graph over HTTP', () => {
  let emulator: RunningEmulator;
  before(async () => {
    emulator = await startEmulator({ port: 0, scenario: false });
  });
  after(() => emulator.close());

  const graph = (path: string, init: RequestInit & { token?: string } = {}) =>
    fetch(`${emulator.url}${path}`, {
      ...init,
      headers: {
        ...(init.token && { Authorization: `Bearer ${init.token}` }),
        ...(init.body !== undefined && { 'Content-Type': 'application/json' }),
        ...init.headers,
      },
    });

  it('finds the tenant’s Teams users, colleagues included, for a signed-in user', async () => {
    const token = emulator.world.signIn('alex');
    const response = await graph(
      `/v1.0/users?$search=${encodeURIComponent('"displayName:ri"')}&$select=displayName`,
      {
        token,
        headers: { ConsistencyLevel: 'eventual' },
      },
    );
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    const body = (await response.json()) as { value: { displayName: string }[] };
    assert.deepEqual(
      body.value.map((u) => u.displayName),
      ['Alex Rivera', 'Riley Brooks'],
    );
  });

  it('creates a chat in the world that a group call can name, and refuses a caller without a token', async () => {
    const token = emulator.world.signIn('alex');
    const alex = emulator.world.directory.user('alex')!.microsoftTeamsUserId;
    const response = await graph('/v1.0/chats', {
      method: 'POST',
      token,
      body: JSON.stringify({
        chatType: 'group',
        members: [alex, '00000000-0000-0000-0000-000000000000'].map((id) => ({
          '@odata.type': '#microsoft.graph.aadUserConversationMember',
          roles: ['owner'],
          'user@odata.bind': `https://graph.microsoft.com/v1.0/users('${id}')`,
        })),
      }),
    });
    assert.equal(response.status, 201);
    const { id } = (await response.json()) as { id: string };
    assert.deepEqual(
      [...emulator.world.threads.get(id)!.members],
      [alex, '00000000-0000-0000-0000-000000000000'],
    );
    assert.equal((await graph(`/v1.0/chats/${encodeURIComponent(id)}`)).status, 401);
  });

  it('lists the world’s chats a user is in, a page at a time, with links back to this server', async () => {
    const token = emulator.world.signIn('blake');
    const blake = emulator.world.directory.user('blake')!.microsoftTeamsUserId;
    const casey = emulator.world.directory.user('casey')!.microsoftTeamsUserId;
    for (let i = 0; i < 3; i++)
      emulator.world.threads.create({ members: [blake, casey], topic: `Chat ${i}` }, 0);
    const oneOnOne = () =>
      graph('/v1.0/chats', {
        method: 'POST',
        token,
        body: JSON.stringify({
          chatType: 'oneOnOne',
          members: [blake, casey].map((id) => ({
            '@odata.type': '#microsoft.graph.aadUserConversationMember',
            roles: ['owner'],
            'user@odata.bind': `https://graph.microsoft.com/v1.0/users('${id}')`,
          })),
        }),
      }).then(async (r) => ((await r.json()) as { id: string }).id);
    const pair = await oneOnOne();
    assert.match(pair, /@unq\.gbl\.spaces$/);
    assert.equal(await oneOnOne(), pair);

    const ids: string[] = [];
    let next: string | undefined = `${emulator.url}/v1.0/me/chats?$expand=members&$top=2`;
    while (next) {
      assert.ok(next.startsWith(emulator.url), next);
      const response: Response = await fetch(next, { headers: { Authorization: `Bearer ${token}` } });
      assert.equal(response.status, 200);
      const page = (await response.json()) as {
        value: { id: string; members: { userId: string }[] }[];
        '@odata.nextLink'?: string;
      };
      assert.ok(page.value.every((chat) => chat.members.some((m) => m.userId === blake)));
      ids.push(...page.value.map((chat) => chat.id));
      next = page['@odata.nextLink'];
    }
    assert.equal(ids.length, 4);
    assert.equal(ids[0], pair);
  });

  it('answers the browser’s preflight for its methods', async () => {
    const response = await graph('/v1.0/chats/x/members/y', { method: 'OPTIONS' });
    assert.equal(response.status, 204);
    assert.match(response.headers.get('access-control-allow-methods') ?? '', /DELETE/);
    assert.match(response.headers.get('access-control-allow-headers') ?? '', /ConsistencyLevel/);
  });
});
