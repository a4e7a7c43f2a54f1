import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ServerMessage, SignedInWire } from '../protocol/messages';
import { ManualClock } from './clock';
import { RESUME_WINDOW_MS, World } from './world';

/** A world and sockets opened on it directly: what each was sent, and whether the world cut it off. */
function setUp() {
  const clock = new ManualClock(0);
  const world = new World({ clock, seed: 4, scenario: false });
  const socket = () => {
    const received: ServerMessage[] = [];
    const state = { dropped: false };
    const id = world.open(
      (message) => received.push(message),
      () => (state.dropped = true),
    );
    return { id, received, state };
  };
  const signIn = async (key: string) => {
    const s = socket();
    const answer = (await world.request(s.id, {
      op: 'hello',
      token: world.issueToken(key).token,
    })) as SignedInWire;
    return { ...s, answer };
  };
  const seqs = (messages: ServerMessage[]) => messages.map((m) => (m as { seq?: number }).seq);
  return { clock, world, socket, signIn, seqs };
}

describe('endpoints and their sockets', () => {
  it('replays exactly what came after the last message received, in order, on the new socket', async () => {
    const { world, socket, signIn, seqs } = setUp();
    const alex = await signIn('alex');
    world.enqueuePhoneCall({ patienceMs: 600_000 });
    world.enqueuePhoneCall({ patienceMs: 600_000 });
    assert.deepEqual(seqs(alex.received), [1, 2]);
    world.close(alex.id, 'lost');
    world.enqueuePhoneCall({ patienceMs: 600_000 });
    const again = socket();
    const { endpointId, resumeSecret } = alex.answer;
    const answer = await world.request(again.id, {
      op: 'resumeEndpoint',
      endpointId,
      secret: resumeSecret,
      lastSeq: 1,
    });
    assert.deepEqual(answer, alex.answer);
    assert.deepEqual(seqs(again.received), [2, 3]);
    // The new socket now speaks for the endpoint.
    assert.equal(world.endpoint(again.id)?.id, endpointId);
    world.enqueuePhoneCall({ patienceMs: 600_000 });
    assert.deepEqual(seqs(again.received), [2, 3, 4]);
  });

  it('takes an endpoint over from a socket the world had not noticed was dead, cutting that one off', async () => {
    const { world, socket, signIn } = setUp();
    const alex = await signIn('alex');
    const again = socket();
    const { endpointId, resumeSecret: secret } = alex.answer;
    await world.request(again.id, { op: 'resumeEndpoint', endpointId, secret, lastSeq: 0 });
    assert.equal(alex.state.dropped, true);
    // The old socket's end, reported late, leaves the endpoint alone.
    world.close(alex.id, 'closed');
    assert.deepEqual(
      world.signedInEndpoints().map((e) => e.id),
      [endpointId],
    );
  });

  it('refuses 404/49016 a resume it cannot honour, and ends an endpoint too far behind', async () => {
    const { world, clock, socket, signIn } = setUp();
    const alex = await signIn('alex');
    const { endpointId, resumeSecret: secret } = alex.answer;
    world.close(alex.id, 'lost');
    const refused = { code: 404, subCode: 49016 };
    await assert.rejects(
      world.request(socket().id, { op: 'resumeEndpoint', endpointId, secret: 'guess', lastSeq: 0 }),
      refused,
    );
    await assert.rejects(
      world.request(socket().id, { op: 'resumeEndpoint', endpointId, secret, lastSeq: 5 }),
      refused,
    );
    assert.deepEqual(world.signedInEndpoints(), []);

    const blake = await signIn('blake');
    world.close(blake.id, 'lost');
    clock.advance(RESUME_WINDOW_MS);
    const late = { endpointId: blake.answer.endpointId, secret: blake.answer.resumeSecret, lastSeq: 0 };
    await assert.rejects(world.request(socket().id, { op: 'resumeEndpoint', ...late }), refused);
  });

  it('refuses a dropped user as unreachable for the seconds given, then lets them back', async () => {
    const { world, clock, socket, signIn } = setUp();
    const alex = await signIn('alex');
    assert.equal(world.dropConnection('alex', 30), 1);
    assert.equal(alex.state.dropped, true);
    const { endpointId, resumeSecret: secret } = alex.answer;
    const unreachable = { code: 408, subCode: 40114, message: 'The calling service cannot be reached.' };
    await assert.rejects(
      world.request(socket().id, { op: 'resumeEndpoint', endpointId, secret, lastSeq: 0 }),
      unreachable,
    );
    await assert.rejects(
      world.request(socket().id, { op: 'hello', token: world.issueToken('alex').token }),
      unreachable,
    );
    clock.advance(30_000);
    await world.request(socket().id, { op: 'resumeEndpoint', endpointId, secret, lastSeq: 0 });
    assert.deepEqual(
      world.signedInEndpoints().map((e) => e.user?.key),
      ['alex'],
    );
  });
});
