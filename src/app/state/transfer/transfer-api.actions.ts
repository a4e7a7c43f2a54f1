import { createActionGroup, props } from '@ngrx/store';
import type { DialTarget } from '../../model/dial-target';
import type { Failure } from '../../model/failure';

/**
 * The transfer workflow's steps (`calling/transfer.ts`), per caller's call (`callId`). A failure
 * says why in words with ACS's code; `stillHeld` says the caller could not be resumed.
 */
export const TransferApiActions = createActionGroup({
  source: 'Transfer API',
  events: {
    /** The caller is on hold and the consult call to the target is placed. */
    'Consult Started': props<{ callId: string; consultCallId: string }>(),
    'Consult Failed': props<{ callId: string; failure: Failure }>(),
    /** The consult call ended before the agent completed, conferenced or cancelled. */
    'Consult Ended': props<{ callId: string; failure: Failure; stillHeld: Failure | null }>(),
    Transferred: props<{ callId: string }>(),
    'Transfer Failed': props<{ callId: string; failure: Failure; stillHeld: Failure | null }>(),
    /** The consult call is over and the caller resumed: the target is brought into the caller's call. */
    'Conference Ready': props<{ callId: string; targets: DialTarget[] }>(),
    /** The consult call is hung up and the caller resumed (`stillHeld`: or not). */
    'Consult Cancelled': props<{ callId: string; stillHeld: Failure | null }>(),
  },
});
