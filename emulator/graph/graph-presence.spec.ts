import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AuthenticationHandler, Client } from '@microsoft/microsoft-graph-client';
import { worldWithConsoles } from '../testing/direct-consoles';
import { answerGraph } from './graph-routes';
import { InProcessGraph } from './in-process-graph';
import { graphWorldOf } from './world-graph';

const ALEX = '00000000-0000-4000-8000-00000000a001';
const BLAKE = '00000000-0000-4000-8000-00000000a002';
const RILEY = '00000000-0000-4000-8000-00000000b001';
const AVERY = '00000000-0000-4000-8000-00000000b004';
const APP = '11111111-2222-4333-8444-555555555555';
const MINUTE = 60_000;

/** The real world's Graph, Alex signed in at a console (Blake is not). */
async function presenceGraph() {
  const setup = await worldWithConsoles('alex');
  const graph = graphWorldOf(setup.world);
  const as = (userKey: string) => (method: string, url: string, body?: unknown) =>
    answerGraph(graph, {
      method,
      url,
      body,
      headers: { authorization: `Bearer ${setup.world.signIn(userKey)}` },
    });
  const alex = as('alex');
  const pairOf = (response: { body?: unknown }) => {
    const { availability, activity } = response.body as { availability: string; activity: string };
    return `${availability}/${activity}`;
  };
  const setAlex = (availability: string, activity: string, expirationDuration?: string) =>
    alex('POST', `/v1.0/users/${ALEX}/presence/setPresence`, {
      sessionId: APP,
      availability,
      activity,
      ...(expirationDuration && { expirationDuration }),
    });
  /** A Graph error as `403 Forbidden: message`. */
  const errorOf = (response: { status: number; body?: unknown }) => {
    const { error } = response.body as { error: { code: string; message: string } };
    return `${response.status} ${error.code}: ${error.message}`;
  };
  return { ...setup, graph, alex, blake: as('blake'), pairOf, setAlex, errorOf };
}

describe('the emulator’s Microsoft Graph: presence', () => {
  it('reads a user’s presence: Available while signed in, Busy/InACall in a call, else Offline', async () => {
    const { world, alex, endpoints, pairOf } = await presenceGraph();
    const me = alex('GET', '/v1.0/me/presence');
    assert.deepEqual(me, {
      status: 200,
      body: {
        '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#users('${ALEX}')/presence/$entity`,
        id: ALEX,
        availability: 'Available',
        activity: 'Available',
      },
    });
    assert.equal(pairOf(alex('GET', `/v1.0/users/${BLAKE}/presence`)), 'Offline/Offline');
    assert.equal(pairOf(alex('GET', '/v1.0/users/blake@switchboard.example/presence')), 'Offline/Offline');
    assert.equal(pairOf(alex('GET', `/v1.0/users/${RILEY}/presence`)), 'Available/Available');
    assert.equal(pairOf(alex('GET', `/v1.0/users/${AVERY}/presence`)), 'Offline/Offline');
    const id = world.enqueuePhoneCall();
    await world.request(endpoints['alex']!, { op: 'accept', incomingCallId: id });
    assert.equal(pairOf(alex('GET', '/v1.0/me/presence')), 'Busy/InACall');
    assert.deepEqual(world.snapshot().presence['alex'], { availability: 'Busy', activity: 'InACall' });
    assert.equal(alex('GET', '/v1.0/users/00000000-0000-4000-8000-0000000fffff/presence').status, 404);
  });

  it('sets a presence session (200, no body) that wins over the rest, and clears it', async () => {
    const { world, endpoints, alex, setAlex, pairOf, errorOf } = await presenceGraph();
    assert.deepEqual(setAlex('Away', 'Away'), { status: 200 });
    assert.equal(pairOf(alex('GET', '/v1.0/me/presence')), 'Away/Away');
    const id = world.enqueuePhoneCall();
    await world.request(endpoints['alex']!, { op: 'accept', incomingCallId: id });
    assert.equal(pairOf(alex('GET', '/v1.0/me/presence')), 'Away/Away', 'the session wins over the call');
    const clear = () => alex('POST', `/v1.0/users/${ALEX}/presence/clearPresence`, { sessionId: APP });
    assert.deepEqual(clear(), { status: 200 });
    assert.equal(pairOf(alex('GET', '/v1.0/me/presence')), 'Busy/InACall');
    assert.equal(
      errorOf(clear()),
      `404 NotFound: No presence session '${APP}' for this user (it may have expired).`,
    );
  });

  it('expires a session after its duration (PT5M by default), and setting it again renews it', async () => {
    const { clock, alex, setAlex, pairOf } = await presenceGraph();
    const presence = () => pairOf(alex('GET', '/v1.0/me/presence'));
    setAlex('Away', 'Away');
    clock.advance(4 * MINUTE);
    setAlex('Away', 'Away');
    clock.advance(4 * MINUTE);
    assert.equal(presence(), 'Away/Away', 'renewed at four minutes');
    clock.advance(MINUTE);
    assert.equal(presence(), 'Available/Available');
    setAlex('Busy', 'InACall', 'PT1H30M');
    clock.advance(90 * MINUTE - 1);
    assert.equal(presence(), 'Busy/InACall');
    clock.advance(1);
    assert.equal(presence(), 'Available/Available');
  });

  it('lets the newest session win when an app sets several', async () => {
    const { alex, pairOf } = await presenceGraph();
    const set = (sessionId: string, availability: string, activity: string) =>
      alex('POST', `/v1.0/users/${ALEX}/presence/setPresence`, { sessionId, availability, activity });
    set('first', 'Away', 'Away');
    set('second', 'DoNotDisturb', 'Presenting');
    assert.equal(pairOf(alex('GET', '/v1.0/me/presence')), 'DoNotDisturb/Presenting');
    set('first', 'Busy', 'InAConferenceCall');
    assert.equal(pairOf(alex('GET', '/v1.0/me/presence')), 'Busy/InAConferenceCall');
  });

  it('refuses another user’s presence (403), a pair Graph does not take and a bad duration (400)', async () => {
    const { alex, blake, setAlex, errorOf } = await presenceGraph();
    assert.equal(
      errorOf(
        blake('POST', `/v1.0/users/${ALEX}/presence/setPresence`, {
          sessionId: APP,
          availability: 'Away',
          activity: 'Away',
        }),
      ),
      "403 Forbidden: An app can set or clear only the signed-in user's own presence.",
    );
    assert.match(
      errorOf(blake('POST', `/v1.0/users/${ALEX}/presence/clearPresence`, { sessionId: APP })),
      /^403 Forbidden/,
    );
    assert.equal(
      errorOf(setAlex('Busy', 'Away')),
      '400 BadRequest: The presence Busy/Away cannot be set: use one of Available/Available, Busy/InACall, ' +
        'Busy/InAConferenceCall, Away/Away, DoNotDisturb/Presenting.',
    );
    for (const duration of ['PT4M59S', 'PT4H1M', 'five minutes', 'P1D'])
      assert.equal(
        errorOf(setAlex('Away', 'Away', duration)),
        `400 BadRequest: "expirationDuration" must be an ISO 8601 duration from PT5M to PT4H, not "${duration}".`,
      );
    assert.deepEqual(setAlex('Away', 'Away', 'PT4H'), { status: 200 });
    assert.match(
      errorOf(
        alex('POST', `/v1.0/users/${ALEX}/presence/setPresence`, { availability: 'Away', activity: 'Away' }),
      ),
      /^400 BadRequest: "sessionId" is required/,
    );
    assert.match(
      errorOf(alex('POST', `/v1.0/users/${ALEX}/presence/clearPresence`, 'x')),
      /^400 BadRequest: The request body/,
    );
  });

  it('reads several users’ presence at once (getPresencesByUserId), unknown ids as PresenceUnknown', async () => {
    const { alex, setAlex, errorOf } = await presenceGraph();
    setAlex('Away', 'Away');
    const unknown = '00000000-0000-4000-8000-0000000fffff';
    const answer = alex('POST', '/v1.0/communications/getPresencesByUserId', { ids: [ALEX, BLAKE, unknown] });
    assert.equal(answer.status, 200);
    assert.deepEqual((answer.body as { value: unknown }).value, [
      { id: ALEX, availability: 'Away', activity: 'Away' },
      { id: BLAKE, availability: 'Offline', activity: 'Offline' },
      { id: unknown, availability: 'PresenceUnknown', activity: 'PresenceUnknown' },
    ]);
    for (const ids of [[], ['alex'], 'x', Array.from({ length: 651 }, () => ALEX)])
      assert.equal(
        errorOf(alex('POST', '/v1.0/communications/getPresencesByUserId', { ids })),
        '400 BadRequest: "ids" must be a list of 1 to 650 user object ids (GUIDs).',
      );
  });

  it('answers the Graph client in process too, as the console’s tests reach Graph', async () => {
    const { world, graph } = await presenceGraph();
    const token = world.signIn('alex');
    const client = Client.initWithMiddleware({
      middleware: [
        new AuthenticationHandler({ getAccessToken: async () => token }),
        new InProcessGraph(graph),
      ],
    });
    const set = await client
      .api(`/users/${ALEX}/presence/setPresence`)
      .post({ sessionId: APP, availability: 'Away', activity: 'Away', expirationDuration: 'PT10M' });
    assert.equal(set, null, '200 with no body: the client resolves with nothing to parse');
    assert.deepEqual(world.presence.sessionsOf('alex'), [
      { sessionId: APP, availability: 'Away', activity: 'Away', expiresAt: world.clock.now() + 10 * MINUTE },
    ]);
    const read = (await client.api('/me/presence').get()) as { availability: string; activity: string };
    assert.deepEqual([read.availability, read.activity], ['Away', 'Away']);
    await assert.rejects(client.api(`/users/${BLAKE}/presence/clearPresence`).post({ sessionId: APP }), {
      statusCode: 403,
      code: 'Forbidden',
    });
  });
});
