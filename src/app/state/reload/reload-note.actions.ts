import { createActionGroup, props } from '@ngrx/store';
import type { NotedCall } from '../../core/reload-note-storage';

export const ReloadNoteActions = createActionGroup({
  source: 'Reload Note',
  events: {
    /** At start-up: the calls this tab had live before it was reloaded (none after a fresh start). */
    'Note Read': props<{ calls: NotedCall[] }>(),
  },
});
