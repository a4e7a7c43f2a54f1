import { getIdentifierRawId } from '@azure/communication-common';
import type { CustomContextWire, EndReasonWire, Operation, TargetWire } from '../protocol/messages';
import { isLive, partyInfo, RING_TIMEOUT_MS, type CallModel, type Leg, type Party } from './call-model';
import { END, ERROR, WorldError, type CodePair } from './codes';
import {
  COLLEAGUE_ANSWER_MS,
  COLLEAGUE_DECLINE_MS,
  PHONE_ANSWER_MS,
  PHONE_BUSY_MS,
  PHONE_DECLINE_MS,
  phoneRule,
} from './scripted-parties';
import { targetIdentifier, targetProblem } from './targets';
import type { Endpoint, PartySpec, WorldPort } from './world-port';

type TransferOp = Extract<Operation, { op: 'transfer' }>;
type Console = Party & { leg: Leg };

/** One transfer under way: the call, the agent who transfers it, and how to tell their console. */
interface Transfer {
  readonly call: CallModel;
  readonly transferor: Console;
  readonly transferId: string;
  readonly customContext?: CustomContextWire;
}

/** What a scripted target (a colleague, a phone number) does, after how long. */
type Script = { readonly ms: number } & ({ readonly answers: PartySpec } | { readonly fails: CodePair });

/**
 * `TransferCallFeature.transfer` in a 1:1 call. To a Teams user, a phone number or a call queue,
 * the caller's conversation goes on as the same call (the same server call id) with the target in
 * the transferor's place; consult first, the caller takes the agent's place in the agent's other
 * call instead. The transferor's leg is held as the transfer starts; the target answering ends it
 * `0/7015` (after its console hears `Transferred`); a target who declines, is busy, offline or
 * does not answer fails the transfer with that code, and the caller stays, held.
 */
export class Transfers {
  constructor(private readonly world: WorldPort) {}

  start(endpoint: Endpoint, op: TransferOp): void {
    const { call, party } = this.world.calls.requireLeg(endpoint.id, op.callId);
    if (call.kind !== 'oneToOne')
      throw new WorldError(
        ERROR.notApplicable,
        'Only a 1:1 call can be transferred (this is a group call or meeting).',
      );
    if (!isLive(party.leg.state))
      throw new WorldError(
        ERROR.participantNotConnected,
        `Only a connected call can be transferred (this one is ${party.leg.state}).`,
      );
    if (call.transfer || call.hasTimer('transfer'))
      throw new WorldError(ERROR.transferInProgress, 'This call is already being transferred.');
    const transferee = [...call.parties.values()].find((p) => p !== party);
    if (!transferee)
      throw new WorldError(ERROR.participantNotConnected, 'Nobody is left in this call to transfer.');
    const transfer: Transfer = {
      call,
      transferor: party,
      transferId: op.transferId,
      ...(op.customContext && { customContext: op.customContext }),
    };
    const { target } = op;
    if (target.kind === 'voicemail')
      throw new WorldError(
        ERROR.notModelled,
        'Transferring to voicemail is not modelled by the emulator: its Teams users have no voicemail.',
      );
    // Held from the start, whatever follows: a failed transfer leaves the caller held, always.
    this.hold(transfer);
    switch (target.kind) {
      case 'call':
        return this.intoCall(transfer, transferee, target.targetCallId);
      case 'queue':
        return this.toQueue(transfer, transferee, target.teamsAppId);
      case 'participant':
        return this.toParticipant(transfer, transferee, target.participant);
    }
  }

  // ------------------------------------------------------------------------------------------

  private toParticipant(transfer: Transfer, transferee: Party, target: TargetWire): void {
    const { directory } = this.world;
    const problem = targetProblem(target);
    if (problem) throw problem;
    const identifier = targetIdentifier(target, directory.cloud);
    const id = getIdentifierRawId(identifier);
    if (id === transfer.transferor.id)
      throw new WorldError(
        ERROR.callingYourself,
        'A call cannot be transferred to the agent transferring it.',
      );
    if (id === transferee.id)
      throw new WorldError(
        ERROR.alreadyInCall,
        'The call cannot be transferred to the party being transferred.',
      );
    if (identifier.kind === 'phoneNumber') return this.script(transfer, this.phoneScript(identifier));
    if (identifier.kind !== 'microsoftTeamsUser' || identifier.cloud !== directory.cloud)
      throw new WorldError(END.notFound, `No Teams user ${id} in this tenant.`);
    const found = directory.teamsUser(identifier.microsoftTeamsUserId);
    if (found.kind === 'unknown') throw new WorldError(END.notFound, `No Teams user ${id} in this tenant.`);
    const spec: PartySpec = { identifier, kind: 'teamsUser', state: 'Connected' };
    if (found.kind === 'colleague') {
      const { colleague } = found;
      const named = { ...spec, key: colleague.key };
      switch (colleague.whenCalled) {
        case 'offline':
          throw new WorldError(END.offline, `${colleague.displayName} is offline.`);
        case 'answer':
          return this.script(transfer, { ms: COLLEAGUE_ANSWER_MS, answers: named });
        case 'decline':
          return this.script(transfer, { ms: COLLEAGUE_DECLINE_MS, fails: END.declined });
        case 'noAnswer':
          return this.script(transfer, { ms: RING_TIMEOUT_MS, fails: END.noAnswer });
      }
    }
    const { user } = found;
    const consoles = this.world.signedInEndpoints().filter((e) => e.user?.key === user.key);
    if (consoles.length === 0)
      throw new WorldError(
        this.world.wasOnline(user.key) ? END.offline : END.noEndpoint,
        `${user.displayName} is not signed in to Teams.`,
      );
    this.ring(transfer, transferee, consoles);
  }

  /** The target's consoles ring with the caller, the transferor and the custom context. */
  private ring(transfer: Transfer, transferee: Party, consoles: Endpoint[]): void {
    const { call, transferor } = transfer;
    const { calls, clock, directory } = this.world;
    const callerUser = transferee.key ? directory.user(transferee.key) : undefined;
    const callerInfo = {
      ...partyInfo(transferee),
      ...(callerUser && { displayName: callerUser.displayName }),
    };
    const transferorInfo = this.transferorInfo(transferor);
    call.transfer = {
      accepting: () => this.complete(transfer),
      refused: (_endpointId, reason) => {
        if (call.offers.size === 0) this.fail(transfer, reason);
      },
    };
    for (const console of consoles)
      calls.offer(call, console, {
        callerInfo,
        transferorInfo,
        ...(transfer.customContext && { customContext: transfer.customContext }),
      });
    call.setTimer(clock, 'transfer', RING_TIMEOUT_MS, () => this.fail(transfer, END.noAnswer));
  }

  /** A colleague or a phone number: answers (takes the transferor's place) or fails, after a while. */
  private script(transfer: Transfer, script: Script): void {
    const { call } = transfer;
    call.setTimer(this.world.clock, 'transfer', script.ms, () => {
      if ('fails' in script) return this.fail(transfer, script.fails);
      this.complete(transfer);
      const party = this.world.calls.addParty(call, script.answers);
      this.world.scripts.startTalking(call, party);
      this.world.calls.refresh(call);
      this.world.speech.schedule(call);
    });
  }

  private phoneScript(identifier: { phoneNumber: string; rawId?: string }): Script {
    const { phoneNumber } = identifier;
    const id = getIdentifierRawId({ phoneNumber });
    const onAnotherCall = [...this.world.calls.all.values()].some(
      (call) => call.parties.get(id)?.state === 'Connected',
    );
    const known = this.world.directory.callers.find((c) => c.phoneNumber === phoneNumber);
    const spec: PartySpec = {
      identifier: { kind: 'phoneNumber', phoneNumber, rawId: id },
      kind: 'phone',
      state: 'Connected',
      ...(known && { displayName: known.displayName }),
    };
    switch (onAnotherCall ? 'busy' : phoneRule(phoneNumber)) {
      case 'busy':
        return { ms: PHONE_BUSY_MS, fails: END.busy };
      case 'decline':
        return { ms: PHONE_DECLINE_MS, fails: END.declined };
      case 'noAnswer':
        return { ms: RING_TIMEOUT_MS, fails: END.noAnswer };
      case 'answer':
        return { ms: PHONE_ANSWER_MS, answers: spec };
      case 'answerThenHangUp':
        return { ms: PHONE_ANSWER_MS, answers: { ...spec, talkMs: 30_000 } };
    }
  }

  /** Consult first: the caller takes the agent's place in the agent's other call (to the target). */
  private intoCall(transfer: Transfer, transferee: Party, targetCallId: string): void {
    const { calls } = this.world;
    const { transferor } = transfer;
    const found = calls.hasLeg(transferor.leg.endpointId, targetCallId)
      ? this.liveLeg(transferor.leg.endpointId, targetCallId)
      : undefined;
    if (!found || found.call === transfer.call || found.call.kind !== 'oneToOne')
      throw new WorldError(ERROR.replacementCallNotFound, 'Replacement call was not found.');
    if (transferee.leg)
      throw new WorldError(
        ERROR.notModelled,
        'Consult-then-transfer of a call with another Teams user is not modelled by the emulator (only callers without a console).',
      );
    const { call: consult, party: agentThere } = found;
    this.transferred(transfer);
    // The caller as they are (name, mute, talk time), silent until speech schedules them there.
    const { identifier, kind, displayName, key, isMuted, talkMs } = transferee;
    const moved = calls.addParty(consult, {
      identifier,
      kind,
      state: 'Connected',
      isMuted,
      ...(displayName !== undefined && { displayName }),
      ...(key !== undefined && { key }),
      ...(talkMs !== undefined && { talkMs }),
    });
    calls.leave(consult, agentThere, END.transferred, { keep: true });
    calls.end(transfer.call, END.transferred);
    // The target's call now carries who transferred it there (the SDK's `transferorInfoChanged`).
    const transferorInfo = this.transferorInfo(transferor);
    for (const party of consult.legs()) calls.toLeg(party, { transferorInfo });
    this.world.scripts.startTalking(consult, moved);
    calls.refresh(consult);
    this.world.speech.schedule(consult);
  }

  /** The transferring agent as the target sees them: identifier and directory name. */
  private transferorInfo(transferor: Party) {
    const agent = transferor.key ? this.world.directory.user(transferor.key) : undefined;
    return { ...partyInfo(transferor), ...(agent && { displayName: agent.displayName }) };
  }

  private liveLeg(endpointId: string, callId: string): { call: CallModel; party: Console } | undefined {
    try {
      const found = this.world.calls.requireLeg(endpointId, callId);
      return isLive(found.party.leg.state) ? found : undefined;
    } catch {
      return undefined;
    }
  }

  /** Back to a queue: the caller waits in its line again; the transferor's part is done. */
  private toQueue(transfer: Transfer, transferee: Party, teamsAppId: string): void {
    const queue = this.world.directory.queues.find(
      (q) => q.resourceAccountId.toLowerCase() === teamsAppId.toLowerCase(),
    );
    if (!queue)
      throw new WorldError(
        END.notFound,
        `No call queue has the resource account ${teamsAppId.slice(0, 64)}.`,
      );
    if (transferee.kind !== 'phone')
      throw new WorldError(
        ERROR.notModelled,
        'Only a phone caller can be transferred to a call queue in the emulator.',
      );
    const { call, transferor } = transfer;
    this.transferred(transfer);
    this.world.queue.requeue(call, queue, transferee, {
      except: transferor.leg.endpointId,
      ...(transfer.customContext && { customContext: transfer.customContext }),
    });
    this.world.calls.leave(call, transferor, END.transferred);
  }

  private hold({ call, transferor }: Transfer): void {
    if (transferor.leg.localHold) return;
    transferor.leg.localHold = true;
    this.world.calls.refresh(call);
    this.world.speech.schedule(call);
  }

  /** The target answered: the transferor hears `Transferred`, then leaves (`0/7015`). */
  private complete(transfer: Transfer): void {
    const { call, transferor } = transfer;
    this.transferred(transfer);
    this.world.calls.leave(call, transferor, END.transferred, { keep: true });
  }

  private transferred(transfer: Transfer): void {
    this.settle(transfer, 'Transferred');
  }

  /** Nobody took the call: the offers stop, the transferor hears why; the caller stays on hold. */
  private fail(transfer: Transfer, reason: EndReasonWire): void {
    const { call } = transfer;
    for (const endpointId of [...call.offers.keys()]) this.world.calls.endOffer(call, endpointId, reason);
    this.settle(transfer, 'Failed', reason);
  }

  private settle(transfer: Transfer, state: 'Transferred' | 'Failed', error?: EndReasonWire): void {
    const { call, transferor, transferId } = transfer;
    call.clearTimer(this.world.clock, 'transfer');
    delete call.transfer;
    if (!transferor.leg) return;
    this.world.send(transferor.leg.endpointId, {
      type: 'transferChanged',
      callId: transferor.leg.callId,
      transferId,
      state,
      ...(error && {
        error: { code: error.code, ...(error.subCode !== undefined && { subCode: error.subCode }) },
      }),
    });
  }
}
