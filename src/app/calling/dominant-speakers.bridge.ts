import type { DominantSpeakersCallFeature, TeamsCall } from '@azure/communication-calling';
import { Observable } from 'rxjs';
import { map } from 'rxjs/operators';
import { callFeature, type CallFeatureFactories, type ReportBridgeError } from './capabilities.bridge';
import type { CallingEvent } from './calling-events';
import { toIdentity } from './identifiers';
import { fromSdkEvent } from './sdk-event';

export function dominantSpeakersFeatureOf(
  call: TeamsCall,
  factories: CallFeatureFactories | undefined,
  report: ReportBridgeError,
): DominantSpeakersCallFeature | null {
  return factories
    ? callFeature('DominantSpeakers', () => call.feature(factories.DominantSpeakers), report)
    : null;
}

/** The raw ids of the dominant speakers, most dominant first. */
export function toDominantSpeakers(feature: DominantSpeakersCallFeature): string[] {
  return (feature.dominantSpeakers?.speakersList ?? []).flatMap((identifier) => {
    const identity = toIdentity(identifier);
    return identity ? [identity.rawId] : [];
  });
}

export function dominantSpeakersEvents(
  feature: DominantSpeakersCallFeature,
  callId: () => string,
): Observable<CallingEvent> {
  return fromSdkEvent(feature, 'dominantSpeakersChanged').pipe(
    map((): CallingEvent => ({
      type: 'callDominantSpeakersChanged',
      id: callId(),
      dominantSpeakers: toDominantSpeakers(feature),
    })),
  );
}
