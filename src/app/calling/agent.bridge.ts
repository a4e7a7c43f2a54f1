import type {
  ConnectionState,
  TeamsCall,
  TeamsCallAgent,
  TeamsIncomingCall,
} from '@azure/communication-calling';
import { defer, from, merge, Observable } from 'rxjs';
import { finalize, map, mergeMap } from 'rxjs/operators';
import { callEvents } from './call.bridge';
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
): Observable<CallingEvent> {
  const incoming$ = fromSdkEvent<{ incomingCall: TeamsIncomingCall }>(agent, 'incomingCall').pipe(
    mergeMap(({ incomingCall }) => {
      registry.addIncomingCall(incomingCall);
      return incomingCallEvents(incomingCall, now).pipe(
        finalize(() => registry.removeIncomingCall(incomingCall.id)),
      );
    }),
  );

  const seen = new WeakSet<TeamsCall>();
  const watchCall = (call: TeamsCall): Observable<CallingEvent> => {
    if (seen.has(call)) return from([]);
    seen.add(call);
    let id = call.id;
    registry.addCall(call);
    return callEvents(call, now, (previousId, nextId) => {
      registry.removeCall(previousId);
      registry.addCall(call, nextId);
      id = nextId;
    }).pipe(finalize(() => registry.removeCall(id)));
  };
  const calls$ = merge(
    defer(() => from(agent.calls)),
    fromSdkEvent<{ added: TeamsCall[]; removed: TeamsCall[] }>(agent, 'callsUpdated').pipe(
      mergeMap(({ added }) => from(added)),
    ),
  ).pipe(mergeMap(watchCall));

  const connection$ = fromSdkEvent<{ newValue: ConnectionState }>(agent, 'connectionStateChanged').pipe(
    map(({ newValue }): CallingEvent => ({ type: 'agentConnectionStateChanged', connectionState: newValue })),
  );

  return merge(incoming$, calls$, connection$);
}
