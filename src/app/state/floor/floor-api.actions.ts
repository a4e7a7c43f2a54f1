import { createActionGroup, props } from '@ngrx/store';
import type { FloorPerson } from '../../../../server/floor/floor-protocol';

/**
 * What the supervisor's floor (server/'s WebSocket) told this console, already matched to the
 * console's own call ids (the floor names calls by their server call id).
 */
export const FloorApiActions = createActionGroup({
  source: 'Floor API',
  events: {
    /** The agent's "Ask supervisor" reached the floor; supervisors not on a call see a card. */
    'Request Opened': props<{ callId: string; requestId: string }>(),
    /** The floor could not take the request (not connected, or the call is not on the floor yet). */
    'Request Failed': props<{ callId: string; message: string }>(),
    /** Nobody joined within the floor's time limit. */
    'Request Expired': props<{ callId: string; requestId: string }>(),
    /** A supervisor is joining this console's call: add them (the escalation workflow). */
    'Join Requested': props<{ callId: string; supervisor: FloorPerson; requestId: string | null }>(),
    /** Someone muted this console's user in a call, and said so on the floor. */
    'Muted By': props<{ callId: string; by: FloorPerson }>(),
  },
});
