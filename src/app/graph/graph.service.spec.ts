import { TestBed } from '@angular/core/testing';
import { createInMemoryEmulator } from '../../../emulator/testing/in-memory';
import { chatMembersForCall, removeFromCallChat, threadForGroupCall } from './chat-threads';
import {
  GraphFailure,
  GraphService,
  PHONE_PARTICIPANT_ID,
  PRESENCE_SESSION_ID,
  versionRelative,
} from './graph.service';
import { inProcessGraph } from './testing/in-process-graph';
import * as graphClient from '@microsoft/microsoft-graph-client';
import { InProcessGraph } from '../../../emulator/graph/in-process-graph';
import { graphWorldOf } from '../../../emulator/graph/world-graph';
import { createGraphClient, GRAPH_CLIENT_FACTORY } from './graph-client';
import { phoneNumberTarget, teamsUserTarget } from '../model/dial-target';

const ALEX = '00000000-0000-4000-8000-00000000a001';
const BLAKE = '00000000-0000-4000-8000-00000000a002';
const CASEY = '00000000-0000-4000-8000-00000000a003';

/** The console's Graph client, signed with `token`, over `transport` (the Graph it talks to). */
const graphOver = (token: () => Promise<string>, transport: Parameters<typeof createGraphClient>[3]) => ({
  provide: GRAPH_CLIENT_FACTORY,
  useValue: async () => createGraphClient(graphClient, 'https://graph.emulator.test/', token, transport),
});

function setUp(userKey = 'alex') {
  const emulator = createInMemoryEmulator();
  const graph = inProcessGraph();
  graph.attach(emulator.world, userKey);
  TestBed.configureTestingModule({ providers: [graph.provider] });
  const members = (threadId: string) => [...(emulator.world.threads.get(threadId)?.members ?? [])];
  return { world: emulator.world, service: TestBed.inject(GraphService), members };
}

describe('GraphService on the emulator’s Microsoft Graph', () => {
  it('suggests people whose name starts with what was typed', async () => {
    const { service } = setUp();
    const found = await service.searchPeople('ca');
    expect(found).toEqual([
      { id: CASEY, displayName: 'Casey Novak', userPrincipalName: 'casey@switchboard.example' },
    ]);
    expect(await service.searchPeople('  ')).toEqual([]);
  });

  it('names the person a Teams user id belongs to, and says when nobody has it', async () => {
    const { service } = setUp();
    expect((await service.person(BLAKE)).displayName).toBe('Blake Chen');
    await expectAsync(service.person('00000000-0000-4000-8000-000000000bad')).toBeRejectedWith(
      new GraphFailure('Nobody in your organization’s directory has this Teams user id.', 404),
    );
  });

  it('says which request failed and why, with the HTTP status', async () => {
    const { service } = setUp();
    const failure = await service.chatMembers('19:nothing@thread.v2').catch((error: GraphFailure) => error);
    expect(failure).toEqual(new GraphFailure('Reading the call’s chat failed: the chat was not found.', 404));
    expect((failure as GraphFailure).code).toBe(404);
  });
});

describe('GraphService without a Graph sign-in', () => {
  it('says the sign-in cannot reach Graph, not that the network failed', async () => {
    const emulator = createInMemoryEmulator();
    TestBed.configureTestingModule({
      providers: [
        graphOver(
          () => Promise.reject(new Error('This sign-in cannot reach Microsoft Graph.')),
          new InProcessGraph(graphWorldOf(emulator.world)),
        ),
      ],
    });
    await expectAsync(TestBed.inject(GraphService).searchPeople('Bl')).toBeRejectedWith(
      new GraphFailure(
        'Looking people up in the directory failed: This sign-in cannot reach Microsoft Graph.',
      ),
    );
  });
});

describe('chat threads for calls', () => {
  it('follows Teams’ recommendations for who is in a call’s chat', () => {
    expect(chatMembersForCall([ALEX], true)).toEqual([ALEX, PHONE_PARTICIPANT_ID]);
    expect(chatMembersForCall([ALEX, BLAKE], true)).toEqual([ALEX, BLAKE, PHONE_PARTICIPANT_ID]);
    expect(chatMembersForCall([ALEX, BLAKE, CASEY], true)).toEqual([ALEX, BLAKE, CASEY]);
    expect(chatMembersForCall([ALEX, BLAKE, CASEY, ALEX], false)).toEqual([ALEX, BLAKE, CASEY]);
  });

  it('creates a group call’s chat: the agent and the phone participant stand-in for phone numbers', async () => {
    const { service, members } = setUp();
    const phones = [phoneNumberTarget('+14255550101'), phoneNumberTarget('+14255550102')];
    const threadId = await threadForGroupCall(service, ALEX, phones);
    expect(threadId).toMatch(/^19:[\w-]+@thread\.v2$/);
    expect(members(threadId)).toEqual([ALEX, PHONE_PARTICIPANT_ID]);
  });

  it('creates a chat of the Teams users for a group call with more than two of them', async () => {
    const { service, members } = setUp();
    const threadId = await threadForGroupCall(service, ALEX, [
      teamsUserTarget(BLAKE, 'Blake Chen', 'public'),
      teamsUserTarget(CASEY, 'Casey Novak', 'public'),
      phoneNumberTarget('+14255550101'),
    ]);
    expect(members(threadId)).toEqual([ALEX, BLAKE, CASEY]);
  });

  it('takes a Teams user out of the call’s chat, and leaves a chat they are not in alone', async () => {
    const { service, members, world } = setUp();
    const threadId = world.threads.create({ members: [ALEX, BLAKE, PHONE_PARTICIPANT_ID, CASEY] }, 0).id;
    await removeFromCallChat(service, threadId, CASEY);
    expect(members(threadId)).toEqual([ALEX, BLAKE, PHONE_PARTICIPANT_ID]);
    await removeFromCallChat(service, threadId, CASEY);
    expect(members(threadId)).toEqual([ALEX, BLAKE, PHONE_PARTICIPANT_ID]);
  });

  it('gives a group call of the same parties the chat they share, and more parties another', async () => {
    const { service, members, world } = setUp();
    const phones = [phoneNumberTarget('+14255550101')];
    const blake = teamsUserTarget(BLAKE, 'Blake Chen', 'public');
    const first = await threadForGroupCall(service, ALEX, [blake, ...phones]);
    const chats = world.threads.list().length;
    expect(await threadForGroupCall(service, ALEX, [blake, ...phones])).toBe(first);
    expect(world.threads.list().length).toBe(chats);
    const three = await threadForGroupCall(service, ALEX, [
      blake,
      teamsUserTarget(CASEY, 'Casey Novak', 'public'),
    ]);
    expect(members(three)).toEqual([ALEX, BLAKE, CASEY]);
    expect(world.threads.list().length).toBe(chats + 1);
  });

  it('takes only a group chat of exactly the call’s parties that the agent is in', async () => {
    const { service, world } = setUp();
    world.threads.create({ members: [BLAKE, CASEY, PHONE_PARTICIPANT_ID] }, 0);
    world.threads.create({ members: [ALEX, BLAKE, CASEY, PHONE_PARTICIPANT_ID] }, 0);
    const left = world.threads.create({ members: [ALEX, PHONE_PARTICIPANT_ID, CASEY] }, 0).id;
    world.threads.removeMember(left, CASEY);
    const threadId = await threadForGroupCall(service, ALEX, [phoneNumberTarget('+14255550101')]);
    expect(threadId).toBe(left);
  });

  it('looks through every page of the agent’s chats, following @odata.nextLink', async () => {
    const { service, world } = setUp();
    const before = world.threads.list().length;
    const oldest = world.threads.create({ members: [ALEX, PHONE_PARTICIPANT_ID] }, 0).id;
    for (let i = 0; i < 120; i++) world.threads.create({ members: [ALEX, BLAKE, CASEY] }, i + 1);
    expect(await threadForGroupCall(service, ALEX, [phoneNumberTarget('+14255550101')])).toBe(oldest);
    expect(world.threads.list().length).toBe(before + 121);
  });

  it('says when looking for the call’s chat fails, with the HTTP status', async () => {
    const emulator = createInMemoryEmulator();
    const graph = new InProcessGraph(graphWorldOf(emulator.world));
    const refusingChatLists = {
      execute: async (context: { request: RequestInfo; options?: RequestInit; response?: Response }) => {
        const url = typeof context.request === 'string' ? context.request : context.request.url;
        if (!new URL(url).pathname.endsWith('/me/chats')) return graph.execute(context);
        context.response = new Response(
          JSON.stringify({
            error: { code: 'Forbidden', message: 'Missing scope permissions on the request.' },
          }),
          { status: 403, headers: { 'Content-Type': 'application/json' } },
        );
      },
    };
    const token = emulator.world.signIn('alex');
    const before = emulator.world.threads.list().length;
    TestBed.configureTestingModule({
      providers: [graphOver(async () => token, refusingChatLists)],
    });
    const failure = await threadForGroupCall(TestBed.inject(GraphService), ALEX, [
      phoneNumberTarget('+14255550101'),
    ]).catch((error: GraphFailure) => error);
    expect(failure).toEqual(
      new GraphFailure(
        'Looking for the call’s chat failed: your account is not allowed to do this (ask an administrator about the app’s Graph permissions).',
        403,
      ),
    );
    expect((failure as GraphFailure).code).toBe(403);
    expect(emulator.world.threads.list().length).toBe(before);
  });

  it('follows a next link on any host to the Graph it uses', () => {
    expect(versionRelative('https://graph.microsoft.com/v1.0/me/chats?$skiptoken=abc')).toBe(
      '/me/chats?$skiptoken=abc',
    );
    // The browser's URL may percent-encode the quotes: the same query to Graph.
    const emulated = versionRelative(
      "http://127.0.0.1:4310/v1.0/me/chats?$filter=chatType%20eq%20'group'&$skiptoken=Y2",
    );
    expect(decodeURIComponent(emulated!)).toBe("/me/chats?$filter=chatType eq 'group'&$skiptoken=Y2");
    expect(versionRelative(undefined)).toBeNull();
  });
});

describe('GraphService and the user’s Teams presence', () => {
  // The emulator's Graph in this process answers presence once it models it; until then this
  // stand-in answers the three requests as Graph documents them, and keeps what it was sent.
  function setUpPresence(refuse?: { status: number; code: string; message: string }) {
    const sent: { method: string; path: string; body: unknown }[] = [];
    let session: { availability: string; activity: string } | null = null;
    const presenceGraph = {
      execute: async (context: { request: RequestInfo; options?: RequestInit; response?: Response }) => {
        const request = new Request(context.request, context.options);
        const path = new URL(request.url).pathname.replace(/^\/v1\.0/, '');
        const text = await request.text();
        const body = text ? (JSON.parse(text) as Record<string, string>) : undefined;
        sent.push({ method: request.method, path, body });
        const answer = (status: number, json?: unknown) =>
          (context.response = new Response(json === undefined ? null : JSON.stringify(json), {
            status,
            headers: { 'Content-Type': 'application/json' },
          }));
        if (refuse)
          return void answer(refuse.status, { error: { code: refuse.code, message: refuse.message } });
        if (path.endsWith('/setPresence'))
          session = { availability: body!['availability'], activity: body!['activity'] };
        if (path.endsWith('/clearPresence')) session = null;
        if (request.method === 'GET')
          return void answer(200, {
            id: ALEX,
            ...(session ?? { availability: 'Available', activity: 'Available' }),
          });
        answer(200);
      },
    };
    TestBed.configureTestingModule({
      providers: [
        graphOver(async () => 'token', presenceGraph),
        { provide: PRESENCE_SESSION_ID, useValue: CLIENT_ID },
      ],
    });
    return { service: TestBed.inject(GraphService), sent };
  }
  const CLIENT_ID = '00000000-0000-4000-8000-0000000c0000';

  it('sets the presence for the console’s session for 10 minutes, reads it back, and clears the session', async () => {
    const { service, sent } = setUpPresence();
    await service.setPresence(ALEX, { availability: 'Away', activity: 'Away' });
    expect(await service.presence(ALEX)).toEqual({ availability: 'Away', activity: 'Away' });
    await service.clearPresence(ALEX);
    expect(sent).toEqual([
      {
        method: 'POST',
        path: `/users/${ALEX}/presence/setPresence`,
        body: { sessionId: CLIENT_ID, availability: 'Away', activity: 'Away', expirationDuration: 'PT10M' },
      },
      { method: 'GET', path: `/users/${ALEX}/presence`, body: undefined },
      { method: 'POST', path: `/users/${ALEX}/presence/clearPresence`, body: { sessionId: CLIENT_ID } },
    ]);
  });

  it('says the presence could not be set, why, and Graph’s status', async () => {
    const { service } = setUpPresence({
      status: 403,
      code: 'Forbidden',
      message: 'Missing scope permissions.',
    });
    await expectAsync(
      service.setPresence(ALEX, { availability: 'Busy', activity: 'InACall' }),
    ).toBeRejectedWith(
      new GraphFailure(
        'Your Teams presence could not be set: your account is not allowed to do this (ask an administrator about the app’s Graph permissions).',
        403,
      ),
    );
    await expectAsync(service.clearPresence(ALEX)).toBeRejectedWith(
      new GraphFailure(
        'Your Teams presence could not be cleared: your account is not allowed to do this (ask an administrator about the app’s Graph permissions).',
        403,
      ),
    );
  });
});
