import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CallState, RemoteParticipantState, TeamsCall } from '@azure/communication-calling';
import { AzureCommunicationTokenCredential } from '@azure/communication-common';
import { CallClient } from '../client';
import { documentedWorld } from './documented-world';

/** Microsoft's "Manage calls for Teams users" documentation: "Call" (its properties and state tables). */
describe('Manage calls for Teams users: call properties', () => {
  it('reads a call as documented: id, info, remoteParticipants, callerInfo, state, callEndReason, direction, isMuted, ...', async () => {
    const { emulator, world, userToken, track, finish } = await documentedWorld();
    const teamsCallAgent = await new CallClient().createTeamsCallAgent(
      new AzureCommunicationTokenCredential(userToken('alex')),
    );
    const answered: TeamsCall[] = [];
    const onIncoming = async (args: { incomingCall: { accept(): Promise<TeamsCall> } }) =>
      answered.push(await args.incomingCall.accept());
    teamsCallAgent.on('incomingCall', onIncoming as never);
    track(() => teamsCallAgent.off('incomingCall', onIncoming as never));
    world.enqueuePhoneCall({ from: '+14255550101', queue: 'Billing', talkMs: 60_000 });
    await emulator.settle();
    const [call] = answered;

    // --- sample ---
    const callId = call.id;
    const callInfo = call.info;
    const threadId = call.info.threadId;
    const remoteParticipants = call.remoteParticipants;
    const callerIdentity = call.callerInfo.identifier;
    // --- end of sample ---
    // The documentation declares `callerIdentity` twice, which does not run (a redeclared `const`);
    // the nearest correct form names the second one differently.
    const callerDisplayName = call.callerInfo.displayName;
    // --- sample ---
    const callState = call.state;
    const isIncoming = call.direction == 'Incoming';
    const isOutgoing = call.direction == 'Outgoing';
    const muted = call.isMuted;
    const isScreenSharingOn = call.isScreenSharingOn;
    const localVideoStreams = call.localVideoStreams;
    // --- end of sample ---

    assert.equal(callId, call.id);
    assert.equal(typeof callInfo.getServerCallId, 'function');
    assert.equal(threadId, undefined, 'a 1:1 call has no chat thread');
    assert.equal(remoteParticipants.length, 1);
    assert.deepEqual(callerIdentity, {
      kind: 'phoneNumber',
      phoneNumber: '+14255550101',
      rawId: '4:+14255550101',
    });
    assert.equal(callerDisplayName, 'Dana Smith');
    assert.equal(callState, 'Connected');
    assert.deepEqual([isIncoming, isOutgoing], [true, false]);
    assert.deepEqual([muted, isScreenSharingOn, localVideoStreams.length], [false, false, 0]);

    await call.hangUp();
    // --- sample ---
    const callEndReason = call.callEndReason;
    const callEndReasonCode = callEndReason!.code;
    const callEndReasonSubCode = callEndReason!.subCode;
    // --- end of sample ---
    assert.deepEqual([callEndReasonCode, callEndReasonSubCode], [0, 0]);
    await finish(teamsCallAgent);
  });
});

/** The "When" column of the documentation's state tables: the states each may follow. */
const CALL_STATE_AFTER: Record<CallState, readonly CallState[] | 'any'> = {
  None: [],
  Connecting: ['None'],
  Ringing: ['Connecting'],
  EarlyMedia: ['Ringing', 'Connecting'],
  Connected: ['Ringing', 'EarlyMedia', 'InLobby', 'LocalHold', 'RemoteHold'],
  LocalHold: ['Connected'],
  RemoteHold: ['Connected'],
  InLobby: ['Ringing', 'Connecting'],
  Disconnecting: 'any',
  Disconnected: 'any',
};
const PARTICIPANT_STATE_AFTER: Record<RemoteParticipantState, readonly RemoteParticipantState[] | 'any'> = {
  Idle: [],
  Connecting: ['Idle'],
  Ringing: ['Connecting'],
  Connected: ['Ringing', 'Connecting', 'EarlyMedia', 'InLobby'],
  Hold: ['Connected'],
  EarlyMedia: ['Connecting'],
  InLobby: ['Ringing', 'Connecting', 'EarlyMedia'],
  Disconnected: 'any',
};
/**
 * Transitions the emulator makes that the tables do not list: a call goes Connecting → Connected
 * when nothing rings first (an answered call, a group call's caller, a meeting without a lobby);
 * in a 1:1 where both sides hold, holding while held is RemoteHold → LocalHold and resuming while
 * held is LocalHold → RemoteHold; a participant resumed from Hold is Connected again.
 */
const UNLISTED = new Set([
  'call Connecting>Connected',
  'call RemoteHold>LocalHold',
  'call LocalHold>RemoteHold',
  'participant Hold>Connected',
]);

describe('Manage calls for Teams users: state tables', () => {
  it('reaches every call and participant state, each after a state the tables allow', async () => {
    const { emulator, world, userToken, userId, threadId, colleagueConsole, track, finish } =
      await documentedWorld();
    const teamsCallAgent = await new CallClient().createTeamsCallAgent(
      new AzureCommunicationTokenCredential(userToken('alex')),
    );
    const blake = await colleagueConsole('blake');
    const transitions = new Set<string>();
    type Stateful = {
      state: string;
      on(e: 'stateChanged', l: () => void): void;
      off(e: 'stateChanged', l: () => void): void;
    };
    const follow = (object: Stateful, kind: 'call' | 'participant') => {
      let previous: string = object.state;
      transitions.add(`${kind} >${previous}`);
      const listener = () => {
        transitions.add(`${kind} ${previous}>${object.state}`);
        previous = object.state;
      };
      object.on('stateChanged', listener);
      track(() => object.off('stateChanged', listener));
    };
    const followCall = (call: TeamsCall) => {
      follow(call as Stateful, 'call');
      call.remoteParticipants.forEach((p) => follow(p as Stateful, 'participant'));
      const onRoster = (args: { added: Stateful[] }) => args.added.forEach((p) => follow(p, 'participant'));
      call.on('remoteParticipantsUpdated', onRoster as never);
      track(() => call.off('remoteParticipantsUpdated', onRoster as never));
    };

    // A 1:1 to a console: ringing, holds on both sides, hang-up.
    const oneToOne = teamsCallAgent.startCall({ microsoftTeamsUserId: userId('blake') });
    followCall(oneToOne);
    await emulator.settle();
    const blakeCall = await blake.ringing[0].accept();
    followCall(blakeCall);
    await emulator.settle();
    await oneToOne.hold();
    await blakeCall.hold();
    await oneToOne.resume();
    await blakeCall.resume();
    await oneToOne.hangUp();
    // A phone call (early media), escalated to a group call with a Teams user who rings.
    const phoneCall = teamsCallAgent.startCall({ phoneNumber: '+14255550123' });
    followCall(phoneCall);
    await emulator.advance(5_000);
    phoneCall.addParticipant(
      { microsoftTeamsUserId: userId('riley') },
      { threadId: threadId('alex', 'riley') },
    );
    await emulator.advance(3_000);
    await phoneCall.hangUp();
    // A meeting with a lobby, joined by another console while Alex (the organizer's stand-in) waits.
    const meeting = world.meetings.list().find((m) => m.lobby)!;
    const inLobby = teamsCallAgent.join({ meetingLink: meeting.link });
    followCall(inLobby);
    const other = blake.agent.join({ meetingLink: meeting.link });
    followCall(other);
    await emulator.advance(10_000);
    await inLobby.hangUp();
    await other.hangUp();
    await emulator.settle();

    const reached = (kind: string) =>
      new Set([...transitions].filter((t) => t.startsWith(kind)).map((t) => t.split('>')[1]));
    for (const state of Object.keys(CALL_STATE_AFTER))
      assert.ok(reached('call').has(state), `call state ${state} reached`);
    for (const state of Object.keys(PARTICIPANT_STATE_AFTER))
      assert.ok(reached('participant').has(state), `participant state ${state} reached`);
    for (const transition of transitions) {
      const [kind, states] = transition.split(' ');
      const [from, to] = states.split('>');
      if (!from || UNLISTED.has(transition)) continue;
      const table: Record<string, readonly string[] | 'any'> =
        kind === 'call' ? CALL_STATE_AFTER : PARTICIPANT_STATE_AFTER;
      const after = table[to];
      assert.ok(after === 'any' || after.includes(from), `${transition} is in the tables`);
    }
    await finish(teamsCallAgent);
  });
});
