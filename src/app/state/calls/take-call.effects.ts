import { inject } from '@angular/core';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { Store } from '@ngrx/store';
import { defer, from, of, type Observable, type SchedulerLike } from 'rxjs';
import { concatMap, finalize, first, switchMap, takeUntil, timeout } from 'rxjs/operators';
import { CallRegistry } from '../../calling/call-registry';
import { toFailure, type Failure } from '../../calling/calling-codes';
import { AuthApiActions, ShellActions } from '../agent/agent.actions';
import { CallingApiActions } from '../calling-api.actions';
import { QueuePanelActions } from '../queue/queue-panel.actions';
import { HeldCallsPanelActions } from './call-panels.actions';
import { callsFeature, type CallEntry } from './calls.feature';
import {
  SETTLE_TIMEOUT_MS,
  SETTLING_STATES,
  STILL_CONNECTING,
  SWITCH_TIMED_OUT,
  SWITCH_SCHEDULER,
  SWITCH_TIMEOUT_MS,
  switchActiveCall,
} from './switch-active-call';

/**
 * The agent's calls once none is still connecting, or null if one stays connecting too long. Read
 * when a switch starts, not when it was clicked: an earlier switch may have changed them since.
 */
function settledCalls(store: Store, scheduler: SchedulerLike): Observable<readonly CallEntry[] | null> {
  return store.select(callsFeature.selectAllCalls).pipe(
    first((calls) => !calls.some((call) => SETTLING_STATES.has(call.state))),
    timeout({ first: SETTLE_TIMEOUT_MS, with: () => of(null), scheduler }),
  );
}

/**
 * Accept (queue) and Resume (calls on hold) both make another call the one the agent talks on,
 * holding the current one first (one active call at a time). They run one at a time, in click
 * order, so quick clicks on two calls can never leave the agent live on both. The line of clicks
 * belongs to one session: sign-out drops what is left of it. A switch the SDK never finishes is
 * reported after a time limit, so it cannot hold up every later click.
 */
export const takeCall$ = createEffect(
  (
    actions$ = inject(Actions),
    store = inject(Store),
    registry = inject(CallRegistry),
    scheduler = inject(SWITCH_SCHEDULER),
  ) =>
    actions$.pipe(
      ofType(AuthApiActions.signedIn),
      switchMap(() =>
        actions$.pipe(
          ofType(QueuePanelActions.acceptClicked, HeldCallsPanelActions.resumeClicked),
          concatMap((action) => {
            const isAccept = action.type === QueuePanelActions.acceptClicked.type;
            const failed = (failure: Failure) =>
              isAccept
                ? CallingApiActions.acceptFailed({ id: action.id, failure })
                : CallingApiActions.callOperationFailed({
                    callId: action.callId,
                    operation: 'resume',
                    failure,
                  });
            return settledCalls(store, scheduler).pipe(
              concatMap((calls) =>
                calls === null
                  ? of(failed(STILL_CONNECTING))
                  : defer(() => {
                      // Unsubscribed (time limit, sign-out) before it is done: it stops and undoes.
                      const abandon = new AbortController();
                      return from(
                        isAccept
                          ? accept(registry, calls, action.id, abandon.signal)
                          : resume(registry, calls, action.callId, abandon.signal),
                      ).pipe(finalize(() => abandon.abort()));
                    }),
              ),
              timeout({ first: SWITCH_TIMEOUT_MS, with: () => of(failed(SWITCH_TIMED_OUT)), scheduler }),
            );
          }),
          takeUntil(actions$.pipe(ofType(ShellActions.signOutClicked))),
        ),
      ),
    ),
  { functional: true },
);

async function accept(
  registry: CallRegistry,
  calls: readonly CallEntry[],
  id: string,
  abandoned: AbortSignal,
) {
  const failed = (failure: Failure) => CallingApiActions.acceptFailed({ id, failure });
  let incoming;
  try {
    // Before holding anything: a call that stopped ringing meanwhile leaves the agent's call alone.
    incoming = registry.incomingCall(id);
  } catch (error) {
    return failed(toFailure(error, 'accept'));
  }
  const failure = await switchActiveCall(registry, calls, null, 'accept', () => incoming.accept(), abandoned);
  return failure ? failed(failure) : CallingApiActions.acceptSucceeded({ id });
}

async function resume(
  registry: CallRegistry,
  calls: readonly CallEntry[],
  callId: string,
  abandoned: AbortSignal,
) {
  const failed = (failure: Failure) =>
    CallingApiActions.callOperationFailed({ callId, operation: 'resume', failure });
  let call;
  try {
    call = registry.call(callId);
  } catch (error) {
    return failed(toFailure(error, 'resume'));
  }
  const failure = await switchActiveCall(registry, calls, callId, 'resume', () => call.resume(), abandoned);
  return failure
    ? failed(failure)
    : CallingApiActions.callOperationSucceeded({ callId, operation: 'resume' });
}
