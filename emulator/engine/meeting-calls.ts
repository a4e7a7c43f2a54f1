import type { ParticipantRole } from '@azure/communication-calling';
import type { Operation } from '../protocol/messages';
import { consoleParty } from './answering';
import { isLive, type CallModel, type Leg, type Party } from './call-model';
import { capabilitiesFor } from './capabilities';
import { END, ERROR, WorldError } from './codes';
import { teamsUserIdentifier } from './directory';
import type { Meeting } from './meetings';
import type { Endpoint, LobbyPort, WorldPort } from './world-port';

type Join = Extract<Operation, { op: 'join' }>;
type Console = Party & { leg: Leg };

/**
 * Teams meetings as calls: joining (by link, coordinates or ID + passcode: the same meeting), the
 * roles (the organizer; presenters, or attendees when only the organizer presents) and the lobby.
 * With a lobby, everyone but the organizer waits `InLobby` until a console that can manage the
 * lobby admits them (`lobby.admit`), or, when no such console is in the meeting, until the
 * organizer admits them after the meeting's `autoAdmitMs`.
 */
export class MeetingCalls implements LobbyPort {
  constructor(private readonly world: WorldPort) {}

  join(
    endpoint: Endpoint,
    op: Join,
    checkNewCallId: (endpoint: Endpoint, callId: string) => void,
  ): { callId: string } {
    const { calls, meetings } = this.world;
    checkNewCallId(endpoint, op.callId);
    const found = meetings.find(op.locator);
    if (found === 'notFound')
      throw new WorldError(
        END.notFound,
        'No meeting matches: check the link, or the meeting ID and passcode.',
      );
    if ('malformed' in found) throw new WorldError(ERROR.invalidMeetingLocator, found.malformed);
    const call = this.callOf(found);
    const user = endpoint.user!;
    const role: ParticipantRole =
      found.organizer.key === user.key
        ? 'Organizer'
        : found.presenters === 'everyone'
          ? 'Presenter'
          : 'Attendee';
    const party = calls.addParty(call, {
      ...consoleParty(endpoint, 'Connecting', this.world.directory.cloud),
      role,
      videoOn: op.video ?? false,
    });
    calls.bindLeg(call, party, endpoint, { callId: op.callId, direction: 'Outgoing', state: 'Connecting' });
    const console = party as Console;
    if (found.lobby && role !== 'Organizer') {
      calls.setLegState(call, console, 'InLobby');
      this.arm(call, found, console);
    } else calls.setLegState(call, console, 'Connected');
    calls.refresh(call);
    this.world.speech.schedule(call);
    return { callId: op.callId };
  }

  admit(endpoint: Endpoint, callId: string, participantId: string): void {
    const { call, party } = this.manager(endpoint, callId);
    const waiting = call.parties.get(participantId);
    if (!waiting?.leg || waiting.leg.state !== 'InLobby' || waiting === party)
      throw new WorldError(ERROR.participantNotConnected, `${participantId} is not in this meeting's lobby.`);
    this.admitParty(call, waiting as Console);
  }

  admitAll(endpoint: Endpoint, callId: string): { successCount: number; failureCount: number } {
    const { call } = this.manager(endpoint, callId);
    const waiting = call.legs().filter((party) => party.leg.state === 'InLobby');
    waiting.forEach((party) => this.admitParty(call, party));
    return { successCount: waiting.length, failureCount: 0 };
  }

  /** Refused from the lobby: the joiner's call ends, as one removed by another participant. */
  rejectFromLobby(endpoint: Endpoint, callId: string, participantId: string): void {
    const { call } = this.manager(endpoint, callId);
    const waiting = call.parties.get(participantId);
    if (waiting?.leg?.state !== 'InLobby')
      throw new WorldError(ERROR.participantNotConnected, `${participantId} is not in this meeting's lobby.`);
    this.world.calls.leave(call, waiting, END.removed);
  }

  rearm(call: CallModel): void {
    const meeting = this.meetingOf(call);
    if (!meeting || this.managerPresent(call)) return;
    for (const party of call.legs())
      if (party.leg.state === 'InLobby' && !call.hasTimer(`lobby:${party.id}`))
        this.arm(call, meeting, party);
  }

  // ------------------------------------------------------------------------------------------

  /** The meeting's live call, or a new one with its colleagues already in it. */
  private callOf(meeting: Meeting): CallModel {
    const { calls, directory } = this.world;
    const live = meeting.callId === undefined ? undefined : calls.all.get(meeting.callId);
    if (live) return live;
    const call = calls.create('meeting');
    call.threadId = meeting.threadId;
    call.meetingKey = meeting.key;
    meeting.callId = call.id;
    call.hooks.ended = () => {
      if (meeting.callId === call.id) delete meeting.callId;
    };
    const role = (key?: string): ParticipantRole =>
      meeting.organizer.key === key
        ? 'Organizer'
        : meeting.presenters === 'everyone'
          ? 'Presenter'
          : 'Attendee';
    for (const key of meeting.attendees) {
      const colleague = directory.colleague(key)!;
      calls.addParty(call, {
        identifier: teamsUserIdentifier(colleague, directory.cloud),
        kind: 'teamsUser',
        key,
        state: 'Connected',
        role: role(key),
      });
    }
    // Named on the wire, as a meeting's roster names its people: a console need not look up
    // hundreds of made-up users in the directory (Graph does not know them).
    for (const attendee of meeting.generatedAttendees)
      calls.addParty(call, {
        identifier: teamsUserIdentifier(attendee, directory.cloud),
        kind: 'teamsUser',
        displayName: attendee.displayName,
        state: 'Connected',
        role: role(),
      });
    return call;
  }

  private manager(endpoint: Endpoint, callId: string): { call: CallModel; party: Console } {
    const found = this.world.calls.requireLeg(endpoint.id, callId);
    const capability = capabilitiesFor(found.call.kind, found.party).manageLobby;
    if (!capability.isPresent)
      throw new WorldError(
        capability.reason === 'RoleRestricted' ? ERROR.roleRestricted : ERROR.notApplicable,
        capability.reason === 'RoleRestricted'
          ? 'Only the organizer and presenters manage the lobby.'
          : 'Only meetings have a lobby.',
      );
    return found;
  }

  private admitParty(call: CallModel, party: Console): void {
    call.clearTimer(this.world.clock, `lobby:${party.id}`);
    this.world.calls.setLegState(call, party, 'Connected');
    this.world.calls.refresh(call);
    this.world.speech.schedule(call);
  }

  private arm(call: CallModel, meeting: Meeting, party: Console): void {
    call.setTimer(this.world.clock, `lobby:${party.id}`, meeting.autoAdmitMs, () => {
      if (party.leg?.state === 'InLobby' && !this.managerPresent(call)) this.admitParty(call, party);
    });
  }

  /** A console in the meeting (not waiting) that can admit the lobby. */
  private managerPresent(call: CallModel): boolean {
    return call
      .legs()
      .some((party) => isLive(party.leg.state) && capabilitiesFor(call.kind, party).manageLobby.isPresent);
  }

  private meetingOf(call: CallModel): Meeting | undefined {
    return this.world.meetings.list().find((meeting) => meeting.key === call.meetingKey);
  }
}
