import { getIdentifierRawId } from '@azure/communication-common';
import type { CustomContextWire, Operation, TargetWire } from '../protocol/messages';
import { consoleParty } from './answering';
import { teamsUserIdentifier } from './directory';
import { RING_TIMEOUT_MS, partyInfo, type CallModel, type Leg, type Party } from './call-model';
import { END, ERROR, WorldError } from './codes';
import type { ChatThread } from './threads';
import { CALL_ID, targetIdentifier, targetProblem, threadIdProblem } from './targets';
import type { Endpoint, PartySpec, WorldPort } from './world-port';

type StartCall = Extract<Operation, { op: 'startCall' }>;
type AddParticipant = Extract<Operation, { op: 'addParticipant' }>;
type Console = Party & { leg: Leg };

/**
 * Calls a console places: `startCall` (one target: a 1:1 call; several, with their chat thread: a
 * group call) and `addParticipant`. Each target is dialled as the directory says: a signed-in
 * Teams user's consoles ring; a Teams user with no console is unreachable (`480/10037`, or
 * `480/10076` once they have been signed in); an unknown Teams user is not found (`404`); a
 * colleague or a phone number plays its script (scripted-parties.ts).
 */
export class Dialer {
  constructor(private readonly world: WorldPort) {}

  startCall(endpoint: Endpoint, op: StartCall): { callId: string } {
    const { calls } = this.world;
    this.checkNewCallId(endpoint, op.callId);
    op.targets.forEach((target) => this.check(target));
    // The SDK needs the chat of a group call (see the client's startCall).
    if (op.targets.length > 1 && op.threadId === undefined)
      throw new WorldError(
        ERROR.groupCallNeedsThread,
        'A group call needs its chat thread: give { threadId }.',
      );
    const thread = op.threadId === undefined ? undefined : this.requireThread(op.threadId);
    const { cloud } = this.world.directory;
    const ids = op.targets.map((target) => getIdentifierRawId(targetIdentifier(target, cloud)));
    if (ids.includes(getIdentifierRawId(teamsUserIdentifier(endpoint.user!, cloud))))
      throw new WorldError(ERROR.callingYourself, 'A Teams user cannot call themselves.');
    if (new Set(ids).size < ids.length)
      throw new WorldError(ERROR.alreadyInCall, 'The same participant is named twice.');

    const call = calls.create(thread || op.targets.length > 1 ? 'group' : 'oneToOne', op.callId);
    if (thread) call.threadId = thread.id;
    const caller = calls.addParty(call, {
      ...consoleParty(endpoint, 'Connecting', cloud),
      videoOn: op.video ?? false,
    });
    const callees = op.targets.map((target) => calls.addParty(call, this.partyFor(target)));
    calls.bindLeg(call, caller, endpoint, { callId: op.callId, direction: 'Outgoing', state: 'Connecting' });
    // A group call is a conference: the caller is in it at once, the others ring.
    if (call.kind === 'group') calls.setLegState(call, caller as Console, 'Connected');
    for (const callee of callees) this.dial(call, callee, caller, thread, op.customContext);
    calls.refresh(call);
    this.world.speech.schedule(call);
    return { callId: op.callId };
  }

  /** Adds a Teams user or phone number; a 1:1 call becomes a group call with the thread. */
  addParticipant(endpoint: Endpoint, op: AddParticipant): void {
    const { calls } = this.world;
    const { call, party: adder } = calls.requireLeg(endpoint.id, op.callId);
    const needed = op.target.kind === 'phoneNumber' ? 'addPhoneNumber' : 'addTeamsUser';
    const capability = adder.leg.capabilities?.[needed];
    if (capability && !capability.isPresent)
      throw new WorldError(
        ERROR.roleRestricted,
        `Your role in this call does not allow adding participants (${capability.reason}).`,
      );
    this.check(op.target);
    if (op.threadId === undefined)
      throw new WorldError(
        ERROR.addParticipantNeedsThread,
        "Adding a participant needs the call's chat thread: give { threadId }.",
      );
    const thread = this.requireThread(op.threadId);
    const party = calls.addParty(call, this.partyFor(op.target));
    if (call.kind === 'oneToOne' || !call.threadId) {
      call.kind = call.kind === 'oneToOne' ? 'group' : call.kind;
      call.threadId ??= thread.id;
      for (const console of call.legs()) calls.toLeg(console, { kind: call.kind, threadId: call.threadId });
    }
    this.dial(call, party, adder, thread);
    calls.refresh(call);
  }

  /** A console's own id for a call it starts or joins: well-formed, and new to it (and the world). */
  checkNewCallId(endpoint: Endpoint, callId: string): void {
    if (
      !CALL_ID.test(callId) ||
      this.world.calls.hasLeg(endpoint.id, callId) ||
      this.world.calls.all.has(callId)
    )
      throw new WorldError(
        ERROR.invalidCallId,
        `"${callId.slice(0, 64)}" cannot be this call's id: choose a new GUID.`,
      );
  }

  private check(target: TargetWire): void {
    const problem = targetProblem(target);
    if (problem) throw problem;
  }

  private requireThread(threadId: string): ChatThread {
    const problem = threadIdProblem(threadId);
    if (problem) throw problem;
    const thread = this.world.threads.get(threadId);
    if (!thread)
      throw new WorldError(END.notFound, `No chat thread ${threadId}: create it first (Microsoft Graph).`);
    return thread;
  }

  private partyFor(target: TargetWire): PartySpec {
    const identifier = targetIdentifier(target, this.world.directory.cloud);
    if (target.kind === 'phoneNumber') {
      const known = this.world.directory.callers.find((c) => c.phoneNumber === target.phoneNumber);
      return {
        identifier,
        kind: 'phone',
        state: 'Connecting',
        ...(known && { displayName: known.displayName }),
      };
    }
    const found = this.world.directory.teamsUser(target.microsoftTeamsUserId);
    if (found.kind === 'user')
      return { identifier, kind: 'console', key: found.user.key, state: 'Connecting' };
    return {
      identifier,
      kind: 'teamsUser',
      state: 'Connecting',
      ...(found.kind === 'colleague' && { key: found.colleague.key }),
    };
  }

  private dial(
    call: CallModel,
    party: Party,
    caller: Party,
    thread: ChatThread | undefined,
    customContext?: CustomContextWire,
  ): void {
    const { calls, directory, scripts, threads } = this.world;
    if (party.identifier.kind === 'phoneNumber') return scripts.dialPhone(call, party);
    if (party.identifier.kind !== 'microsoftTeamsUser') return;
    const { microsoftTeamsUserId, cloud } = party.identifier;
    // A Teams user of another cloud is no one in this tenant.
    if (cloud !== directory.cloud) return calls.leave(call, party, END.notFound);
    if (thread && !threads.admits(thread, microsoftTeamsUserId))
      return calls.leave(call, party, END.informationBarrier);
    const found = directory.teamsUser(microsoftTeamsUserId);
    if (found.kind === 'unknown') return calls.leave(call, party, END.notFound);
    if (found.kind === 'colleague') return scripts.dialColleague(call, party, found.colleague);
    const consoles = this.world.signedInEndpoints().filter((e) => e.user?.key === found.user.key);
    if (consoles.length === 0)
      return calls.leave(call, party, this.world.wasOnline(found.user.key) ? END.offline : END.noEndpoint);
    calls.setPartyState(call, party, 'Ringing');
    // The callee sees who calls: the caller's Teams identity and name.
    const user = caller.key ? directory.user(caller.key) : undefined;
    const callerInfo = { ...partyInfo(caller), ...(user && { displayName: user.displayName }) };
    for (const console of consoles)
      calls.offer(call, console, { partyId: party.id, callerInfo, ...(customContext && { customContext }) });
    call.setTimer(this.world.clock, `ring:${party.id}`, RING_TIMEOUT_MS, () =>
      calls.leave(call, party, END.noAnswer),
    );
  }
}
