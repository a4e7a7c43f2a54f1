import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type {
  CapabilitiesFeature,
  DominantSpeakersCallFeature,
  RemoteParticipant,
  TeamsCall,
} from '@azure/communication-calling';
import { consoles, rawId, rawIdOf } from '../testing/consoles';
import { Features } from './index';

const capabilitiesOf = (call: TeamsCall) =>
  call.feature(Features.Capabilities as never) as unknown as CapabilitiesFeature;
const rosterOf = (call: TeamsCall) => call.remoteParticipants.map((p) => `${rawId(p)} ${p.state}`).sort();

describe('Teams meetings', () => {
  it('are reached by link, by coordinates and by meeting ID + passcode: the same meeting, everyone seeing everyone', async () => {
    const { emulator, world, consoles: c, finish } = await consoles('alex', 'blake', 'casey');
    const meeting = world.meetings.list().find((m) => m.subject === 'Billing review')!;
    const riley = rawIdOf(world.directory.colleague('riley')!);
    const byLink = c.alex.agent.join({ meetingLink: meeting.link });
    const { threadId, organizerId, tenantId, messageId } = meeting;
    const byCoordinates = c.blake.agent.join({ threadId, organizerId, tenantId, messageId } as never);
    const byId = c.casey.agent.join({ meetingId: meeting.meetingId, passcode: meeting.passcode });
    await emulator.settle();
    for (const call of [byLink, byCoordinates, byId]) {
      assert.equal(call.state, 'Connected');
      assert.equal(call.direction, 'Outgoing');
      assert.equal(call.info.threadId, meeting.threadId);
      assert.equal(call.role, 'Presenter', 'everyone presents in this meeting');
      assert.equal(await call.info.getServerCallId(), await byLink.info.getServerCallId());
    }
    assert.notEqual(byLink.id, byCoordinates.id, 'each console has its own call id');
    assert.deepEqual(
      rosterOf(byLink),
      [
        `${rawIdOf(c.blake.identifier)} Connected`,
        `${rawIdOf(c.casey.identifier)} Connected`,
        `${riley} Connected`,
      ].sort(),
    );
    assert.equal(byLink.remoteParticipants.find((p) => rawId(p) === riley)?.role, 'Organizer');
    await finish();
  });

  it('refuse a malformed locator synchronously (400/49005) and end a wrong one 404 (a passcode is case-sensitive)', async () => {
    const { emulator, world, consoles: c, finish } = await consoles('alex');
    const meeting = world.meetings.list()[0];
    const agent = c.alex.agent;
    assert.throws(() => agent.join({ meetingLink: 'https://example.com/meet/1' }), {
      code: 400,
      subCode: 49005,
    });
    assert.throws(() => agent.join({ meetingId: '12345', passcode: meeting.passcode }), {
      code: 400,
      subCode: 49005,
      message: /12 digits/,
    });
    assert.throws(() => agent.join({ meetingId: meeting.meetingId }), {
      code: 400,
      subCode: 49005,
      message: /passcode/,
    });
    const swapped = [...meeting.passcode]
      .map((ch) => (ch === ch.toUpperCase() ? ch.toLowerCase() : ch.toUpperCase()))
      .join('');
    const wrongCase = agent.join({ meetingId: meeting.meetingId, passcode: swapped });
    const unknown = agent.join({ meetingId: '100000000000', passcode: meeting.passcode });
    const states: string[] = [];
    const onState = () => states.push(wrongCase.state);
    wrongCase.on('stateChanged', onState);
    await emulator.settle();
    wrongCase.off('stateChanged', onState);
    assert.deepEqual(states, ['Connecting', 'Disconnecting', 'Disconnected']);
    assert.deepEqual(wrongCase.callEndReason, { code: 404 });
    assert.deepEqual(unknown.callEndReason, { code: 404 });
    assert.deepEqual(agent.calls, []);
    await finish();
  });

  it('keep a joiner InLobby, seeing nobody, until the organizer’s console admits them', async () => {
    const { emulator, world, consoles: c, watch, finish } = await consoles('sam', 'alex');
    const meeting = world.meetings.list().find((m) => m.lobby)!;
    const organizer = c.sam.agent.join({ meetingLink: meeting.link });
    await emulator.settle();
    assert.equal(organizer.state, 'Connected');
    assert.equal(organizer.role, 'Organizer');
    const log: string[] = [];
    watch(organizer.lobby, ['lobbyParticipantsUpdated'], log, 'sam lobby', (_t, _e, a) => {
      const { added, removed } = a as { added: RemoteParticipant[]; removed: RemoteParticipant[] };
      return `+${added.length} -${removed.length}`;
    });
    const joiner = c.alex.agent.join({ meetingId: meeting.meetingId, passcode: meeting.passcode });
    await emulator.advance(60_000);
    assert.equal(
      joiner.state,
      'InLobby',
      'a console that can admit is in the meeting: the organizer does not step in',
    );
    assert.equal(joiner.remoteParticipants.length, 0);
    assert.deepEqual(
      organizer.lobby.participants.map((p) => rawId(p)),
      [rawIdOf(c.alex.identifier)],
    );
    assert.equal(organizer.remoteParticipants[0].state, 'InLobby');
    assert.equal(joiner.role, 'Attendee');
    const attendee = capabilitiesOf(joiner).capabilities;
    assert.deepEqual(attendee.manageLobby, { isPresent: false, reason: 'RoleRestricted' });
    assert.deepEqual(attendee.muteOthers, { isPresent: false, reason: 'RoleRestricted' });
    assert.deepEqual(capabilitiesOf(organizer).capabilities.manageLobby, {
      isPresent: true,
      reason: 'Capable',
    });

    await organizer.lobby.admit(c.alex.identifier);
    await emulator.settle();
    assert.equal(joiner.state, 'Connected');
    assert.deepEqual(rosterOf(joiner), [`${rawIdOf(c.sam.identifier)} Connected`]);
    assert.deepEqual(organizer.lobby.participants, []);
    assert.deepEqual(log, ['sam lobby +1 -0', 'sam lobby +0 -1']);
    await assert.rejects(joiner.lobby.admit(c.sam.identifier), { code: 403, subCode: 49011 });
    const [samSeen] = joiner.remoteParticipants;
    await assert.rejects(samSeen.mute(), { code: 403, subCode: 49011 });
    await finish();
  });

  it('have the organizer admit the lobby after 10 seconds when no console that can is in the meeting', async () => {
    const { emulator, world, consoles: c, finish } = await consoles('alex');
    const meeting = world.meetings.list().find((m) => m.lobby)!;
    const call = c.alex.agent.join({ meetingLink: meeting.link });
    await emulator.advance(9_999);
    assert.equal(call.state, 'InLobby');
    await emulator.advance(1);
    assert.equal(call.state, 'Connected');
    await finish();
  });

  it('go on while someone is in them; the organizer can end one for everyone (0/4097)', async () => {
    const { emulator, world, consoles: c, finish } = await consoles('alex', 'blake');
    const meeting = world.meetings.list().find((m) => !m.lobby)!;
    const alex = c.alex.agent.join({ meetingLink: meeting.link });
    const blake = c.blake.agent.join({ meetingLink: meeting.link });
    await emulator.settle();
    await alex.hangUp();
    await emulator.settle();
    assert.deepEqual(alex.callEndReason, { code: 0, subCode: 0 });
    assert.equal(blake.state, 'Connected');
    assert.equal(meeting.callId !== undefined, true);
    const again = c.alex.agent.join({ meetingLink: meeting.link });
    await emulator.settle();
    await again.hangUp({ forEveryone: true });
    await emulator.settle();
    assert.deepEqual(again.callEndReason, { code: 0, subCode: 0 });
    assert.deepEqual(blake.callEndReason, { code: 0, subCode: 4097 });
    assert.equal(meeting.callId, undefined, 'the meeting is over; joining it again starts it again');
    await finish();
  });

  it('report dominant speakers from whoever spoke, most recent first', async () => {
    const { emulator, world, consoles: c, watch, finish } = await consoles('alex');
    const meeting = world.meetings.list().find((m) => !m.lobby)!;
    const call = c.alex.agent.join({ meetingLink: meeting.link });
    const speakers = call.feature(
      Features.DominantSpeakers as never,
    ) as unknown as DominantSpeakersCallFeature;
    assert.equal(call.feature(Features.DominantSpeakers as never), speakers, 'one feature object per call');
    const log: string[] = [];
    watch(speakers, ['dominantSpeakersChanged'], log, '');
    await emulator.advance(5_000);
    assert.deepEqual(log, ['dominantSpeakersChanged']);
    assert.deepEqual(
      speakers.dominantSpeakers.speakersList.map((identifier) => rawId({ identifier })),
      [rawIdOf(world.directory.colleague('riley')!)],
    );
    await finish();
  });
});
