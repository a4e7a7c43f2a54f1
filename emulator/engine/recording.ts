import type { RecordingWire } from '../protocol/messages';
import type { CallModel, Leg, Party } from './call-model';
import { ERROR, WorldError } from './codes';
import type { RecordingPort, WorldPort } from './world-port';

type Console = Party & { leg: Leg };

/**
 * A call's recording (Teams records the conversation, so every console in it sees it). Where the
 * tenant asks for consent, each console is muted by the service as the recording starts (or as it
 * joins one under way), and its unmute is refused `400/41016` until it consents
 * (`grantTeamsConsent`); it then unmutes itself. Scripted parties are not asked: the world plays
 * them. A consent given stays given for the rest of the call.
 */
export class Recording implements RecordingPort {
  constructor(private readonly world: WorldPort) {}

  start(call: CallModel, options: { consentRequired: boolean }): void {
    if (call.status !== 'live') throw new Error(`Call ${call.id} is not live: only a live call is recorded.`);
    if (call.recording) return;
    call.recording = { consentRequired: options.consentRequired };
    for (const party of call.legs()) {
      this.tell(party, call);
      this.muteUntilConsent(call, party, true);
    }
  }

  stop(call: CallModel): void {
    if (!call.recording) return;
    delete call.recording;
    // Consoles muted for consent stay muted: each unmutes when its user chooses to.
    for (const party of call.legs()) this.tell(party, call);
  }

  /** A console joins the call: muted first if a recording under way asks its consent. */
  joining(call: CallModel, party: Console): RecordingWire | undefined {
    if (!call.recording) return undefined;
    this.muteUntilConsent(call, party, false);
    return this.wire(call, party);
  }

  grantConsent(call: CallModel, party: Console): void {
    if (!this.consentRequired(call, party)) return;
    party.leg.recordingConsent = true;
    this.tell(party, call);
  }

  /** Refuses an unmute while the console owes its consent to a recording. */
  checkUnmute(call: CallModel, party: Console): void {
    if (this.consentRequired(call, party))
      throw new WorldError(
        ERROR.unmuteFailed,
        'This call is being recorded: the microphone stays muted until you consent to being recorded (grantTeamsConsent).',
      );
  }

  private consentRequired(call: CallModel, party: Console): boolean {
    return !!call.recording?.consentRequired && !party.leg.recordingConsent;
  }

  private wire(call: CallModel, party: Console): RecordingWire {
    return { isRecordingActive: !!call.recording, isTeamsConsentRequired: this.consentRequired(call, party) };
  }

  /** Sent before any mute, so a console learns why it is muted before it is. */
  private tell(party: Console, call: CallModel): void {
    this.world.send(party.leg.endpointId, {
      type: 'recordingChanged',
      callId: party.leg.callId,
      ...this.wire(call, party),
    });
  }

  /** `toLeg`: tell the console itself (a joining one reads its mute in its `callAdded`). */
  private muteUntilConsent(call: CallModel, party: Console, toLeg: boolean): void {
    if (!this.consentRequired(call, party) || party.isMuted) return;
    if (toLeg) this.world.calls.toLeg(party, { isMuted: true });
    this.world.calls.changeParty(call, party, { isMuted: true });
  }
}
