import { createActionGroup, props } from '@ngrx/store';
import type { DialTarget } from '../../model/dial-target';
import type { Failure } from '../../model/failure';

/** The chat threads calls need, as Microsoft Graph made them ready. */
export const ChatThreadsApiActions = createActionGroup({
  source: 'Chat Threads API',
  events: {
    'Group Call Thread Ready': props<{ targets: DialTarget[]; threadId: string }>(),
    'Group Call Thread Failed': props<{ failure: Failure }>(),
    /** A Teams user removed from a call left its chat too (the chat and the roster kept alike). */
    'Chat Member Removed': props<{ callId: string; participantId: string }>(),
    'Chat Member Removal Failed': props<{ callId: string; participantId: string; failure: Failure }>(),
  },
});
