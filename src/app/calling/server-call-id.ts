import type { TeamsCallInfo } from '@azure/communication-calling';
import { from, Observable, of } from 'rxjs';
import { catchError, filter } from 'rxjs/operators';

/**
 * The call's server id, once the SDK knows it: `info.getServerCallId()` is a promise, and may
 * reject while the call is still being set up (an outgoing call before it connects). Nothing then:
 * the caller asks again later. An empty id is no id.
 */
export function serverCallIdOf(info: Pick<TeamsCallInfo, 'getServerCallId'> | undefined): Observable<string> {
  if (typeof info?.getServerCallId !== 'function') return of();
  return from(Promise.resolve().then(() => info.getServerCallId())).pipe(
    catchError(() => of('')),
    filter((id): id is string => typeof id === 'string' && id !== ''),
  );
}
