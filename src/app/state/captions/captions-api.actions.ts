import { createActionGroup, props } from '@ngrx/store';
import type { Failure } from '../../model/failure';

export type CaptionsOperation = 'startCaptions' | 'stopCaptions';

/** What became of starting or stopping captions (the SDK's `CaptionsActiveChanged` came, or a failure). */
export const CaptionsApiActions = createActionGroup({
  source: 'Captions API',
  events: {
    'Captions Started': props<{ callId: string }>(),
    'Captions Stopped': props<{ callId: string }>(),
    'Captions Failed': props<{ callId: string; operation: CaptionsOperation; failure: Failure }>(),
  },
});
