import { inject } from '@angular/core';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { Store, type Action } from '@ngrx/store';
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
            const take = takeFor(action, registry);
            return settledCalls(store, scheduler).pipe(
              concatMap((calls) =>
                calls === null
                  ? of(take.failed(STILL_CONNECTING))
                  : defer(() => {
                      // Unsubscribed (time limit, sign-out) before it is done: it stops and undoes.
                      const abandon = new AbortController();
                      return from(runTake(registry, calls, take, abandon.signal)).pipe(
                        finalize(() => abandon.abort()),
                      );
                    }),
              ),
              timeout({ first: SWITCH_TIMEOUT_MS, with: () => of(take.failed(SWITCH_TIMED_OUT)), scheduler }),
            );
          }),
          takeUntil(actions$.pipe(ofType(ShellActions.signOutClicked))),
        ),
      ),
    ),
  { functional: true },
);

/** What one click asks for: which call to take, how, and the actions that report it. */
interface Take {
  readonly operation: 'accept' | 'resume';
  /** The call that stays live (a resumed call is not held on its own way back). */
  readonly keep: string | null;
  /** Finds the SDK object to act on; throws if it is gone (the call stopped ringing, or ended). */
  readonly find: () => () => Promise<unknown>;
  readonly succeeded: () => Action;
  readonly failed: (failure: Failure) => Action;
}

function takeFor(
  action:
    | ReturnType<typeof QueuePanelActions.acceptClicked>
    | ReturnType<typeof HeldCallsPanelActions.resumeClicked>,
  registry: CallRegistry,
): Take {
  if (action.type === QueuePanelActions.acceptClicked.type) {
    const { id } = action;
    return {
      operation: 'accept',
      keep: null,
      find: () => {
        const incoming = registry.incomingCall(id);
        return () => incoming.accept();
      },
      succeeded: () => CallingApiActions.acceptSucceeded({ id }),
      failed: (failure) => CallingApiActions.acceptFailed({ id, failure }),
    };
  }
  const { callId } = action;
  return {
    operation: 'resume',
    keep: callId,
    find: () => {
      const call = registry.call(callId);
      return () => call.resume();
    },
    succeeded: () => CallingApiActions.callOperationSucceeded({ callId, operation: 'resume' }),
    failed: (failure) => CallingApiActions.callOperationFailed({ callId, operation: 'resume', failure }),
  };
}

async function runTake(
  registry: CallRegistry,
  calls: readonly CallEntry[],
  take: Take,
  abandoned: AbortSignal,
): Promise<Action> {
  let act: () => Promise<unknown>;
  try {
    // Before holding anything: a call that stopped ringing (or ended) leaves the agent's call alone.
    act = take.find();
  } catch (error) {
    return take.failed(toFailure(error, take.operation));
  }
  const failure = await switchActiveCall(registry, calls, take.keep, take.operation, act, abandoned);
  return failure ? take.failed(failure) : take.succeeded();
}
