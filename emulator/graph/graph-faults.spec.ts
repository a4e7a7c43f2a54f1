import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createInMemoryEmulator } from '../testing/in-memory';
import { GraphFaults } from './graph-faults';
import { answerGraph } from './graph-routes';
import { graphWorldOf } from './world-graph';

const RILEY = '00000000-0000-4000-8000-00000000b001';
const member = (id: string) => ({
  '@odata.type': '#microsoft.graph.aadUserConversationMember',
  'user@odata.bind': `https://graph.microsoft.com/v1.0/users('${id}')`,
});

/** Alex signed in to the emulator's Graph, with faults to inject. */
function alexOnGraph() {
  const { world } = createInMemoryEmulator({ seed: 1 });
  const graph = graphWorldOf(world);
  const faults = new GraphFaults();
  const token = world.signIn('alex');
  const alexId = world.directory.user('alex')!.microsoftTeamsUserId;
  const chat = world.threads.create({ members: [alexId, '00000000-0000-0000-0000-000000000000'] }, 0);
  const send = (method: string, url: string, body?: unknown) =>
    answerGraph(graph, { method, url, body, headers: { authorization: `Bearer ${token}` } }, faults);
  return { world, faults, chat, send };
}

describe('the emulator’s Microsoft Graph: injected faults', () => {
  it('refuses the next matching request once, in Graph’s error shape, and changes nothing', () => {
    const { faults, chat, send } = alexOnGraph();
    faults.failNext('POST', /^\/chats\/[^/]+\/members$/, 403, 'An information barrier keeps them out.');
    const refused = send('POST', `/v1.0/chats/${chat.id}/members`, member(RILEY));
    assert.equal(refused.status, 403);
    assert.deepEqual((refused.body as { error: { code: string; message: string } }).error.code, 'Forbidden');
    assert.ok(!chat.members.has(RILEY));
    assert.equal(send('POST', `/v1.0/chats/${chat.id}/members`, member(RILEY)).status, 201);
    assert.ok(chat.members.has(RILEY));
  });

  it('leaves other requests alone, and answers 401 before any fault for a caller not signed in', () => {
    const { world, faults, chat, send } = alexOnGraph();
    faults.failNext('POST', /^\/chats\/[^/]+\/members$/, 403);
    assert.equal(send('GET', `/v1.0/chats/${chat.id}/members`).status, 200);
    const anonymous = answerGraph(
      graphWorldOf(world),
      { method: 'POST', url: `/v1.0/chats/${chat.id}/members`, body: member(RILEY), headers: {} },
      faults,
    );
    assert.equal(anonymous.status, 401);
    assert.equal(send('POST', `/v1.0/chats/${chat.id}/members`, member(RILEY)).status, 403);
  });
});
