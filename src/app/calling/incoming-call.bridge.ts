import type { CallEndReason, TeamsIncomingCall } from '@azure/communication-calling';
import { Observable } from 'rxjs';
import type { CallingEvent } from './calling-events';
import { fromSdkEvent } from './sdk-event';
import { serverCallIdOf } from './server-call-id';
import { toEndReason, toIncomingCallSnapshot } from './snapshots';

/** A ringing call, from `incomingCall` until its `callEnded` (accepted, rejected, taken, abandoned). */
export function incomingCallEvents(incoming: TeamsIncomingCall, now: () => number): Observable<CallingEvent> {
  return new Observable<CallingEvent>((subscriber) => {
    subscriber.next({ type: 'incomingCallReceived', incomingCall: toIncomingCallSnapshot(incoming, now()) });
    const serverCallId = serverCallIdOf(incoming.info).subscribe((id) =>
      subscriber.next({ type: 'serverCallIdKnown', id: incoming.id, serverCallId: id }),
    );
    const ended = fromSdkEvent<{ callEndReason: CallEndReason }>(incoming, 'callEnded').subscribe(
      ({ callEndReason }) => {
        subscriber.next({
          type: 'incomingCallEnded',
          id: incoming.id,
          callEndReason: toEndReason(callEndReason),
        });
        subscriber.complete();
      },
    );
    return () => {
      serverCallId.unsubscribe();
      ended.unsubscribe();
    };
  });
}
