import type { RemoteParticipant, TeamsCall } from '@azure/communication-calling';
import { EMPTY, Observable, Subscription } from 'rxjs';
import type { CallingEvent } from './calling-events';
import { participantEvents } from './participant.bridge';
import { fromSdkEvent } from './sdk-event';
import { participantId, toCallSnapshot, toEndReason, toParticipantSnapshot } from './snapshots';

/**
 * Everything one call reports, from the moment it is announced until it ends (Disconnected, or
 * `removed$` says the agent removed it from its calls), when the Observable completes and its
 * teardown removes the call's and its participants' listeners. `onIdChanged` lets the registry
 * re-key the call (the SDK may assign a new id once connected).
 */
export function callEvents(
  call: TeamsCall,
  now: () => number,
  onIdChanged: (previousId: string, id: string) => void = () => undefined,
  removed$: Observable<unknown> = EMPTY,
): Observable<CallingEvent> {
  return new Observable<CallingEvent>((subscriber) => {
    let id = call.id;
    const subscriptions = new Subscription();
    const roster = new Map<string, Subscription>();
    const emit = (event: CallingEvent) => subscriber.next(event);

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
        roster.set(key, participantEvents(() => id, key, participant).subscribe(emit));
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

    emit({ type: 'callAdded', call: toCallSnapshot(call, now()) });
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
    subscriptions.add(
      fromSdkEvent(call, 'isMutedChanged').subscribe(() =>
        emit({ type: 'callMutedChanged', id, isMuted: call.isMuted }),
      ),
    );
    subscriptions.add(
      fromSdkEvent(call, 'idChanged').subscribe(() => {
        const previousId = id;
        id = call.id;
        onIdChanged(previousId, id);
        emit({ type: 'callIdChanged', previousId, id });
      }),
    );
    subscriptions.add(removed$.subscribe(end));
    subscriptions.add(
      fromSdkEvent(call, 'stateChanged').subscribe(() =>
        call.state === 'Disconnected'
          ? end()
          : emit({ type: 'callStateChanged', id, state: call.state, at: now() }),
      ),
    );

    return () => {
      subscriptions.unsubscribe();
      roster.forEach((subscription) => subscription.unsubscribe());
      roster.clear();
    };
  });
}
