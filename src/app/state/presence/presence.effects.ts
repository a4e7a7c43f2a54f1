import { inject } from '@angular/core';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { concatLatestFrom } from '@ngrx/operators';
import { Store } from '@ngrx/store';
import type { Dictionary } from '@ngrx/entity';
import { asapScheduler, EMPTY, from, interval, merge, Observable, of } from 'rxjs';
import {
  catchError,
  debounceTime,
  distinctUntilChanged,
  exhaustMap,
  filter,
  ignoreElements,
  map,
  mergeMap,
  startWith,
  switchMap,
  take,
  takeUntil,
  tap,
} from 'rxjs/operators';
import type { SignedInUser } from '../../core/auth/signed-in-user';
import { GraphFailure, GraphService } from '../../graph/graph.service';
import { TEAMS_PRESENCE, type TeamsPresence } from '../../model/agent-presence';
import { AuthApiActions } from '../agent/auth-api.actions';
import { ShellActions } from '../agent/shell.actions';
import { SoftphoneActions } from '../agent/softphone.actions';
import { CallingSdkEvents } from '../calling-sdk.actions';
import { queueFeature, type QueuedCall } from '../queue/queue.feature';
import { settingsFeature } from '../settings/settings.feature';
import { AgentPresenceActions } from './agent-presence.actions';
import { PresenceApiActions } from './presence-api.actions';
import { selectEffectivePresence } from './presence.feature';
import { PRESENCE_RENEWAL_MS, PRESENCE_SCHEDULER } from './presence-scheduler';

/** Something of the presence's, for the length of each sign-in. */
const whileSignedIn = <T>(actions$: Actions, during: (user: SignedInUser) => Observable<T>) =>
  actions$.pipe(
    ofType(AuthApiActions.signedIn),
    switchMap(({ user }) => during(user).pipe(takeUntil(actions$.pipe(ofType(ShellActions.signOutClicked))))),
  );

/** Something of the tab that takes the calls, from Softphone Acquired to Released. */
const whileHoldingTheSoftphone = <T>(actions$: Actions, during: () => Observable<T>) =>
  actions$.pipe(
    ofType(SoftphoneActions.acquired),
    switchMap(() => during().pipe(takeUntil(actions$.pipe(ofType(SoftphoneActions.released))))),
  );

const failed = (error: unknown) =>
  of(
    PresenceApiActions.presenceFailed({
      failure: {
        message:
          error instanceof GraphFailure ? error.message : 'Your Teams presence could not be set: it failed.',
        ...(error instanceof GraphFailure && error.code !== undefined && { code: error.code }),
      },
    }),
  );

/** Sets the presence, then reads back what Teams shows (null when only the reading fails). */
async function setAndReadBack(graph: GraphService, userId: string, presence: TeamsPresence) {
  await graph.setPresence(userId, presence);
  return graph.presence(userId).catch(() => null);
}

/** The effective state as it changes, from sign-in on; its time in state counts from `at`. */
export const stateEntered$ = createEffect(
  (actions$ = inject(Actions), store = inject(Store), scheduler = inject(PRESENCE_SCHEDULER)) =>
    whileSignedIn(actions$, () =>
      store.select(selectEffectivePresence).pipe(
        distinctUntilChanged(),
        map((state) => AgentPresenceActions.stateEntered({ state, at: scheduler.now() })),
      ),
    ),
  { functional: true },
);

/**
 * The agent's Teams presence follows the effective state: set for the console's session and renewed
 * every 5 minutes, or cleared on Offline. Only the tab holding the softphone sets it (another tab of
 * the agent's, with no calls, would say Available over its On a call). A state that lasts less than
 * a turn of the event loop (a call ends and after-call work starts) is not set.
 */
export const teamsPresence$ = createEffect(
  (
    actions$ = inject(Actions),
    store = inject(Store),
    graph = inject(GraphService),
    scheduler = inject(PRESENCE_SCHEDULER),
  ) =>
    whileSignedIn(actions$, (user) =>
      whileHoldingTheSoftphone(actions$, () =>
        store.select(selectEffectivePresence).pipe(
          debounceTime(0, asapScheduler),
          distinctUntilChanged(),
          switchMap((state) =>
            state === 'offline'
              ? from(graph.clearPresence(user.id)).pipe(
                  map(() => PresenceApiActions.presenceCleared()),
                  catchError(failed),
                )
              : interval(PRESENCE_RENEWAL_MS, scheduler).pipe(
                  startWith(0),
                  exhaustMap(() =>
                    from(setAndReadBack(graph, user.id, TEAMS_PRESENCE[state])).pipe(
                      map((seen) =>
                        PresenceApiActions.presenceSet({ state, presence: TEAMS_PRESENCE[state], seen }),
                      ),
                      catchError(failed),
                    ),
                  ),
                ),
          ),
        ),
      ),
    ),
  { functional: true },
);

/**
 * Sign-out ends the console's presence session, so Teams stops saying the agent is Available.
 * Nobody is left to tell if it fails: the session lapses by itself within 10 minutes.
 */
export const clearPresenceOnSignOut$ = createEffect(
  (actions$ = inject(Actions), graph = inject(GraphService)) =>
    actions$.pipe(
      ofType(AuthApiActions.signedIn),
      switchMap(({ user }) =>
        actions$.pipe(
          ofType(ShellActions.signOutClicked),
          take(1),
          mergeMap(() => from(graph.clearPresence(user.id).catch(() => undefined))),
        ),
      ),
    ),
  { functional: true, dispatch: false },
);

/** 487/10004: a queue's offer to this agent rang out unanswered (docs/acs-codes.md). */
const rangOut = (reason: { code: number; subCode?: number } | null) =>
  reason?.code === 487 && reason.subCode === 10004;

/**
 * A queue call that rings out on an Available agent who does not answer sets them Away (when the
 * setting says so), as contact centers do, so the queue stops offering them calls they are not there
 * to take. The store has already dropped the call when its end arrives here, so the queue's previous
 * calls are kept to name the caller.
 */
export const awayAfterMissedCall$ = createEffect(
  (actions$ = inject(Actions), store = inject(Store)) =>
    whileSignedIn(actions$, () => {
      let previous: Dictionary<QueuedCall> = {};
      let current: Dictionary<QueuedCall> = {};
      const ringing$ = store.select(queueFeature.selectEntities).pipe(
        tap((entities) => {
          previous = current;
          current = entities;
        }),
        ignoreElements(),
      );
      const missed$ = actions$.pipe(
        ofType(CallingSdkEvents.incomingCallEnded),
        filter(({ callEndReason }) => rangOut(callEndReason)),
        concatLatestFrom(() => [
          store.select(selectEffectivePresence),
          store.select(settingsFeature.selectAwayAfterMissedCall),
        ]),
        mergeMap(([{ id }, state, awayAfterMissedCall]) => {
          const call = current[id] ?? previous[id];
          const missed = awayAfterMissedCall && state === 'available' && call?.status === 'ringing';
          return missed && call.queue
            ? of(AgentPresenceActions.missedCallSetAway({ caller: call.caller, queue: call.queue }))
            : EMPTY;
        }),
      );
      return merge(ringing$, missed$);
    }),
  { functional: true },
);
