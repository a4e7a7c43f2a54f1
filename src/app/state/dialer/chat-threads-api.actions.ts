import { createActionGroup, props } from '@ngrx/store';
import type { DialTarget } from '../../model/dial-target';
import type { Failure } from '../../model/failure';

/** The chat threads calls need, as Microsoft Graph made them ready. */
export const ChatThreadsApiActions = createActionGroup({
  source: 'Chat Threads API',
  events: {
    'Group Call Thread Ready': props<{ targets: DialTarget[]; threadId: string }>(),
    'Group Call Thread Failed': props<{ failure: Failure }>(),
    /**
     * The call's chat has the newcomer. `createdThreadId`: a chat made for a call that had none
     * (otherwise the call's own thread serves, read from the call: a meeting's is a secret);
     * `addedMembershipId`: the membership to undo if adding them to the call fails.
     */
    'Participant Thread Ready': props<{
      callId: string;
      target: DialTarget;
      createdThreadId: string | null;
      addedMembershipId: string | null;
    }>(),
    'Participant Thread Failed': props<{ callId: string; target: DialTarget; failure: Failure }>(),
    /** Someone whose adding failed left the call's chat again. */
    'Chat Member Removed': props<{ callId: string; participantId: string }>(),
    'Chat Member Removal Failed': props<{ callId: string; participantId: string; failure: Failure }>(),
  },
});
