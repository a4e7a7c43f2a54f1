import { createActionGroup, props } from '@ngrx/store';
import type {
  FloorAgent,
  FloorErrorCode,
  FloorPerson,
  FloorRequest,
  FloorRole,
  QueueStats,
  RequestOutcome,
} from '../../../../server/floor/floor-protocol';
import type { FloorStatus } from '../../floor/floor-connection';

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
    /** Someone muted another participant of this console's call, and said so on the floor. */
    'Participant Muted By': props<{ callId: string; participantRawId: string; by: FloorPerson }>(),
    /** The connection to the floor opened, closed (and when it tries again), or was refused. */
    'Connection Changed': props<{ status: FloorStatus }>(),
    /** The floor took the token: who it says the user is. */
    Welcomed: props<{ user: { id: string; displayName: string; role: FloorRole } }>(),
    /** When the floor first saw each of this console's calls (epoch ms), by server call id. */
    'First Seen': props<{ calls: { key: string; at: number }[] }>(),
    /** A supervisor's first view of the floor, after subscribing. */
    'Snapshot Received': props<{
      agents: readonly FloorAgent[];
      queues: readonly QueueStats[];
      requests: readonly FloorRequest[];
      serviceLevelSeconds: number;
    }>(),
    /** Agents and queues that changed, each whole. */
    'Update Received': props<{ agents: readonly FloorAgent[]; queues: readonly QueueStats[] }>(),
    /** An agent asks for help (to supervisors not on a call). */
    'Request Received': props<{ request: FloorRequest }>(),
    /** A request closed: taken (by whom), expired or cancelled. */
    'Request Closed': props<{
      requestId: string;
      outcome: RequestOutcome;
      by: FloorPerson | null;
      /** When this console heard (epoch ms): the closed card shows briefly from then. */
      at: number;
    }>(),
    /** A supervisor's join could not be sent (the floor is not connected). */
    'Join Failed': props<{ message: string }>(),
    /** The floor refused something this console asked, keeping the socket. */
    'Error Received': props<{ code: FloorErrorCode; message: string }>(),
  },
});
