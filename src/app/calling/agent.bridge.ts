import type {
  ConnectionState,
  ConnectionStateChangedReason,
  TeamsCall,
  TeamsCallAgent,
  TeamsIncomingCall,
} from '@azure/communication-calling';
import { defer, from, merge, Observable } from 'rxjs';
import { filter, finalize, map, mergeMap, share } from 'rxjs/operators';
import { callEvents } from './call.bridge';
import type { CallFeatureFactories, ReportBridgeError } from './capabilities.bridge';
import type { CallRegistry } from './call-registry';
import type { CallingEvent } from './calling-events';
import { incomingCallEvents } from './incoming-call.bridge';
import { fromSdkEvent } from './sdk-event';

/**
 * Everything a `TeamsCallAgent` reports: ringing calls, calls, their participants and the
 * connection. Live objects enter the registry when announced and leave it when they end; the
 * teardown (sign-out) removes every listener this added, on every object.
 */
export function agentEvents(
  agent: TeamsCallAgent,
  registry: CallRegistry,
  now: () => number,
  features?: CallFeatureFactories,
  report?: ReportBridgeError,
): Observable<CallingEvent> {
  const incoming$ = fromSdkEvent<{ incomingCall: TeamsIncomingCall }>(agent, 'incomingCall').pipe(
    mergeMap(({ incomingCall }) => {
      registry.addIncomingCall(incomingCall);
      return incomingCallEvents(incomingCall, now).pipe(
        finalize(() => registry.removeIncomingCall(incomingCall.id)),
      );
    }),
  );

  const callsUpdated$ = fromSdkEvent<{ added: TeamsCall[]; removed: TeamsCall[] }>(
    agent,
    'callsUpdated',
  ).pipe(share());
  const seen = new WeakSet<TeamsCall>();
  const watchCall = (call: TeamsCall): Observable<CallingEvent> => {
    if (seen.has(call)) return from([]);
    seen.add(call);
    let id = call.id;
    registry.addCall(call);
    // A call the agent drops from its calls has ended, whether or not its Disconnected came first
    // (as Microsoft's stateful client treats `callsUpdated`'s `removed`).
    const removed$ = callsUpdated$.pipe(filter(({ removed }) => removed.includes(call)));
    return callEvents(call, now, {
      onIdChanged: (previousId, nextId) => {
        registry.removeCall(previousId);
        registry.addCall(call, nextId);
        id = nextId;
      },
      removed$,
      features,
      report,
    }).pipe(finalize(() => registry.removeCall(id)));
  };
  const calls$ = merge(
    defer(() => from(agent.calls)),
    callsUpdated$.pipe(mergeMap(({ added }) => from(added))),
  ).pipe(mergeMap(watchCall));

  const connection$ = fromSdkEvent<{ newValue: ConnectionState; reason?: ConnectionStateChangedReason }>(
    agent,
    'connectionStateChanged',
  ).pipe(
    map(({ newValue, reason }): CallingEvent => ({
      type: 'connectionStateChanged',
      connectionState: newValue,
      ...(reason && { reason }),
    })),
  );

  return merge(incoming$, calls$, connection$);
}
