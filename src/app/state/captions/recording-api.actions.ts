import { createActionGroup, props } from '@ngrx/store';
import type { Failure } from '../../model/failure';
import type { RecordingSnapshot } from '../../model/snapshots';

/** What became of giving consent to being recorded (`grantTeamsConsent`). */
export const RecordingApiActions = createActionGroup({
  source: 'Recording API',
  events: {
    /** `recording`: the call's recording as the SDK says it is once consent was given. */
    'Consent Given': props<{ callId: string; recording: RecordingSnapshot }>(),
    'Consent Failed': props<{ callId: string; failure: Failure }>(),
  },
});
