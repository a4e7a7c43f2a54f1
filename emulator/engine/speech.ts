import type { CallModel, Party } from './call-model';
import type { SpeechPort, WorldPort } from './world-port';

/**
 * Scripted parties talk in turns (`isSpeakingChanged` on every console that sees them): one at a
 * time, a random one of those connected and not muted. While no console in the call is connected
 * (all on hold, or in the lobby) nobody hears them and they are quiet; a party that leaves, is
 * muted, or whose call ends falls silent first.
 */
export class Speech implements SpeechPort {
  constructor(private readonly world: WorldPort) {}

  schedule(call: CallModel): void {
    const { clock } = this.world;
    call.clearTimer(clock, 'speaking');
    const live = call.legs().some((party) => party.leg.state === 'Connected');
    if (!live) {
      for (const party of call.parties.values()) this.stop(call, party);
      return;
    }
    if (call.status !== 'live') return;
    call.setTimer(clock, 'speaking', this.world.random.speaking.between(800, 4_000), () => {
      this.turn(call);
      this.schedule(call);
    });
  }

  /**
   * Stops a party speaking, in a change of its own sent before any state change: the client must
   * never hold a Disconnected participant (or one on an ended call) that still speaks.
   */
  stop(call: CallModel, party: Party): void {
    if (party.isSpeaking) this.world.calls.changeParty(call, party, { isSpeaking: false });
  }

  /** The one speaking stops; or, when nobody speaks, someone starts. */
  private turn(call: CallModel): void {
    const speaking = [...call.parties.values()].find((party) => party.isSpeaking);
    if (speaking) return this.stop(call, speaking);
    const speakers = [...call.parties.values()].filter(
      (party) => party.kind !== 'console' && party.state === 'Connected' && !party.isMuted,
    );
    if (speakers.length === 0) return;
    const next = speakers.length === 1 ? speakers[0] : this.world.random.speaking.pick(speakers);
    this.world.calls.changeParty(call, next, { isSpeaking: true });
  }
}
