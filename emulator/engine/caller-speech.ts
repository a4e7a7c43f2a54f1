import type { CallModel, RemoteParty } from './call-model';
import type { World } from './world';

/**
 * A connected caller talks in turns (`isSpeakingChanged` on every console in the call); on hold
 * nobody hears them, and a caller who leaves, or whose call ends, falls silent first.
 */
export class CallerSpeech {
  constructor(private readonly world: World) {}

  /** (Re)starts the turns after the call's legs changed: live, the caller takes turns; on hold, quiet. */
  schedule(call: CallModel): void {
    const { clock } = this.world;
    call.clearTimer(clock, 'speaking');
    const live = [...call.legs.values()].some((leg) => leg.state === 'Connected');
    for (const party of call.parties.values()) {
      if (!live) this.stop(call, party);
    }
    if (!live || call.status !== 'connected') return;
    call.setTimer(clock, 'speaking', this.world.random.speaking.between(800, 4_000), () => {
      for (const party of call.parties.values()) {
        if (party.state === 'Connected') this.set(call, party, !party.isSpeaking);
      }
      this.schedule(call);
    });
  }

  /**
   * Stops a party speaking, in a change of its own sent before any state change: the client must
   * never hold a Disconnected participant (or one on an ended call) that still speaks.
   */
  stop(call: CallModel, party: RemoteParty): void {
    if (party.isSpeaking) this.set(call, party, false);
  }

  private set(call: CallModel, party: RemoteParty, isSpeaking: boolean): void {
    party.isSpeaking = isSpeaking;
    call.toLegs((endpointId, message) => this.world.send(endpointId, message), {
      type: 'participantChanged',
      callId: call.id,
      participantId: party.id,
      isSpeaking,
    });
  }
}
