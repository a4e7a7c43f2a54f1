import type * as Sdk from '@azure/communication-calling';
import type { ListenerTally } from '../emitter';
import { featureUnavailable, InertFeature } from './inert-feature';

/**
 * What is said on a call, written down: the emulator's calls are never transcribed and carry no
 * real-time text. (Recording and captions are modelled: recording-feature.ts, captions-feature.ts.)
 */

export class InertTranscription extends InertFeature implements Sdk.TranscriptionCallFeature {
  readonly isTranscriptionActive = false;
  readonly isTeamsConsentRequired = false;

  constructor(tally: ListenerTally) {
    super('Transcription', tally);
  }

  async grantTeamsConsent(): Promise<void> {
    throw featureUnavailable('transcription', 'Granting consent to be transcribed');
  }
}

export class InertRealTimeText extends InertFeature implements Sdk.RealTimeTextFeature {
  constructor(tally: ListenerTally) {
    super('RealTimeText', tally);
  }

  async sendRealTimeText(): Promise<void> {
    throw featureUnavailable('real-time text', 'Sending real-time text');
  }
}
