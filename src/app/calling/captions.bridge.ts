import type {
  Captions,
  CaptionsCallFeature,
  CaptionsInfo,
  TeamsCall,
  TeamsCaptions,
  TeamsCaptionsInfo,
} from '@azure/communication-calling';
import { merge, Observable, of } from 'rxjs';
import { distinctUntilChanged, map, skipWhile, switchMap } from 'rxjs/operators';
import { callFeature, type CallFeatureFactories, type ReportBridgeError } from './capabilities.bridge';
import type { CallingEvent } from './calling-events';
import { fromSdkEvent } from './sdk-event';
import { toParty } from './snapshots';
import type { CaptionSnapshot } from '../model/snapshots';

/** The captions object of either kind: a Teams user's calls have `TeamsCaptions`. */
type CaptionsOfAnyKind = TeamsCaptions | Captions;

export function captionsFeatureOf(
  call: TeamsCall,
  factories: CallFeatureFactories | undefined,
  report: ReportBridgeError,
): CaptionsCallFeature | null {
  return factories ? callFeature('Captions', () => call.feature(factories.Captions), report) : null;
}

/**
 * The call's captions object. `CaptionsCommon` declares no `on`/`off`, but both kinds it can be
 * have them; the object is read again when the feature says its kind changed (`CaptionsKindChanged`).
 */
export function captionsOf(feature: CaptionsCallFeature): CaptionsOfAnyKind {
  return feature.captions as CaptionsOfAnyKind;
}

/** A caption as the store keeps it: the translated text where Teams gives one, else what was said. */
export function toCaption(info: TeamsCaptionsInfo | CaptionsInfo): CaptionSnapshot {
  const teams = 'captionText' in info ? info : null;
  return {
    speaker: toParty(info.speaker),
    text: teams?.captionText || info.spokenText,
    resultType: info.resultType,
    // A Date from the SDK; read through `new Date` so a serialized one (a string) reads the same.
    spokenAt: new Date(info.timestamp).getTime(),
    language: teams?.captionLanguage || info.spokenLanguage,
  };
}

/**
 * Whether captions are on (once they first are: a call without captions says nothing) and every
 * caption received, until the call bridge stops. `startCaptions` resolving does not mean captions
 * started: `CaptionsActiveChanged` does.
 */
export function captionsEvents(feature: CaptionsCallFeature, callId: () => string): Observable<CallingEvent> {
  const current$ = merge(of(null), fromSdkEvent(feature, 'CaptionsKindChanged')).pipe(
    map(() => captionsOf(feature)),
    distinctUntilChanged(),
  );
  const active$ = current$.pipe(
    switchMap((captions) =>
      merge(of(null), fromSdkEvent(captions, 'CaptionsActiveChanged')).pipe(
        map(() => captions.isCaptionsFeatureActive),
      ),
    ),
    distinctUntilChanged(),
    skipWhile((active) => !active),
    map((active): CallingEvent => ({ type: 'callCaptionsActiveChanged', id: callId(), active })),
  );
  const received$ = current$.pipe(
    switchMap((captions) => fromSdkEvent<TeamsCaptionsInfo | CaptionsInfo>(captions, 'CaptionsReceived')),
    map((info): CallingEvent => ({ type: 'captionReceived', callId: callId(), caption: toCaption(info) })),
  );
  return merge(active$, received$);
}
