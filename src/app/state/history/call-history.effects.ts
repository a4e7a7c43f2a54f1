import { inject } from '@angular/core';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { concatLatestFrom } from '@ngrx/operators';
import { Store } from '@ngrx/store';
import { combineLatest, defer, from, timer } from 'rxjs';
import {
  catchError,
  concatMap,
  distinctUntilChanged,
  filter,
  map,
  mergeMap,
  pairwise,
  startWith,
  switchMap,
  takeUntil,
  tap,
} from 'rxjs/operators';
import { CallHistoryDatabases, CallHistoryStorageError, storageFailure } from '../../core/call-history-db';
import { agentFeature } from '../agent/agent.feature';
import { AuthApiActions } from '../agent/auth-api.actions';
import { ShellActions } from '../agent/shell.actions';
import { afterCallWorkFeature } from '../after-call-work/after-call-work.feature';
import { CallingApiActions } from '../calling-api.actions';
import { CallingSdkEvents } from '../calling-sdk.actions';
import { settingsFeature } from '../settings/settings.feature';
import { CallHistoryStorageActions } from './call-history-storage.actions';
import { HistoryPageActions } from './history-page.actions';
import { DAY_MS, HISTORY_SCHEDULER } from './history-time';
import { historyEntry } from './tracked-call';

/** The signed-in user's history database: signed out, nothing is stored. */
function historyOf(store: Store, databases: CallHistoryDatabases) {
  return store
    .select(agentFeature.selectUser)
    .pipe(
      map(
        (user) => () =>
          user ? databases.of(user.id) : Promise.reject(new CallHistoryStorageError('Nobody is signed in.')),
      ),
    );
}

/** Each call that ended (answered, placed, joined, missed or declined here) becomes an entry. */
export const saveEndedCalls$ = createEffect(
  (
    actions$ = inject(Actions),
    store = inject(Store),
    databases = inject(CallHistoryDatabases),
    scheduler = inject(HISTORY_SCHEDULER),
  ) =>
    actions$.pipe(
      ofType(
        CallingSdkEvents.callEnded,
        CallingSdkEvents.incomingCallEnded,
        CallingApiActions.rejectSucceeded,
      ),
      concatLatestFrom(() => [
        store.select(afterCallWorkFeature.selectEnded),
        store.select(afterCallWorkFeature.selectDialled),
        store.select(settingsFeature.selectKeepTranscripts),
        historyOf(store, databases),
      ]),
      filter(([{ id }, ended]) => ended[id] !== undefined),
      mergeMap(([{ id }, ended, dialled, keepTranscripts, history]) => {
        const call = ended[id];
        const entry = historyEntry(call, call.endedAt ?? scheduler.now(), { keepTranscripts, dialled });
        return defer(() => history().then((db) => db.put(entry))).pipe(
          map(() => CallHistoryStorageActions.entrySaved({ id, entry })),
          catchError((error: unknown) => [
            CallHistoryStorageActions.entryNotSaved({
              id,
              failure: storageFailure('Saving the call to history', error),
            }),
          ]),
        );
      }),
    ),
  { functional: true },
);

/** When after-call work ends (Done, time up, or the next call's replacing it), its wrap-up is kept. */
export const saveWrapUp$ = createEffect(
  (store = inject(Store), databases = inject(CallHistoryDatabases)) =>
    store.select(afterCallWorkFeature.selectCurrent).pipe(
      pairwise(),
      filter(([before, after]) => before !== null && before.callId !== after?.callId),
      map(([before]) => before!),
      concatLatestFrom(() => historyOf(store, databases)),
      mergeMap(([{ callId, wrapUp, notes }, history]) =>
        defer(() => history().then((db) => db.update(callId, { wrapUp, notes }))).pipe(
          map(() => CallHistoryStorageActions.wrapUpSaved({ id: callId, wrapUp, notes })),
          catchError((error: unknown) => [
            CallHistoryStorageActions.storageFailed({
              failure: storageFailure('Saving the wrap-up to history', error),
            }),
          ]),
        ),
      ),
    ),
  { functional: true },
);

/**
 * Entries older than the agent keeps history for (`settings.historyDays`) go once they have signed
 * in, when they change it, and every day after.
 */
export const deleteExpiredHistory$ = createEffect(
  (
    actions$ = inject(Actions),
    store = inject(Store),
    databases = inject(CallHistoryDatabases),
    scheduler = inject(HISTORY_SCHEDULER),
  ) =>
    actions$.pipe(
      ofType(AuthApiActions.signedIn),
      switchMap(({ user }) =>
        combineLatest([
          store.select(settingsFeature.selectHistoryDays).pipe(distinctUntilChanged()),
          timer(DAY_MS, DAY_MS, scheduler).pipe(startWith(0)),
        ]).pipe(
          concatMap(([days]) =>
            defer(() =>
              databases.of(user.id).then((db) => db.deleteEndedBefore(scheduler.now() - days * DAY_MS)),
            ).pipe(
              map((count) => CallHistoryStorageActions.expiredDeleted({ count })),
              catchError((error: unknown) => [
                CallHistoryStorageActions.storageFailed({
                  failure: storageFailure(`Deleting call history older than ${days} days`, error),
                }),
              ]),
            ),
          ),
          takeUntil(actions$.pipe(ofType(ShellActions.signOutClicked))),
        ),
      ),
    ),
  { functional: true },
);

export const loadHistory$ = createEffect(
  (actions$ = inject(Actions), store = inject(Store), databases = inject(CallHistoryDatabases)) =>
    actions$.pipe(
      ofType(HistoryPageActions.opened),
      concatLatestFrom(() => historyOf(store, databases)),
      switchMap(([, history]) =>
        from(history().then((db) => db.all())).pipe(
          map((entries) => CallHistoryStorageActions.entriesLoaded({ entries })),
          catchError((error: unknown) => [
            CallHistoryStorageActions.storageFailed({
              failure: storageFailure('Reading call history', error),
            }),
          ]),
        ),
      ),
    ),
  { functional: true },
);

export const clearHistory$ = createEffect(
  (actions$ = inject(Actions), store = inject(Store), databases = inject(CallHistoryDatabases)) =>
    actions$.pipe(
      ofType(HistoryPageActions.clearConfirmed),
      concatLatestFrom(() => historyOf(store, databases)),
      concatMap(([, history]) =>
        from(history().then((db) => db.clear())).pipe(
          map(() => CallHistoryStorageActions.cleared()),
          catchError((error: unknown) => [
            CallHistoryStorageActions.storageFailed({
              failure: storageFailure('Clearing call history', error),
            }),
          ]),
        ),
      ),
    ),
  { functional: true },
);

/** Signed out: the user's database is closed (the next user opens their own). */
export const closeHistory$ = createEffect(
  (actions$ = inject(Actions), databases = inject(CallHistoryDatabases)) =>
    actions$.pipe(
      ofType(ShellActions.signOutClicked),
      tap(() => databases.close()),
    ),
  { functional: true, dispatch: false },
);
