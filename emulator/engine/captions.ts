import type { CallModel, Leg, Party } from './call-model';
import { isLive, partyInfo } from './call-model';
import { ERROR, WorldError } from './codes';
import type { CaptionsPort, SpokenWords, WorldPort } from './world-port';

type Console = Party & { leg: Leg };

/** The spoken languages Teams captions hear (BCP 47, lower case as the SDK lists them). */
export const SPOKEN_LANGUAGES: readonly string[] = [
  'en-us',
  'en-gb',
  'es-es',
  'es-mx',
  'fr-fr',
  'fr-ca',
  'de-de',
  'it-it',
  'ja-jp',
  'pt-br',
  'zh-cn',
];

/** The languages captions are shown in (ISO 639-1). Another than the spoken one needs Teams Premium. */
export const CAPTION_LANGUAGES: readonly string[] = ['en', 'es', 'fr', 'de', 'it', 'ja', 'pt', 'zh'];

/** Captions are shown in the spoken language (`en-us` → `en`), translation being Teams Premium's. */
export function captionLanguageOf(spokenLanguage: string): string {
  return spokenLanguage.slice(0, 2);
}

/**
 * Teams captions of a call: each console turns its own on and off; the spoken language is the
 * call's (setting it changes it for everyone, as in Teams). What the scripted parties say
 * (engine/speech.ts) reaches the consoles whose captions are on and who can see the speaker.
 */
export class Captions implements CaptionsPort {
  constructor(private readonly world: WorldPort) {}

  start(call: CallModel, party: Console, spokenLanguage?: string): void {
    if (!isLive(party.leg.state))
      throw new WorldError(
        ERROR.participantNotConnected,
        `Captions start on a connected call (this one is ${party.leg.state}).`,
      );
    if (spokenLanguage !== undefined) this.setSpokenLanguage(call, spokenLanguage);
    if (party.leg.captions) return;
    party.leg.captions = true;
    this.tell(party, { active: true, spokenLanguage: call.spokenLanguage });
  }

  stop(party: Console): void {
    if (!party.leg.captions) return;
    party.leg.captions = false;
    this.tell(party, { active: false });
  }

  setSpokenLanguage(call: CallModel, language: string): void {
    const spoken = language.toLowerCase();
    if (!SPOKEN_LANGUAGES.includes(spoken))
      throw new WorldError(
        ERROR.unsupportedLanguage,
        `"${language.slice(0, 16)}" is not a spoken language captions support: one of ${SPOKEN_LANGUAGES.join(', ')}.`,
      );
    if (call.spokenLanguage === spoken) return;
    call.spokenLanguage = spoken;
    for (const party of call.legs()) this.tell(party, { spokenLanguage: spoken });
  }

  said(call: CallModel, { speaker, text, resultType, timestamp }: SpokenWords): void {
    const caption = {
      speaker: partyInfo(speaker),
      spokenText: text,
      spokenLanguage: call.spokenLanguage,
      resultType,
      timestamp,
    };
    for (const viewer of call.legs()) {
      if (!viewer.leg.captions || !viewer.leg.known.has(speaker.id)) continue;
      this.world.send(viewer.leg.endpointId, { type: 'captionReceived', callId: viewer.leg.callId, caption });
    }
  }

  private tell(party: Console, change: { active?: boolean; spokenLanguage?: string }): void {
    this.world.send(party.leg.endpointId, { type: 'captionsChanged', callId: party.leg.callId, ...change });
  }
}
