import type {
  CapabilitiesChangeInfo,
  CapabilitiesFeature,
  Features,
  ParticipantCapabilities,
  TeamsCall,
} from '@azure/communication-calling';
import { Observable } from 'rxjs';
import { map } from 'rxjs/operators';
import type { CallingEvent } from './calling-events';
import { fromSdkEvent } from './sdk-event';
import type { CallCapabilities } from '../model/snapshots';

/** The feature factories the call bridges read, from the module the `CallClient` came from. */
export type CallFeatureFactories = Pick<typeof Features, 'Capabilities' | 'DominantSpeakers'>;

/**
 * A call's feature, or null when the backend does not offer it: the console then treats what the
 * feature would say as unknown (controls stay enabled, and the SDK's answer says what it allows).
 */
export function callFeature<T>(read: () => T): T | null {
  try {
    return read();
  } catch {
    return null;
  }
}

export function capabilitiesFeatureOf(
  call: TeamsCall,
  factories: CallFeatureFactories | undefined,
): CapabilitiesFeature | null {
  return factories ? callFeature(() => call.feature(factories.Capabilities)) : null;
}

/** Plain copies of what the SDK reported, name by name. */
export function toCapabilities(capabilities: Partial<ParticipantCapabilities> | undefined): CallCapabilities {
  const result: Record<string, { isPresent: boolean; reason: string }> = {};
  for (const [name, value] of Object.entries(capabilities ?? {})) {
    if (value) result[name] = { isPresent: value.isPresent, reason: value.reason };
  }
  return result as CallCapabilities;
}

/** What changed in a call's capabilities, from `capabilitiesChanged` until the call bridge stops. */
export function capabilitiesEvents(
  feature: CapabilitiesFeature,
  callId: () => string,
): Observable<CallingEvent> {
  return fromSdkEvent<CapabilitiesChangeInfo>(feature, 'capabilitiesChanged').pipe(
    map(({ newValue }): CallingEvent => ({
      type: 'callCapabilitiesChanged',
      id: callId(),
      capabilities: toCapabilities(newValue),
    })),
  );
}
