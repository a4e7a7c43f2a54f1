import type { CallFeature } from '@azure/communication-calling';
import type { CapabilitiesWire, EndReasonWire, ServerMessage } from '../protocol/messages';
import { EmulatedCapabilitiesFeature } from './capabilities-feature';
import type { Connection } from './connection';
import { EmulatedDominantSpeakers } from './dominant-speakers-feature';
import type { ListenerTally } from './emitter';
import { featureName, inertCallFeature } from './features';
import { EmulatedCaptions } from './features/captions-feature';
import { EmulatedRecording } from './features/recording-feature';
import { EmulatedTransferFeature } from './features/transfer-feature';

/** The world's messages for a call's recording and captions. */
export type FeatureMessage = Extract<
  ServerMessage,
  { type: 'recordingChanged' | 'captionsChanged' | 'captionReceived' }
>;

/**
 * One call's features, one object per feature as the SDK hands out: `Capabilities`,
 * `DominantSpeakers`, `Transfer`, `Recording` and `Captions` from the world, every other call
 * feature of the SDK's typings inert.
 */
export class CallFeatures {
  readonly capabilities: EmulatedCapabilitiesFeature;
  readonly speakers: EmulatedDominantSpeakers;
  readonly transfer: EmulatedTransferFeature;
  readonly recording: EmulatedRecording;
  readonly captions: EmulatedCaptions;
  private readonly inert = new Map<string, CallFeature>();

  constructor(
    capabilities: CapabilitiesWire,
    callId: () => string,
    connection: Connection,
    private readonly tally: ListenerTally,
  ) {
    this.capabilities = new EmulatedCapabilitiesFeature(capabilities, tally);
    this.speakers = new EmulatedDominantSpeakers(tally);
    this.transfer = new EmulatedTransferFeature(callId, connection, tally);
    this.recording = new EmulatedRecording(callId, connection, tally);
    this.captions = new EmulatedCaptions(callId, connection, tally);
  }

  changed(message: FeatureMessage): void {
    switch (message.type) {
      case 'recordingChanged':
        return this.recording.changed(message);
      case 'captionsChanged':
        return this.captions.captions.changed(message);
      case 'captionReceived':
        return this.captions.captions.received(message.caption);
    }
  }

  /**
   * The call left the agent (`reason`: how it ended): every feature goes with it (and the
   * listeners still on them); a transfer still under way failed.
   */
  dispose(reason: EndReasonWire): void {
    this.transfer.end(reason);
    this.transfer.dispose();
    this.capabilities.dispose();
    this.speakers.dispose();
    this.recording.dispose();
    this.captions.dispose();
    this.inert.forEach((feature) => feature.dispose());
  }

  get(factory: unknown): CallFeature {
    const name = featureName(factory) ?? '';
    if (name === 'Capabilities') return this.capabilities;
    if (name === 'DominantSpeakers') return this.speakers;
    if (name === 'Transfer') return this.transfer;
    if (name === 'Recording') return this.recording;
    if (name === 'Captions') return this.captions;
    const feature = this.inert.get(name) ?? inertCallFeature(name, this.tally);
    this.inert.set(name, feature);
    return feature;
  }
}
