import type * as Sdk from '@azure/communication-calling';
import type { ListenerTally } from '../emitter';
import { featureUnavailable, InertEvents, InertFeature } from './inert-feature';

/**
 * What is said on a call, kept or written down: the emulator's calls are never recorded or
 * transcribed, show no captions and carry no real-time text.
 */

export class InertRecording extends InertFeature implements Sdk.RecordingCallFeature {
  readonly isRecordingActive = false;
  readonly recordings: Sdk.RecordingInfo[] = [];
  readonly isTeamsConsentRequired = false;

  constructor(tally: ListenerTally) {
    super('Recording', tally);
  }

  /** No recording asks for consent, so there is nothing to grant. */
  async grantTeamsConsent(): Promise<void> {
    throw featureUnavailable('recording', 'Granting consent to be recorded');
  }
}

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

/** A Teams call's captions (the kind a Teams user gets), never started. */
export class InertTeamsCaptions extends InertEvents implements Sdk.TeamsCaptions {
  readonly kind = 'TeamsCaptions';
  readonly isCaptionsFeatureActive = false;
  readonly supportedSpokenLanguages: string[] = [];
  readonly supportedCaptionLanguages: string[] = [];
  readonly activeSpokenLanguage = '';
  readonly activeCaptionLanguage = '';

  async startCaptions(): Promise<void> {
    throw featureUnavailable('captions', 'Starting captions');
  }

  async stopCaptions(): Promise<void> {
    throw featureUnavailable('captions', 'Stopping captions');
  }

  async setSpokenLanguage(): Promise<void> {
    throw featureUnavailable('captions', 'Setting the spoken language');
  }

  async setCaptionLanguage(): Promise<void> {
    throw featureUnavailable('captions', 'Setting the caption language');
  }
}

export class InertCaptions extends InertFeature implements Sdk.CaptionsCallFeature {
  readonly captions: InertTeamsCaptions;

  constructor(tally: ListenerTally) {
    super('Captions', tally);
    this.captions = new InertTeamsCaptions(tally);
  }

  protected override parts(): InertEvents[] {
    return [this.captions];
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
