import type { CallFeature } from '@azure/communication-calling';
import type { CapabilitiesWire, EndReasonWire } from '../protocol/messages';
import { EmulatedCapabilitiesFeature } from './capabilities-feature';
import type { Connection } from './connection';
import { EmulatedDominantSpeakers } from './dominant-speakers-feature';
import type { ListenerTally } from './emitter';
import { featureName, inertCallFeature } from './features';
import { EmulatedTransferFeature } from './features/transfer-feature';

/**
 * One call's features, one object per feature as the SDK hands out: `Capabilities`,
 * `DominantSpeakers` and `Transfer` from the world, every other call feature of the SDK's
 * typings inert.
 */
export class CallFeatures {
  readonly capabilities: EmulatedCapabilitiesFeature;
  readonly speakers: EmulatedDominantSpeakers;
  readonly transfer: EmulatedTransferFeature;
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
    this.inert.forEach((feature) => feature.dispose());
  }

  get(factory: unknown): CallFeature {
    const name = featureName(factory) ?? '';
    if (name === 'Capabilities') return this.capabilities;
    if (name === 'DominantSpeakers') return this.speakers;
    if (name === 'Transfer') return this.transfer;
    const feature = this.inert.get(name) ?? inertCallFeature(name, this.tally);
    this.inert.set(name, feature);
    return feature;
  }
}
