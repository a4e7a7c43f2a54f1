import { inject } from '@angular/core';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { Store } from '@ngrx/store';
import { distinctUntilChanged, map, switchMap, takeUntil, tap } from 'rxjs/operators';
import { parseReloadNote, RELOAD_NOTE_KEY, RELOAD_NOTE_STORAGE } from '../../core/reload-note-storage';
import { AppActions } from '../agent/app.actions';
import { ShellActions } from '../agent/shell.actions';
import { SoftphoneActions } from '../agent/softphone.actions';
import { CallingSdkEvents } from '../calling-sdk.actions';
import { ReloadNoteActions } from './reload-note.actions';
import { selectLiveCallNotes } from './reload-note.feature';

/**
 * At start-up, the note this tab kept of its live calls. A reload ends the browser's calling
 * endpoint (and with it the calls): the note is how the console can say so afterwards.
 */
export const readReloadNote$ = createEffect(
  (actions$ = inject(Actions), storage = inject(RELOAD_NOTE_STORAGE)) =>
    actions$.pipe(
      ofType(AppActions.started),
      map(() => ReloadNoteActions.noteRead({ calls: parseReloadNote(storage.getItem(RELOAD_NOTE_KEY)) })),
    ),
  { functional: true },
);

/**
 * While this tab takes calls, the note follows its live calls: ids, kinds and names only. Written
 * from the moment the calling session is ready, so the note of the calls before a reload is read
 * before it is replaced.
 */
export const writeReloadNote$ = createEffect(
  (actions$ = inject(Actions), store = inject(Store), storage = inject(RELOAD_NOTE_STORAGE)) =>
    actions$.pipe(
      ofType(CallingSdkEvents.agentReady),
      switchMap(() =>
        store.select(selectLiveCallNotes).pipe(
          map((calls) => (calls.length > 0 ? JSON.stringify(calls) : null)),
          distinctUntilChanged(),
          takeUntil(actions$.pipe(ofType(ShellActions.signOutClicked, SoftphoneActions.released))),
        ),
      ),
      tap((note) => (note ? storage.setItem(RELOAD_NOTE_KEY, note) : storage.removeItem(RELOAD_NOTE_KEY))),
    ),
  { functional: true, dispatch: false },
);

/** Signed out, or the calls gone with the softphone to another tab: this tab has nothing to tell. */
export const clearReloadNote$ = createEffect(
  (actions$ = inject(Actions), storage = inject(RELOAD_NOTE_STORAGE)) =>
    actions$.pipe(
      ofType(ShellActions.signOutClicked, SoftphoneActions.released),
      tap(() => storage.removeItem(RELOAD_NOTE_KEY)),
    ),
  { functional: true, dispatch: false },
);
