import type { CallFeature } from '@azure/communication-calling';
import type { CapabilitiesWire } from '../protocol/messages';
import { EmulatedCapabilitiesFeature } from './capabilities-feature';
import { EmulatedDominantSpeakers } from './dominant-speakers-feature';
import type { ListenerTally } from './emitter';
import { featureName, inertCallFeature } from './features';

/**
 * One call's features, one object per feature as the SDK hands out: `Capabilities` and
 * `DominantSpeakers` from the world, every other call feature of the SDK's typings inert.
 */
export class CallFeatures {
  readonly capabilities: EmulatedCapabilitiesFeature;
  readonly speakers: EmulatedDominantSpeakers;
  private readonly inert = new Map<string, CallFeature>();

  constructor(
    capabilities: CapabilitiesWire,
    private readonly tally: ListenerTally,
  ) {
    this.capabilities = new EmulatedCapabilitiesFeature(capabilities, tally);
    this.speakers = new EmulatedDominantSpeakers(tally);
  }

  /** The call left the agent: every feature goes with it (and the listeners still on them). */
  dispose(): void {
    this.capabilities.dispose();
    this.speakers.dispose();
    this.inert.forEach((feature) => feature.dispose());
  }

  get(factory: unknown): CallFeature {
    const name = featureName(factory) ?? '';
    if (name === 'Capabilities') return this.capabilities;
    if (name === 'DominantSpeakers') return this.speakers;
    const feature = this.inert.get(name) ?? inertCallFeature(name, this.tally);
    this.inert.set(name, feature);
    return feature;
  }
}
