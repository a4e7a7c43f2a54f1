import type { RecordingCallFeature, TeamsCall } from '@azure/communication-calling';
import { merge, Observable, of } from 'rxjs';
import { distinctUntilChanged, map, skipWhile } from 'rxjs/operators';
import { callFeature, type CallFeatureFactories, type ReportBridgeError } from './capabilities.bridge';
import type { CallingEvent } from './calling-events';
import { fromSdkEvent } from './sdk-event';
import type { RecordingSnapshot } from '../model/snapshots';

/** What a call's entry holds until its Recording feature says otherwise. */
export const NOT_RECORDING: RecordingSnapshot = { isRecordingActive: false, isTeamsConsentRequired: false };

export function recordingFeatureOf(
  call: TeamsCall,
  factories: CallFeatureFactories | undefined,
  report: ReportBridgeError,
): RecordingCallFeature | null {
  return factories ? callFeature('Recording', () => call.feature(factories.Recording), report) : null;
}

export function toRecording(feature: RecordingCallFeature): RecordingSnapshot {
  return {
    isRecordingActive: feature.isRecordingActive,
    isTeamsConsentRequired: feature.isTeamsConsentRequired,
  };
}

const sameRecording = (a: RecordingSnapshot, b: RecordingSnapshot) =>
  a.isRecordingActive === b.isRecordingActive && a.isTeamsConsentRequired === b.isTeamsConsentRequired;

/**
 * The call's recording as this leg sees it: as it is when the bridge starts (a meeting may already
 * be recorded), then each change. `isTeamsConsentRequired` has no event of its own, so it is read
 * again with both of the feature's events; a call that is not recorded says nothing until it is.
 */
export function recordingEvents(
  feature: RecordingCallFeature,
  callId: () => string,
): Observable<CallingEvent> {
  return merge(
    of(null),
    fromSdkEvent(feature, 'isRecordingActiveChanged'),
    fromSdkEvent(feature, 'recordingsUpdated'),
  ).pipe(
    map(() => toRecording(feature)),
    distinctUntilChanged(sameRecording),
    skipWhile((recording) => sameRecording(recording, NOT_RECORDING)),
    map((recording): CallingEvent => ({ type: 'callRecordingChanged', id: callId(), recording })),
  );
}
