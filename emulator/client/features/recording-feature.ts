import type * as Sdk from '@azure/communication-calling';
import type { RecordingWire } from '../../protocol/messages';
import type { Connection } from '../connection';
import type { ListenerTally } from '../emitter';
import { RecordingState } from '../sdk-values';
import { InertEvents, InertFeature } from './inert-feature';

/** One recording of the call: `Started`, then `Ended` (`recordingStateChanged`) when it stops. */
export class EmulatedRecordingInfo extends InertEvents implements Sdk.RecordingInfo {
  state: Sdk.RecordingState = RecordingState.Started;

  end(): void {
    this.state = RecordingState.Ended;
    this.events.emit('recordingStateChanged');
  }
}

/**
 * `Features.Recording` on a Teams call, from the world (engine/recording.ts): every console in a
 * recorded call sees it. Both values are set before either event fires, so a handler of
 * `isRecordingActiveChanged` reads whether this console's consent is asked. Consent given
 * (`grantTeamsConsent`) turns `isTeamsConsentRequired` false by the time its promise resolves;
 * the SDK has no event for it.
 */
export class EmulatedRecording extends InertFeature implements Sdk.RecordingCallFeature {
  private active = false;
  private consentRequired = false;
  private current: EmulatedRecordingInfo[] = [];
  /** Every recording handed out, whose listeners go with the call. */
  private readonly all: EmulatedRecordingInfo[] = [];

  constructor(
    private readonly callId: () => string,
    private readonly connection: Connection,
    private readonly tally: ListenerTally,
  ) {
    super('Recording', tally);
  }

  get isRecordingActive(): boolean {
    return this.active;
  }

  get recordings(): Sdk.RecordingInfo[] {
    return [...this.current];
  }

  get isTeamsConsentRequired(): boolean {
    return this.consentRequired;
  }

  async grantTeamsConsent(): Promise<void> {
    await this.connection.request({ op: 'grantTeamsConsent', callId: this.callId() });
  }

  /** The world's word on the call's recording, as this console sees it. */
  changed(wire: RecordingWire): void {
    this.consentRequired = wire.isTeamsConsentRequired;
    if (wire.isRecordingActive === this.active) return;
    this.active = wire.isRecordingActive;
    const added: EmulatedRecordingInfo[] = [];
    const removed = this.current;
    if (this.active) {
      const info = new EmulatedRecordingInfo(this.tally);
      this.all.push(info);
      added.push(info);
    }
    this.current = added;
    removed.forEach((info) => info.end());
    this.events.emit('isRecordingActiveChanged');
    this.events.emit('recordingsUpdated', { added, removed });
  }

  protected override parts(): InertEvents[] {
    return this.all;
  }
}
