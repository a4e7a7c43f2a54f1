import { inject } from '@angular/core';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { Store } from '@ngrx/store';
import { defer, of, type Observable } from 'rxjs';
import { concatMap, first, timeout } from 'rxjs/operators';
import { CallRegistry } from '../../calling/call-registry';
import { toFailure } from '../../calling/calling-codes';
import { CallingApiActions } from '../calling-api.actions';
import { QueuePanelActions } from '../queue/queue-panel.actions';
import { HeldCallsPanelActions } from './call-panels.actions';
import { callsFeature, type CallEntry } from './calls.feature';
import { SETTLE_TIMEOUT_MS, SETTLING_STATES, STILL_CONNECTING, switchActiveCall } from './switch-active-call';

/**
 * The agent's calls once none is still connecting, or null if one stays connecting too long. Read
 * when a switch starts, not when it was clicked: an earlier switch may have changed them since.
 */
function settledCalls(store: Store): Observable<readonly CallEntry[] | null> {
  return store.select(callsFeature.selectAllCalls).pipe(
    first((calls) => !calls.some((call) => SETTLING_STATES.has(call.state))),
    timeout({ first: SETTLE_TIMEOUT_MS, with: () => of(null) }),
  );
}

/**
 * Accept (queue) and Resume (calls on hold) both make another call the one the agent talks on,
 * holding the current one first (one active call at a time). They run one at a time, in click
 * order, so quick clicks on two calls can never leave the agent live on both.
 */
export const takeCall$ = createEffect(
  (actions$ = inject(Actions), store = inject(Store), registry = inject(CallRegistry)) =>
    actions$.pipe(
      ofType(QueuePanelActions.acceptClicked, HeldCallsPanelActions.resumeClicked),
      concatMap((action) =>
        settledCalls(store).pipe(
          concatMap((calls) =>
            defer(() =>
              action.type === QueuePanelActions.acceptClicked.type
                ? accept(registry, calls, action.id)
                : resume(registry, calls, action.callId),
            ),
          ),
        ),
      ),
    ),
  { functional: true },
);

async function accept(registry: CallRegistry, calls: readonly CallEntry[] | null, id: string) {
  const failed = (failure: ReturnType<typeof toFailure>) => CallingApiActions.acceptFailed({ id, failure });
  if (calls === null) return failed(STILL_CONNECTING);
  let incoming;
  try {
    // Before holding anything: a call that stopped ringing meanwhile leaves the agent's call alone.
    incoming = registry.incomingCall(id);
  } catch (error) {
    return failed(toFailure(error, 'accept'));
  }
  const failure = await switchActiveCall(registry, calls, null, 'accept', () => incoming.accept());
  return failure ? failed(failure) : CallingApiActions.acceptSucceeded({ id });
}

async function resume(registry: CallRegistry, calls: readonly CallEntry[] | null, callId: string) {
  const failed = (failure: ReturnType<typeof toFailure>) =>
    CallingApiActions.callOperationFailed({ callId, operation: 'resume', failure });
  if (calls === null) return failed(STILL_CONNECTING);
  let call;
  try {
    call = registry.call(callId);
  } catch (error) {
    return failed(toFailure(error, 'resume'));
  }
  const failure = await switchActiveCall(registry, calls, callId, 'resume', () => call.resume());
  return failure
    ? failed(failure)
    : CallingApiActions.callOperationSucceeded({ callId, operation: 'resume' });
}
