import { inject } from '@angular/core';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { concatLatestFrom } from '@ngrx/operators';
import { Store, type Action, type ActionCreator } from '@ngrx/store';
import { combineLatest, defer, timer, type Observable } from 'rxjs';
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
  withLatestFrom,
} from 'rxjs/operators';
import {
  type CallHistoryDb,
  CallHistoryDatabases,
  CallHistoryStorageError,
  storageFailure,
} from '../../core/call-history-db';
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
import type { Failure } from '../../model/failure';

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

/**
 * One step on the history database: its action when done, else the failure naming the step
 * (`Storage Failed` unless the step has its own).
 */
function storageStep<T>(
  step: string,
  run: () => Promise<T>,
  done: (result: T) => Action,
  failed: (failure: Failure) => Action = (failure) => CallHistoryStorageActions.storageFailed({ failure }),
): Observable<Action> {
  return defer(run).pipe(
    map(done),
    catchError((error: unknown) => [failed(storageFailure(step, error))]),
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
        return storageStep(
          'Saving the call to history',
          () => history().then((db) => db.put(entry)),
          () => CallHistoryStorageActions.entrySaved({ id, entry }),
          (failure) => CallHistoryStorageActions.entryNotSaved({ id, failure }),
        );
      }),
    ),
  { functional: true },
);

/**
 * When after-call work ends (Done, time up, the next call's replacing it, or signing out), its
 * wrap-up is kept, in the history of whoever was signed in (signing out has already forgotten them).
 */
export const saveWrapUp$ = createEffect(
  (store = inject(Store), databases = inject(CallHistoryDatabases)) =>
    store.select(afterCallWorkFeature.selectCurrent).pipe(
      pairwise(),
      filter(([before, after]) => before !== null && before.callId !== after?.callId),
      map(([before]) => before!),
      withLatestFrom(store.select(agentFeature.selectUser).pipe(filter((user) => user !== null))),
      mergeMap(([{ callId, wrapUp, notes }, user]) =>
        storageStep(
          'Saving the wrap-up to history',
          () => databases.of(user.id).then((db) => db.update(callId, { wrapUp, notes })),
          () => CallHistoryStorageActions.wrapUpSaved({ id: callId, wrapUp, notes }),
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
            storageStep(
              `Deleting call history older than ${days} days`,
              () => databases.of(user.id).then((db) => db.deleteEndedBefore(scheduler.now() - days * DAY_MS)),
              (count) => CallHistoryStorageActions.expiredDeleted({ count }),
            ),
          ),
          takeUntil(actions$.pipe(ofType(ShellActions.signOutClicked))),
        ),
      ),
    ),
  { functional: true },
);

/** A page's request of the history database, answered in turn: reading it as the page opens, clearing it. */
function pageRequest<T>(
  trigger: ActionCreator<string, () => Action>,
  step: string,
  run: (db: CallHistoryDb) => Promise<T>,
  done: (result: T) => Action,
) {
  return (actions$ = inject(Actions), store = inject(Store), databases = inject(CallHistoryDatabases)) =>
    actions$.pipe(
      ofType(trigger),
      concatLatestFrom(() => historyOf(store, databases)),
      concatMap(([, history]) => storageStep(step, () => history().then(run), done)),
    );
}

export const loadHistory$ = createEffect(
  pageRequest(
    HistoryPageActions.opened,
    'Reading call history',
    (db) => db.all(),
    (entries) => CallHistoryStorageActions.entriesLoaded({ entries }),
  ),
  { functional: true },
);

export const clearHistory$ = createEffect(
  pageRequest(
    HistoryPageActions.clearConfirmed,
    'Clearing call history',
    (db) => db.clear(),
    () => CallHistoryStorageActions.cleared(),
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
