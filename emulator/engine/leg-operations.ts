import type { DtmfTone, ParticipantCapabilityName } from '@azure/communication-calling';
import type { Operation } from '../protocol/messages';
import { isLive, type CallModel, type Leg, type Party } from './call-model';
import { END, ERROR, WorldError } from './codes';
import { MUTE_LIMIT, MUTE_WINDOW_MS, MuteThrottle } from './mute-throttle';
import { Transfers } from './transfers';
import type { Endpoint, WorldPort } from './world-port';

type Console = Party & { leg: Leg };
type OnCall = Extract<Operation, { callId: string }>;
export type LegOperation = Extract<
  OnCall,
  {
    op:
      | 'mute'
      | 'unmute'
      | 'hold'
      | 'resume'
      | 'hangUp'
      | 'hangUpForEveryone'
      | 'muteParticipant'
      | 'muteAllRemoteParticipants'
      | 'removeParticipant'
      | 'sendDtmf'
      | 'startVideo'
      | 'stopVideo'
      | 'transfer'
      | 'grantTeamsConsent'
      | 'startCaptions'
      | 'stopCaptions'
      | 'setSpokenLanguage';
  }
>;

// A record, so the compiler flags a tone the SDK adds.
const DTMF_TONES: Record<DtmfTone, true> = {
  A: true,
  B: true,
  C: true,
  D: true,
  Flash: true,
  Num0: true,
  Num1: true,
  Num2: true,
  Num3: true,
  Num4: true,
  Num5: true,
  Num6: true,
  Num7: true,
  Num8: true,
  Num9: true,
  Pound: true,
  Star: true,
};

/**
 * What a console does in a call it is in: its own mute, hold, video, DTMF, leaving, transferring
 * (transfers.ts); muting and removing others.
 */
export class LegOperations {
  private readonly throttle = new MuteThrottle();
  private readonly transfers: Transfers;

  constructor(private readonly world: WorldPort) {
    this.transfers = new Transfers(world);
  }

  run(endpoint: Endpoint, operation: LegOperation): unknown {
    const { calls } = this.world;
    const { call, party } = calls.requireLeg(endpoint.id, operation.callId);
    switch (operation.op) {
      case 'mute':
      case 'unmute':
        if (operation.op === 'unmute') this.world.recording.checkUnmute(call, party);
        this.countMute(endpoint);
        return this.setMuted(call, party, operation.op === 'mute', false);
      case 'hold':
        return this.hold(call, party);
      case 'resume':
        return this.resume(call, party);
      case 'hangUp':
        return calls.leave(call, party, END.hungUp);
      case 'hangUpForEveryone':
        this.require(call, party, 'hangUpForEveryOne');
        return calls.end(call, END.endedForEveryone, { own: { party, reason: END.hungUp } });
      case 'muteParticipant': {
        this.require(call, party, 'muteOthers');
        const target = this.other(call, party, operation.participantId);
        if (target.state !== 'Connected' && target.state !== 'Hold')
          throw new WorldError(
            ERROR.participantNotConnected,
            `Only a connected participant can be muted (this one is ${target.state}).`,
          );
        this.countMute(endpoint);
        return this.setMuted(call, target, true, true);
      }
      case 'muteAllRemoteParticipants':
        this.require(call, party, 'muteOthers');
        this.countMute(endpoint);
        for (const other of call.parties.values())
          if (other !== party && (other.state === 'Connected' || other.state === 'Hold'))
            this.setMuted(call, other, true, true);
        return;
      case 'removeParticipant':
        this.require(call, party, 'removeParticipant');
        return calls.leave(call, this.other(call, party, operation.participantId), END.removed);
      case 'sendDtmf':
        return this.sendDtmf(call, party, operation.tone);
      case 'transfer':
        return this.transfers.start(endpoint, operation);
      case 'grantTeamsConsent':
        return this.world.recording.grantConsent(call, party);
      case 'startCaptions':
        return this.world.captions.start(call, party, operation.spokenLanguage);
      case 'stopCaptions':
        return this.world.captions.stop(party);
      case 'setSpokenLanguage':
        return this.world.captions.setSpokenLanguage(call, operation.language);
      case 'startVideo':
      case 'stopVideo': {
        const on = operation.op === 'startVideo';
        if (party.videoOn === on)
          throw new WorldError(
            on ? ERROR.videoAlreadyStarted : ERROR.videoAlreadyStopped,
            on ? 'Video is already started in this call.' : 'Video is already stopped in this call.',
          );
        return calls.changeParty(call, party, { videoOn: on });
      }
    }
  }

  /** The console went away: its mute count goes with it. */
  forget(endpointId: string): void {
    this.throttle.forget(endpointId);
  }

  // ------------------------------------------------------------------------------------------

  private countMute(endpoint: Endpoint): void {
    if (!this.throttle.take(endpoint.id, this.world.clock.now()))
      throw new WorldError(
        ERROR.throttled,
        `Too many mute operations: at most ${MUTE_LIMIT} in ${MUTE_WINDOW_MS / 1000} seconds. Try again shortly.`,
      );
  }

  /** A console muted (by itself or another) hears of it on its call; the others on the participant. */
  private setMuted(call: CallModel, party: Party, isMuted: boolean, byOthers: boolean): void {
    if (party.isMuted === isMuted) return;
    if (party.leg)
      this.world.calls.toLeg(party as Console, { isMuted, ...(byOthers && { mutedByOthers: true }) });
    this.world.calls.changeParty(call, party, { isMuted });
    if (isMuted) this.world.speech.stop(call, party);
  }

  private hold(call: CallModel, party: Console): void {
    if (party.leg.localHold) return;
    if (party.leg.state !== 'Connected' && party.leg.state !== 'RemoteHold')
      throw new WorldError(
        ERROR.holdFailed,
        `Only a connected call can be put on hold (this one is ${party.leg.state}).`,
      );
    party.leg.localHold = true;
    this.world.calls.refresh(call);
    this.world.speech.schedule(call);
  }

  private resume(call: CallModel, party: Console): void {
    if (!party.leg.localHold && isLive(party.leg.state)) return;
    if (party.leg.state !== 'LocalHold')
      throw new WorldError(
        ERROR.resumeFailed,
        `Only a call on hold can be resumed (this one is ${party.leg.state}).`,
      );
    party.leg.localHold = false;
    this.world.calls.refresh(call);
    this.world.speech.schedule(call);
  }

  private sendDtmf(call: CallModel, party: Console, tone: string): void {
    if (!Object.hasOwn(DTMF_TONES, tone))
      throw new WorldError(
        ERROR.invalidDtmfTone,
        `"${tone.slice(0, 16)}" is not a DTMF tone (Num0-Num9, Star, Pound, A-D, Flash).`,
      );
    if (![...call.parties.values()].some((p) => p.kind === 'phone' && p.state === 'Connected'))
      throw new WorldError(
        ERROR.noPhoneParticipant,
        'DTMF tones go to phone participants: this call has no connected phone participant.',
      );
    if (party.leg.state !== 'Connected')
      throw new WorldError(
        ERROR.participantNotConnected,
        `DTMF tones are sent on a connected call (this one is ${party.leg.state}).`,
      );
    call.dtmf.push({ from: party.key ?? party.id, tone, at: this.world.clock.now() });
  }

  /** Refuses what this console's capabilities do not include, with the reason. */
  private require(call: CallModel, party: Console, name: ParticipantCapabilityName): void {
    const capability = party.leg.capabilities?.[name];
    if (!capability || capability.isPresent) return;
    if (capability.reason === 'RoleRestricted')
      throw new WorldError(
        ERROR.roleRestricted,
        `Your role in this ${call.kind === 'meeting' ? 'meeting' : 'call'} does not allow this (${name}).`,
      );
    throw new WorldError(
      ERROR.notApplicable,
      call.kind === 'oneToOne'
        ? `Not supported in 1:1 calls (${name}): add a participant to make it a group call.`
        : `Not available in this call (${name}).`,
    );
  }

  private other(call: CallModel, party: Party, participantId: string): Party {
    const other = call.parties.get(participantId);
    if (!other || other === party)
      throw new WorldError(ERROR.notFound, `No participant ${participantId} in this call.`);
    return other;
  }
}
