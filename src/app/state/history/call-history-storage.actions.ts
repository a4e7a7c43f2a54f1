import { createActionGroup, emptyProps, props } from '@ngrx/store';
import type { CallHistoryEntry } from '../../core/call-history-db';
import type { Failure } from '../../model/failure';

/** What this browser's call history storage (IndexedDB) did, or why it could not. */
export const CallHistoryStorageActions = createActionGroup({
  source: 'Call History Storage',
  events: {
    'Entry Saved': props<{ id: string; entry: CallHistoryEntry }>(),
    'Entry Not Saved': props<{ id: string; failure: Failure }>(),
    'Wrap Up Saved': props<{ id: string; wrapUp: string | null; notes: string }>(),
    'Entries Loaded': props<{ entries: CallHistoryEntry[] }>(),
    'Expired Deleted': props<{ count: number }>(),
    Cleared: emptyProps(),
    /** Reading, wrapping up, clearing or deleting old entries failed: the history page says so. */
    'Storage Failed': props<{ failure: Failure }>(),
  },
});
