import type { RemoteParticipant, RemoteVideoStream } from '@azure/communication-calling';
import { Observable, Subscription } from 'rxjs';
import { fromSdkEvent } from './sdk-event';
import { toVideoStreamSnapshots } from './snapshots';
import { type VideoStreamSnapshot } from '../model/snapshots';

/**
 * A participant's video streams, reported whole each time one is added or removed
 * (`videoStreamsUpdated`) or turns available or unavailable (`isAvailableChanged`: the participant
 * turned their camera on or off). The teardown removes the listeners of the participant and of
 * every stream; a removed stream's listeners go as soon as it is removed.
 */
export function participantVideoEvents(participant: RemoteParticipant): Observable<VideoStreamSnapshot[]> {
  return new Observable<VideoStreamSnapshot[]>((subscriber) => {
    const streams = new Map<RemoteVideoStream, Subscription>();
    const report = () => subscriber.next(toVideoStreamSnapshots(participant.videoStreams));
    const watch = (stream: RemoteVideoStream) => {
      if (!streams.has(stream))
        streams.set(stream, fromSdkEvent(stream, 'isAvailableChanged').subscribe(report));
    };
    const unwatch = (stream: RemoteVideoStream) => {
      streams.get(stream)?.unsubscribe();
      streams.delete(stream);
    };

    participant.videoStreams.forEach(watch);
    const updates = fromSdkEvent<{ added: RemoteVideoStream[]; removed: RemoteVideoStream[] }>(
      participant,
      'videoStreamsUpdated',
    ).subscribe(({ added, removed }) => {
      removed.forEach(unwatch);
      added.forEach(watch);
      report();
    });

    return () => {
      updates.unsubscribe();
      streams.forEach((subscription) => subscription.unsubscribe());
      streams.clear();
    };
  });
}
