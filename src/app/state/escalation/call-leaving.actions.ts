import { createActionGroup, props } from '@ngrx/store';
import type { Party } from '../../model/snapshots';

/** The agent hangs up a group call others stay in: who they leave it to. */
export const CallLeavingActions = createActionGroup({
  source: 'Call Leaving',
  events: {
    'Left While Others Stay': props<{ callId: string; others: Party[] }>(),
  },
});
