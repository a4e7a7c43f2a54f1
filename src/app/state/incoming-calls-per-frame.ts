import type { Action } from '@ngrx/store';
import { defer, from, merge, type OperatorFunction, type SchedulerLike } from 'rxjs';
import { filter, map, mergeMap, share, tap } from 'rxjs/operators';
import type { CallingEvent } from '../calling/calling-events';
import { toCallingSdkAction } from './calling-event-actions';
import { CallingSdkEvents, type DirectCallingEventType } from './calling-sdk.actions';
import { coalescePerFrame } from './coalesce-per-frame';

type Received = CallingEvent<'incomingCallReceived'>;
type ServerCallIdKnown = CallingEvent<'serverCallIdKnown'>;
type Ringing = Received | ServerCallIdKnown;

/** The ids of calls an event is about (a call's own id, its previous one, a participant's call). */
function callIdsOf(event: CallingEvent): string[] {
  const ids: string[] = [];
  if ('id' in event) ids.push(event.id);
  if ('previousId' in event) ids.push(event.previousId);
  if ('callId' in event) ids.push(event.callId);
  if (event.type === 'callAdded') ids.push(event.call.id);
  return ids;
}

const ringingCallId = (event: Ringing): string =>
  event.type === 'incomingCallReceived' ? event.incomingCall.id : event.id;

/** A call's server id, learnt before its batch went out, travels in its snapshot. */
function fold(previous: Ringing, next: Ringing): Ringing {
  if (next.type === 'incomingCallReceived' || previous.type !== 'incomingCallReceived') return next;
  return { ...previous, incomingCall: { ...previous.incomingCall, serverCallId: next.serverCallId } };
}

function batchActions(batch: Ringing[]): Action[] {
  const received = batch.filter((event): event is Received => event.type === 'incomingCallReceived');
  return [
    CallingSdkEvents.incomingCallsReceived({ incomingCalls: received.map((event) => event.incomingCall) }),
    // Said again after the batch for whoever waits on a server id (a supervisor's answer to a join);
    // the queue already has it from the snapshot.
    ...received
      .filter(({ incomingCall }) => incomingCall.serverCallId !== null)
      .map(({ incomingCall }) =>
        CallingSdkEvents.serverCallIdKnown({ id: incomingCall.id, serverCallId: incomingCall.serverCallId! }),
      ),
  ];
}

/**
 * The session's events as "Calling SDK" actions, calls that start ringing coalesced per frame into
 * one `Incoming Calls Received`: a queue's burst (200 waiting calls announced at sign-in) is one
 * store update and one render, not 200. Each call's server id comes a microtask after it rings, so
 * it joins the batch rather than flushing it. Any other event about a call in the batch (it ended,
 * it was accepted) flushes the batch first: the store never hears of a call before it rang.
 */
export function incomingCallsPerFrame(
  scheduler: SchedulerLike,
): OperatorFunction<CallingEvent<DirectCallingEventType | 'incomingCallReceived'>, Action> {
  return (source) =>
    defer(() => {
      const events$ = source.pipe(share());
      const pending = new Set<string>();
      const joinsBatch = (event: CallingEvent): event is Ringing =>
        event.type === 'incomingCallReceived' ||
        (event.type === 'serverCallIdKnown' && pending.has(event.id));
      // Subscribed first, so a flush goes out before the event that caused it.
      const coalesced$ = events$.pipe(
        filter(joinsBatch),
        tap((event) => pending.add(ringingCallId(event))),
        coalescePerFrame(
          scheduler,
          ringingCallId,
          fold,
          events$.pipe(
            filter((event) => !joinsBatch(event) && callIdsOf(event).some((id) => pending.has(id))),
          ),
        ),
        tap(() => pending.clear()),
        mergeMap((batch) => from(batchActions(batch))),
      );
      const direct$ = events$.pipe(
        filter((event): event is CallingEvent<DirectCallingEventType> => !joinsBatch(event)),
        map(toCallingSdkAction),
      );
      return merge(coalesced$, direct$);
    });
}
