import { createFeature, createReducer, createSelector, on } from '@ngrx/store';
import { matchesSearch, type CallHistoryEntry } from '../../core/call-history-db';
import type { Failure } from '../../model/failure';
import { ShellActions } from '../agent/shell.actions';
import { CallHistoryStorageActions } from './call-history-storage.actions';
import { HistoryPageActions } from './history-page.actions';

export interface HistoryState {
  /** The entries read from storage, the latest first; null until the page has read them. */
  readonly entries: readonly CallHistoryEntry[] | null;
  readonly query: string;
  readonly clearing: boolean;
  /** The latest storage failure, whichever step: never silent. */
  readonly failure: Failure | null;
}

export const initialHistoryState: HistoryState = { entries: null, query: '', clearing: false, failure: null };

const byEnd = (a: CallHistoryEntry, b: CallHistoryEntry) => b.endedAt - a.endedAt;

export const historyFeature = createFeature({
  name: 'history',
  reducer: createReducer(
    initialHistoryState,
    on(CallHistoryStorageActions.entriesLoaded, (state, { entries }): HistoryState => ({
      ...state,
      entries,
    })),
    // Calls that end while the page is open join the list as they are written.
    on(CallHistoryStorageActions.entrySaved, (state, { entry }): HistoryState =>
      state.entries
        ? { ...state, entries: [entry, ...state.entries.filter((e) => e.id !== entry.id)].sort(byEnd) }
        : state,
    ),
    on(CallHistoryStorageActions.wrapUpSaved, (state, { id, wrapUp, notes }): HistoryState =>
      state.entries
        ? { ...state, entries: state.entries.map((e) => (e.id === id ? { ...e, wrapUp, notes } : e)) }
        : state,
    ),
    on(HistoryPageActions.searchChanged, (state, { query }): HistoryState => ({ ...state, query })),
    on(HistoryPageActions.clearConfirmed, (state): HistoryState => ({ ...state, clearing: true })),
    on(CallHistoryStorageActions.cleared, (state): HistoryState => ({
      ...state,
      entries: [],
      clearing: false,
      failure: null,
    })),
    on(
      CallHistoryStorageActions.storageFailed,
      CallHistoryStorageActions.entryNotSaved,
      (state, { failure }): HistoryState => ({ ...state, failure, clearing: false }),
    ),
    on(HistoryPageActions.failureDismissed, (state): HistoryState => ({ ...state, failure: null })),
    on(ShellActions.signOutClicked, () => initialHistoryState),
  ),
  extraSelectors: ({ selectEntries, selectQuery }) => ({
    /** The entries the search finds (caller, number, queue, wrap-up, notes). */
    selectFound: createSelector(selectEntries, selectQuery, (entries, query) =>
      (entries ?? []).filter((entry) => matchesSearch(entry, query)),
    ),
  }),
});
