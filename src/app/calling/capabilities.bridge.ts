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
export type CallFeatureFactories = Pick<
  typeof Features,
  'Capabilities' | 'DominantSpeakers' | 'Recording' | 'Captions'
>;

/** Where the bridges report an error they carry on after (the one `Logger`, in the console). */
export type ReportBridgeError = (message: string, error: unknown) => void;

/**
 * A call's feature, or null when the backend does not offer it: the console then treats what the
 * feature would say as unknown (controls stay enabled, and the SDK's answer says what it allows).
 * Why it is missing is reported, not dropped.
 */
export function callFeature<T>(name: string, read: () => T, report: ReportBridgeError): T | null {
  try {
    return read();
  } catch (error) {
    report(`The call's ${name} feature is not available: what it would say is unknown.`, error);
    return null;
  }
}

export function capabilitiesFeatureOf(
  call: TeamsCall,
  factories: CallFeatureFactories | undefined,
  report: ReportBridgeError,
): CapabilitiesFeature | null {
  return factories ? callFeature('Capabilities', () => call.feature(factories.Capabilities), report) : null;
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
