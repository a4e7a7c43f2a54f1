import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { postJson, requestJson } from '../testing/raw-clients';
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
