import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TeamsCall } from '@azure/communication-calling';
import { consoles } from '../testing/consoles';
import { ManualClock } from './clock';
import { STORM_BATCH_MS } from './speaker-storm';
import { World } from './world';

/** Alex in a meeting of `generated` made-up attendees (no lobby), counting the flips Alex hears. */
async function inATownHall(generated: number) {
  const setup = await consoles('alex');
  const { emulator, world, consoles: c, watch } = setup;
  const meeting = world.meetings.create({ organizer: 'riley', lobby: false, generatedAttendees: generated });
  const call: TeamsCall = c.alex.agent.join({ meetingLink: meeting.link });
  await emulator.settle();
  const heard: string[] = [];
  for (const participant of call.remoteParticipants) watch(participant, ['isSpeakingChanged'], heard, '');
  return { ...setup, meeting, call, heard };
}

describe('a meeting’s generated attendees', () => {
  it('are in the meeting as named Teams users when a console joins: up to 350 remote participants', async () => {
    const { call, finish } = await inATownHall(350);
    assert.equal(call.state, 'Connected');
    assert.equal(call.remoteParticipants.length, 350);
    const names = call.remoteParticipants.map((p) => p.displayName);
    assert.equal(new Set(names).size, 350, 'every attendee has a name of their own');
    for (const participant of call.remoteParticipants) {
      assert.equal(participant.identifier.kind, 'microsoftTeamsUser');
      assert.equal(participant.state, 'Connected');
      assert.equal(participant.role, 'Presenter');
    }
    await finish();
  });

  it('are the same people for the same seed, others for another', () => {
    const names = (seed: number) =>
      new World({ seed, scenario: false, clock: new ManualClock() }).meetings
        .create({ organizer: 'sam', generatedAttendees: 5 })
        .generatedAttendees.map((a) => a.displayName);
    assert.deepEqual(names(3), names(3));
    assert.notDeepEqual(names(3), names(4));
  });

  it('are refused out of range, with colleagues past 350 in all, and a colleague named twice', () => {
    const world = new World({ scenario: false, clock: new ManualClock() });
    const refusals: [Parameters<typeof world.meetings.create>[0], string][] = [
      [
        { organizer: 'sam', generatedAttendees: 351 },
        '"generatedAttendees" must be an integer from 0 to 350 (attendees).',
      ],
      [
        { organizer: 'sam', generatedAttendees: 2.5 },
        '"generatedAttendees" must be an integer from 0 to 350 (attendees).',
      ],
      [
        { organizer: 'sam', attendees: ['riley'], generatedAttendees: 350 },
        '"attendees" and "generatedAttendees" together must be at most 350 people.',
      ],
      [
        { organizer: 'sam', attendees: ['riley', 'riley'] },
        '"attendees" names each colleague once: "riley" is there twice.',
      ],
    ];
    for (const [spec, message] of refusals) assert.throws(() => world.meetings.create(spec), { message });
    world.dispose();
  });
});

describe('a speaker storm', () => {
  it('flips isSpeaking perSecond times a second at a console in the meeting, then stops', async () => {
    const { emulator, world, meeting, heard, finish } = await inATownHall(350);
    const storm = world.speakerStorms.start(meeting.key, { perSecond: 1000, seconds: 3 });
    assert.equal(storm.endsAt - storm.startedAt, 3000);
    // Whatever the meeting's scripted talk was saying ends as the storm starts.
    await emulator.settle();
    heard.length = 0;
    const perSecond: number[] = [];
    for (let second = 0; second < 3; second++) {
      await emulator.advance(1000);
      perSecond.push(heard.length);
      heard.length = 0;
    }
    assert.deepEqual(perSecond, [1000, 1000, 1000]);
    assert.equal(storm.flips, 3000);
    assert.equal(world.speakerStorms.current(meeting), undefined);
    await emulator.advance(2000);
    assert.equal(heard.length, 0, 'nothing after its end (and no scripted turn within 800 ms of it)');
    await finish();
  });

  it('batches its flips on the clock instead of a timer each', async () => {
    const { emulator, world, meeting, heard, finish } = await inATownHall(20);
    world.speakerStorms.start(meeting.key, { perSecond: 5000, seconds: 1 });
    await emulator.settle();
    heard.length = 0;
    const timers = emulator.clock.pendingTimers;
    await emulator.advance(STORM_BATCH_MS);
    assert.equal(heard.length, (5000 * STORM_BATCH_MS) / 1000);
    assert.equal(emulator.clock.pendingTimers, timers, 'one batch timer replaced by the next');
    await emulator.advance(1000);
    assert.equal(heard.length, 5000);
    await finish();
  });

  it('ends with the meeting: the last console leaving cancels it', async () => {
    const { emulator, world, meeting, call, heard, finish } = await inATownHall(50);
    world.speakerStorms.start(meeting.key, { perSecond: 100, seconds: 600 });
    await emulator.advance(1000);
    assert.ok(heard.length >= 100, `heard ${heard.length}`);
    await call.hangUp();
    await emulator.settle();
    assert.equal(meeting.callId, undefined, 'the meeting is over');
    const timers = emulator.clock.pendingTimers;
    await emulator.advance(10_000);
    assert.equal(emulator.clock.pendingTimers, timers);
    assert.equal(world.speakerStorms.current(meeting), undefined);
    await finish();
  });

  it('is refused for an unknown meeting, one nobody is in, and out of range, saying which', async () => {
    const { world, meeting, finish } = await inATownHall(5);
    const idle = world.meetings.create({ organizer: 'sam', generatedAttendees: 5 });
    const refusals: [string, { perSecond: number; seconds: number }, string, string][] = [
      ['m99', { perSecond: 10, seconds: 1 }, 'unknownMeeting', 'No meeting "m99": one of m1, m2, m3, m4'],
      [idle.key, { perSecond: 10, seconds: 1 }, 'notInProgress', `Meeting ${idle.key} is not in progress`],
      [
        meeting.key,
        { perSecond: 5001, seconds: 1 },
        'outOfRange',
        '"perSecond" must be an integer from 1 to 5000 (changes a second).',
      ],
      [
        meeting.key,
        { perSecond: 10, seconds: 0 },
        'outOfRange',
        '"seconds" must be an integer from 1 to 600 (seconds).',
      ],
    ];
    for (const [key, spec, reason, message] of refusals)
      assert.throws(
        () => world.speakerStorms.start(key, spec),
        (error: Error & { reason?: string }) => error.reason === reason && error.message.startsWith(message),
      );
    await finish();
  });
});
