import { createActionGroup, props } from '@ngrx/store';
import type { CallOperation } from '../calling/calling-codes';
import type { Failure } from '../model/failure';

/** How the operations the console asked of the SDK turned out. */
export const CallingApiActions = createActionGroup({
  source: 'Calling API',
  events: {
    'Accept Succeeded': props<{ id: string }>(),
    'Accept Failed': props<{ id: string; failure: Failure }>(),
    'Reject Succeeded': props<{ id: string }>(),
    'Reject Failed': props<{ id: string; failure: Failure }>(),
    'Call Operation Succeeded': props<{ callId: string; operation: CallOperation }>(),
    'Call Operation Failed': props<{ callId: string; operation: CallOperation; failure: Failure }>(),
  },
});
