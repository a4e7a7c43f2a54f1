import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { postJson, rawConsole, requestJson } from '../testing/raw-clients';
import { startEmulator, type RunningEmulator } from './emulator-server';

const ALEX = '00000000-0000-4000-8000-00000000a001';

describe('emulator server: threads, meetings and scripted parties', () => {
  let emulator: RunningEmulator;
  const get = async (path: string) => (await requestJson(emulator.url, path)).body as unknown;
  const post = (path: string, body: unknown) => postJson(emulator.url, path, body);

  before(async () => {
    emulator = await startEmulator({ port: 0, seed: 9, scenario: false });
  });
  after(async () => {
    await emulator.close();
  });

  it('creates chat threads (members, an optional information barrier) and lists them', async () => {
    const created = await post('/emulator/threads', {
      members: [ALEX, '00000000-0000-0000-0000-000000000000'],
      topic: 'Escalation',
    });
    assert.equal(created.status, 201);
    assert.match(String(created.body['id']), /^19:[0-9a-f-]{36}@thread\.v2$/);
    assert.deepEqual(created.body['members'], [ALEX, '00000000-0000-0000-0000-000000000000']);
    assert.equal(created.body['informationBarrier'], false);
    const barred = await post('/emulator/threads', { members: [ALEX], informationBarrier: true });
    assert.equal(barred.body['informationBarrier'], true);
    const listed = (await get('/emulator/threads')) as { id: string }[];
    assert.deepEqual(
      listed.map((t) => t.id),
      [created.body['id'], barred.body['id']],
    );
  });

  it('refuses threads whose members are missing, too many or not Teams user ids, naming the range', async () => {
    const refused = async (body: unknown) => (await post('/emulator/threads', body)).body['error'];
    assert.match(String(await refused({})), /"members" must be a list of 1 to 250 Teams user ids/);
    assert.equal(await refused({ members: [] }), '"members" must be a list of 1 to 250 Teams user ids.');
    assert.equal(
      await refused({ members: Array.from({ length: 251 }, () => ALEX) }),
      '"members" must be a list of 1 to 250 Teams user ids.',
    );
    assert.match(String(await refused({ members: ['alex'] })), /Teams user ids \(GUIDs/);
    assert.equal(
      await refused({ members: [ALEX], informationBarrier: 'yes' }),
      '"informationBarrier" must be true or false.',
    );
  });

  it('lists the seeded meetings (one with a lobby, one without) and schedules new ones', async () => {
    const meetings = (await get('/emulator/meetings')) as Record<string, unknown>[];
    assert.deepEqual(
      meetings.map((m) => [m['subject'], m['lobby'], m['inProgress']]),
      [
        ['Morning huddle', true, false],
        ['Billing review', false, false],
      ],
    );
    for (const meeting of meetings) {
      assert.match(String(meeting['meetingId']), /^\d{12}$/);
      assert.match(String(meeting['passcode']), /^[0-9A-Za-z]{6}$/);
      assert.match(
        String(meeting['link']),
        /^https:\/\/teams\.microsoft\.com\/l\/meetup-join\/19%3Ameeting_/,
      );
      assert.match(String(meeting['threadId']), /^19:meeting_\w+@thread\.v2$/);
    }
    const created = await post('/emulator/meetings', {
      organizer: 'alex',
      subject: 'Training',
      lobby: false,
      presenters: 'organizer',
      autoAdmitSeconds: 0,
      attendees: ['riley'],
    });
    assert.equal(created.status, 201);
    assert.deepEqual(
      [
        created.body['subject'],
        created.body['lobby'],
        created.body['presenters'],
        created.body['autoAdmitSeconds'],
      ],
      ['Training', false, 'organizer', 0],
    );
    assert.equal((created.body['organizer'] as { key: string }).key, 'alex');
  });

  it('refuses meetings with an unknown organizer or attendee, and numbers out of range', async () => {
    const refused = async (body: unknown) => (await post('/emulator/meetings', body)).body['error'];
    assert.match(String(await refused({})), /"organizer" is a user or colleague key/);
    assert.match(String(await refused({ organizer: 'mallory' })), /not "mallory"/);
    assert.match(
      String(await refused({ organizer: 'sam', attendees: ['blake'] })),
      /"attendees" are colleagues/,
    );
    assert.equal(
      await refused({ organizer: 'sam', presenters: 'all' }),
      '"presenters" is "everyone" or "organizer".',
    );
    assert.equal(
      await refused({ organizer: 'sam', autoAdmitSeconds: 3601 }),
      '"autoAdmitSeconds" must be an integer from 0 to 3600 (seconds).',
    );
  });

  it('schedules a meeting of generated attendees and runs a speaker storm in it once a console is in', async () => {
    const created = await post('/emulator/meetings', {
      organizer: 'riley',
      lobby: false,
      attendees: ['jordan'],
      generatedAttendees: 349,
    });
    assert.equal(created.status, 201);
    assert.equal(created.body['generatedAttendees'], 349);
    const key = String(created.body['key']);
    const notYet = await post(`/emulator/meetings/${key}/speaking`, { perSecond: 1000, seconds: 60 });
    assert.deepEqual(
      [notYet.status, notYet.body['error']],
      [
        409,
        `Meeting ${key} is not in progress: a console joins it first, then the storm has someone to reach.`,
      ],
    );

    const { socket, request } = await rawConsole(emulator.url);
    await request(1, { op: 'hello', token: emulator.world.issueToken('casey').token });
    await request(2, { op: 'join', callId: 'c1', locator: { meetingLink: String(created.body['link']) } });
    const call = emulator.world.calls.all.get(
      emulator.world.meetings.list().find((m) => m.key === key)!.callId!,
    )!;
    assert.equal(call.parties.size, 351, 'the colleague, 349 generated attendees and Casey');

    const now = new Date(emulator.world.clock.now()).toISOString();
    const started = await post(`/emulator/meetings/${key}/speaking`, { perSecond: 1000, seconds: 60 });
    assert.equal(started.status, 202);
    assert.deepEqual(
      { ...started.body, startedAt: now, endsAt: now },
      { meeting: key, perSecond: 1000, seconds: 60, startedAt: now, endsAt: now, flips: 0 },
    );
    assert.equal(
      Date.parse(String(started.body['endsAt'])) - Date.parse(String(started.body['startedAt'])),
      60_000,
    );
    const listed = (await get('/emulator/meetings')) as Record<string, unknown>[];
    const storm = listed.find((m) => m['key'] === key)!['speaking'] as Record<string, unknown>;
    assert.equal(storm['endsAt'], started.body['endsAt']);
    socket.close();
  });

  it('refuses a speaker storm in an unknown meeting and out of range, saying which', async () => {
    const refused = async (key: string, body: unknown) => {
      const { status, body: answer } = await post(`/emulator/meetings/${key}/speaking`, body);
      return [status, answer['error']];
    };
    assert.deepEqual(await refused('m99', { perSecond: 10, seconds: 1 }), [
      404,
      `No meeting "m99": one of ${((await get('/emulator/meetings')) as { key: string }[]).map((m) => m.key).join(', ')} (GET /emulator/meetings).`,
    ]);
    const inRange = { perSecond: 10, seconds: 1 };
    const refusals: [unknown, string][] = [
      [{ ...inRange, perSecond: 0 }, '"perSecond" must be an integer from 1 to 5000 (changes a second).'],
      [{ ...inRange, perSecond: 5001 }, '"perSecond" must be an integer from 1 to 5000 (changes a second).'],
      [{ ...inRange, perSecond: 1.5 }, '"perSecond" must be an integer from 1 to 5000 (changes a second).'],
      [{ ...inRange, seconds: 601 }, '"seconds" must be an integer from 1 to 600 (seconds).'],
      [{ perSecond: 10 }, '"seconds" must be an integer from 1 to 600 (seconds).'],
      [{ ...inRange, for: 3 }, 'Unknown field "for": the body takes "perSecond", "seconds".'],
    ];
    for (const [body, message] of refusals) assert.deepEqual(await refused('m1', body), [400, message]);
    const tooMany = await post('/emulator/meetings', { organizer: 'sam', generatedAttendees: 351 });
    assert.deepEqual(
      [tooMany.status, tooMany.body['error']],
      [400, '"generatedAttendees" must be an integer from 0 to 350 (attendees).'],
    );
  });

  it('makes a scripted party hang up, and shows every party and leg of a call in the state', async () => {
    const { world } = emulator;
    const endpoint = world.open(
      () => undefined,
      () => undefined,
    );
    await world.request(endpoint, { op: 'hello', token: world.issueToken('alex').token });
    await world.request(endpoint, {
      op: 'startCall',
      callId: 'call-1',
      targets: [{ kind: 'phoneNumber', phoneNumber: '+14255550123' }],
    });
    const state = (await get('/emulator/state')) as {
      calls: { id: string; kind: string; parties: unknown[] }[];
    };
    assert.deepEqual(state.calls[0].parties, [
      {
        id: `8:orgid:${ALEX}`,
        kind: 'console',
        key: 'alex',
        state: 'EarlyMedia',
        role: 'Unknown',
        isMuted: false,
        isSpeaking: false,
        videoOn: false,
        leg: { userKey: 'alex', callId: 'call-1', direction: 'Outgoing', state: 'EarlyMedia' },
      },
      {
        id: '4:+14255550123',
        kind: 'phone',
        state: 'EarlyMedia',
        role: 'Unknown',
        isMuted: false,
        isSpeaking: false,
        videoOn: false,
      },
    ]);
    assert.equal(
      (await post('/emulator/parties/leave', { callId: 'call-1', participantId: `8:orgid:${ALEX}` })).status,
      400,
    );
    assert.equal(
      (await post('/emulator/parties/leave', { callId: 'call-1', participantId: '4:+1' })).status,
      404,
    );
    assert.equal(
      (await post('/emulator/parties/leave', { callId: 'nope', participantId: '4:+1' })).status,
      404,
    );
    assert.deepEqual(
      await post('/emulator/parties/leave', { callId: 'call-1', participantId: '4:+14255550123' }),
      {
        status: 200,
        body: { left: '4:+14255550123' },
      },
    );
    assert.deepEqual(
      ((await get('/emulator/state')) as { calls: unknown[] }).calls,
      [],
      'a 1:1 ends when one side leaves',
    );
    world.close(endpoint);
  });
});
