import type * as Sdk from '@azure/communication-calling';
import { CAPTION_LANGUAGES, captionLanguageOf, SPOKEN_LANGUAGES } from '../../engine/captions';
import { ERROR } from '../../engine/codes';
import type { CaptionWire, ServerMessage } from '../../protocol/messages';
import { callingError, type Connection } from '../connection';
import type { ListenerTally } from '../emitter';
import { InertEvents, InertFeature } from './inert-feature';

type CaptionsChanged = Extract<ServerMessage, { type: 'captionsChanged' }>;

/**
 * Teams captions on one console's call (engine/captions.ts): `startCaptions` then
 * `CaptionsActiveChanged`; `CaptionsReceived` with each caption while they are on; the spoken
 * language is the call's (`SpokenLanguageChanged` when anyone sets it). Captions are shown in the
 * spoken language: another caption language is translation, which needs Teams Premium, so
 * `setCaptionLanguage` to it is refused `403/49031`.
 */
export class EmulatedTeamsCaptions extends InertEvents implements Sdk.TeamsCaptions {
  readonly kind = 'TeamsCaptions';
  readonly supportedSpokenLanguages = [...SPOKEN_LANGUAGES];
  readonly supportedCaptionLanguages = [...CAPTION_LANGUAGES];
  private active = false;
  private spokenLanguage = 'en-us';

  constructor(
    private readonly callId: () => string,
    private readonly connection: Connection,
    tally: ListenerTally,
  ) {
    super(tally);
  }

  get isCaptionsFeatureActive(): boolean {
    return this.active;
  }

  get activeSpokenLanguage(): string {
    return this.spokenLanguage;
  }

  get activeCaptionLanguage(): string {
    return captionLanguageOf(this.spokenLanguage);
  }

  async startCaptions(options?: Sdk.StartCaptionsOptions): Promise<void> {
    const spokenLanguage = options?.spokenLanguage;
    await this.connection.request({
      op: 'startCaptions',
      callId: this.callId(),
      ...(spokenLanguage !== undefined && { spokenLanguage: String(spokenLanguage) }),
    });
  }

  async stopCaptions(): Promise<void> {
    await this.connection.request({ op: 'stopCaptions', callId: this.callId() });
  }

  async setSpokenLanguage(language: string): Promise<void> {
    await this.connection.request({
      op: 'setSpokenLanguage',
      callId: this.callId(),
      language: String(language),
    });
  }

  async setCaptionLanguage(language: string): Promise<void> {
    const wanted = String(language).toLowerCase();
    if (wanted === this.activeCaptionLanguage) return;
    if (!CAPTION_LANGUAGES.includes(wanted))
      throw callingError({
        ...ERROR.unsupportedLanguage,
        message: `"${String(language).slice(0, 16)}" is not a caption language: one of ${CAPTION_LANGUAGES.join(', ')}.`,
      });
    throw callingError({
      ...ERROR.captionsTranslationNeedsPremium,
      message: `Captions in another language than the spoken one (${this.activeCaptionLanguage}) are translated, which needs a Teams Premium license.`,
    });
  }

  changed(change: CaptionsChanged): void {
    if (change.spokenLanguage !== undefined && change.spokenLanguage !== this.spokenLanguage) {
      const captionLanguage = this.activeCaptionLanguage;
      this.spokenLanguage = change.spokenLanguage;
      this.events.emit('SpokenLanguageChanged');
      if (this.activeCaptionLanguage !== captionLanguage) this.events.emit('CaptionLanguageChanged');
    }
    if (change.active !== undefined && change.active !== this.active) {
      this.active = change.active;
      this.events.emit('CaptionsActiveChanged');
    }
  }

  received(caption: CaptionWire): void {
    if (!this.active) return;
    const info: Sdk.TeamsCaptionsInfo = {
      speaker: { ...caption.speaker },
      spokenText: caption.spokenText,
      captionText: caption.spokenText,
      spokenLanguage: caption.spokenLanguage,
      captionLanguage: captionLanguageOf(caption.spokenLanguage),
      resultType: caption.resultType,
      timestamp: new Date(caption.timestamp),
    };
    this.events.emit('CaptionsReceived', info);
  }
}

/** `Features.Captions`: always Teams captions (a Teams user's), so `CaptionsKindChanged` never fires. */
export class EmulatedCaptions extends InertFeature implements Sdk.CaptionsCallFeature {
  readonly captions: EmulatedTeamsCaptions;

  constructor(callId: () => string, connection: Connection, tally: ListenerTally) {
    super('Captions', tally);
    this.captions = new EmulatedTeamsCaptions(callId, connection, tally);
  }

  protected override parts(): InertEvents[] {
    return [this.captions];
  }
}
