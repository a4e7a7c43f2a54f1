import type { RemoteParticipant, TeamsCall } from '@azure/communication-calling';
import { EMPTY, Observable, Subscription } from 'rxjs';
import {
  capabilitiesEvents,
  capabilitiesFeatureOf,
  toCapabilities,
  type CallFeatureFactories,
  type ReportBridgeError,
} from './capabilities.bridge';
import type { CallingEvent } from './calling-events';
import { captionsEvents, captionsFeatureOf } from './captions.bridge';
import {
  dominantSpeakersEvents,
  dominantSpeakersFeatureOf,
  toDominantSpeakers,
} from './dominant-speakers.bridge';
import { participantEvents } from './participant.bridge';
import { recordingEvents, recordingFeatureOf } from './recording.bridge';
import { serverCallIdOf } from './server-call-id';
import { fromSdkEvent, type SdkEventTarget } from './sdk-event';
import {
  participantId,
  toCallSnapshot,
  toConversation,
  toEndReason,
  toParticipantSnapshot,
  toRouting,
} from './snapshots';

export interface CallEventsOptions {
  /** Lets the registry re-key the call (the SDK may assign a new id once connected). */
  readonly onIdChanged?: (previousId: string, id: string) => void;
  /** Emits when the agent removed the call from its calls: it has ended. */
  readonly removed$?: Observable<unknown>;
  /** The module's `Features`, to follow the call's capabilities, speakers, recording and captions. */
  readonly features?: CallFeatureFactories;
  /** Where errors the bridge carries on after go (the console's `Logger`). */
  readonly report?: ReportBridgeError;
}

/**
 * Everything one call reports, from the moment it is announced until it ends (Disconnected, or
 * `removed$` says the agent removed it from its calls), when the Observable completes and its
 * teardown removes the listeners of the call, its features, its participants and their video
 * streams.
 */
export function callEvents(
  call: TeamsCall,
  now: () => number,
  {
    onIdChanged = () => undefined,
    removed$ = EMPTY,
    features,
    report = (message, error) => console.warn(message, error),
  }: CallEventsOptions = {},
): Observable<CallingEvent> {
  return new Observable<CallingEvent>((subscriber) => {
    let id = call.id;
    const currentId = () => id;
    const subscriptions = new Subscription();
    const roster = new Map<string, Subscription>();
    const emit = (event: CallingEvent) => subscriber.next(event);
    const on = (event: string, handle: () => void) =>
      subscriptions.add(fromSdkEvent(call, event).subscribe(handle));

    const watch = (participants: readonly RemoteParticipant[]) => {
      if (participants.length === 0) return;
      emit({
        type: 'participantsAdded',
        callId: id,
        participants: participants.map((p) => toParticipantSnapshot(id, p)),
      });
      for (const participant of participants) {
        const key = participantId(participant);
        roster.get(key)?.unsubscribe();
        roster.set(key, participantEvents(currentId, key, participant).subscribe(emit));
      }
    };
    const unwatch = (participant: RemoteParticipant) => {
      const key = participantId(participant);
      roster.get(key)?.unsubscribe();
      roster.delete(key);
      emit({
        type: 'participantRemoved',
        callId: id,
        participantId: key,
        callEndReason: toEndReason(participant.callEndReason),
      });
    };
    const end = () => {
      emit({ type: 'callEnded', id, callEndReason: toEndReason(call.callEndReason), at: now() });
      subscriber.complete();
    };

    const capabilities = capabilitiesFeatureOf(call, features, report);
    const dominantSpeakers = dominantSpeakersFeatureOf(call, features, report);
    emit({
      type: 'callAdded',
      call: toCallSnapshot(call, now(), {
        capabilities: capabilities ? toCapabilities(capabilities.capabilities) : null,
        dominantSpeakers: dominantSpeakers ? toDominantSpeakers(dominantSpeakers) : [],
      }),
    });
    if (call.state === 'Disconnected') {
      end();
      return;
    }
    watch(call.remoteParticipants);

    subscriptions.add(
      fromSdkEvent<{ added: RemoteParticipant[]; removed: RemoteParticipant[] }>(
        call,
        'remoteParticipantsUpdated',
      ).subscribe(({ added, removed }) => {
        removed.forEach(unwatch);
        watch(added);
      }),
    );
    on('isMutedChanged', () => emit({ type: 'callMutedChanged', id, isMuted: call.isMuted }));
    on('mutedByOthers', () => emit({ type: 'callMutedByOthers', id, at: now() }));
    on('roleChanged', () => emit({ type: 'callRoleChanged', id, role: call.role }));
    on('transferorInfoChanged', () =>
      emit({
        type: 'callTransferorChanged',
        id,
        transferredBy: toRouting(call.transferorInfo, undefined).transferredBy,
      }),
    );
    let isLocalVideoStarted = call.isLocalVideoStarted;
    const localVideoChanged = () => {
      if (call.isLocalVideoStarted === isLocalVideoStarted) return;
      isLocalVideoStarted = call.isLocalVideoStarted;
      emit({ type: 'callLocalVideoChanged', id, isLocalVideoStarted });
    };
    on('isLocalVideoStartedChanged', localVideoChanged);
    on('localVideoStreamsUpdated', localVideoChanged);
    on('idChanged', () => {
      const previousId = id;
      id = call.id;
      onIdChanged(previousId, id);
      emit({ type: 'callIdChanged', previousId, id });
    });
    if (capabilities) subscriptions.add(capabilitiesEvents(capabilities, currentId).subscribe(emit));
    if (dominantSpeakers)
      subscriptions.add(dominantSpeakersEvents(dominantSpeakers, currentId).subscribe(emit));
    const recording = recordingFeatureOf(call, features, report);
    if (recording) subscriptions.add(recordingEvents(recording, currentId).subscribe(emit));
    const captions = captionsFeatureOf(call, features, report);
    if (captions) subscriptions.add(captionsEvents(captions, currentId).subscribe(emit));
    subscriptions.add(removed$.subscribe(end));
    // A call becomes a group call when it gets a thread (a 1:1 escalated by adding someone): its
    // kind is read again when its info changes, and with each state it reaches.
    let conversation = toConversation(call);
    const conversationChanged = () => {
      const next = toConversation(call);
      if (next.kind === conversation.kind && next.threadId === conversation.threadId) return;
      conversation = next;
      emit({ type: 'callConversationChanged', id, ...next });
    };
    subscriptions.add(fromSdkEvent(callInfoEvents(call), 'callInfoChanged').subscribe(conversationChanged));
    // The server id is read when the call is announced, and again with each state until known
    // (ACS may give an outgoing call its id only once it connects).
    // A read may still be on its way when the state changes: each state asks again, and the
    // first answer counts.
    let serverCallIdKnown = false;
    const readServerCallId = () => {
      if (serverCallIdKnown) return;
      subscriptions.add(
        serverCallIdOf(call.info).subscribe((serverCallId) => {
          if (serverCallIdKnown) return;
          serverCallIdKnown = true;
          emit({ type: 'serverCallIdKnown', id, serverCallId });
        }),
      );
    };
    readServerCallId();
    on('stateChanged', () => {
      if (call.state === 'Disconnected') return end();
      readServerCallId();
      conversationChanged();
      emit({ type: 'callStateChanged', id, state: call.state, at: now() });
    });

    return () => {
      subscriptions.unsubscribe();
      roster.forEach((subscription) => subscription.unsubscribe());
      roster.clear();
    };
  });
}

/** The call's info names its subscribe pair `onCallInfoChanged`/`offCallInfoChanged`. */
function callInfoEvents(call: TeamsCall): SdkEventTarget {
  return {
    on: (event, listener) => call.info.onCallInfoChanged(event as 'callInfoChanged', listener),
    off: (event, listener) => call.info.offCallInfoChanged(event as 'callInfoChanged', listener),
  };
}
