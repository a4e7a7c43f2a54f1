import type { RemoteParticipant } from '@azure/communication-calling';
import { merge, Observable } from 'rxjs';
import { map } from 'rxjs/operators';
import type { CallingEvent, ParticipantChanges } from './calling-events';
import { fromSdkEvent } from './sdk-event';
import { participantVideoEvents } from './video-stream.bridge';

/**
 * A remote participant's changes. It runs until the call bridge unsubscribes (the participant
 * left the roster, or the call ended); that teardown removes every listener added here, the video
 * streams' included. The call's id is read per event: the SDK may give a call a new id
 * (`idChanged`) while its roster lives on.
 */
export function participantEvents(
  callId: () => string,
  participantId: string,
  participant: RemoteParticipant,
): Observable<CallingEvent> {
  const changed = (changes: ParticipantChanges): CallingEvent => ({
    type: 'participantChanged',
    callId: callId(),
    participantId,
    changes,
  });
  const change = (event: string, read: () => ParticipantChanges) =>
    fromSdkEvent(participant, event).pipe(map(() => changed(read())));
  return merge(
    change('stateChanged', () => ({ state: participant.state })),
    change('roleChanged', () => ({ role: participant.role })),
    change('isMutedChanged', () => ({ isMuted: participant.isMuted })),
    change('isSpeakingChanged', () => ({ isSpeaking: participant.isSpeaking })),
    change('displayNameChanged', () => ({ displayName: participant.displayName || null })),
    participantVideoEvents(participant).pipe(map((videoStreams) => changed({ videoStreams }))),
  );
}
