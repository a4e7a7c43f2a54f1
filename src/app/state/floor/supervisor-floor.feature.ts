import { createEntityAdapter, type EntityState } from '@ngrx/entity';
import { createFeature, createReducer, on } from '@ngrx/store';
import type {
  FloorAgent,
  FloorRequest,
  QueueStats,
  RequestOutcome,
} from '../../../../server/floor/floor-protocol';
import { ShellActions } from '../agent/shell.actions';
import { QueuePanelActions } from '../queue/queue-panel.actions';
import { FloorApiActions } from './floor-api.actions';
import { SupervisorFloorPageActions } from './supervisor-floor-page.actions';

/** How long after a join the call it asked for is answered when it rings here. */
export const ANSWER_JOINED_CALL_WITHIN_MS = 60_000;

/** A request as the supervisor's card shows it: open, being joined, or closed (briefly). */
export interface RequestCardState {
  readonly request: FloorRequest;
  readonly joining: boolean;
  readonly closed: {
    readonly outcome: RequestOutcome;
    readonly by: string | null;
    /** When this console heard (epoch ms). */
    readonly at: number;
  } | null;
}

/** The join this supervisor asked for last: its call rings here, and is answered, within a minute. */
export interface PendingJoin {
  readonly agentId: string;
  readonly callKey: string;
  readonly requestId: string | null;
}

export interface SupervisorFloorState extends EntityState<FloorAgent> {
  readonly queues: readonly QueueStats[];
  readonly requests: readonly RequestCardState[];
  readonly serviceLevelSeconds: number;
  /** Whether a snapshot has arrived since the console subscribed. */
  readonly loaded: boolean;
  readonly joining: PendingJoin | null;
  /** Why the floor refused this supervisor's last join or decline, in words. */
  readonly failure: string | null;
}

export const floorAgentsAdapter = createEntityAdapter<FloorAgent>({
  selectId: (agent) => agent.agent.id,
  sortComparer: (a, b) => a.agent.displayName.localeCompare(b.agent.displayName),
});

export const initialSupervisorFloorState: SupervisorFloorState = floorAgentsAdapter.getInitialState({
  queues: [],
  requests: [],
  serviceLevelSeconds: 20,
  loaded: false,
  joining: null,
  failure: null,
});

/** Queue stats by name, the new replacing the old whole. */
function mergeQueues(old: readonly QueueStats[], changed: readonly QueueStats[]): QueueStats[] {
  const byName = new Map(old.map((queue) => [queue.queue, queue]));
  for (const queue of changed) byName.set(queue.queue, queue);
  return [...byName.values()];
}

const openCard = (request: FloorRequest): RequestCardState => ({ request, joining: false, closed: null });

export const supervisorFloorFeature = createFeature({
  name: 'supervisorFloor',
  reducer: createReducer(
    initialSupervisorFloorState,
    on(
      FloorApiActions.snapshotReceived,
      (state, { agents, queues, requests, serviceLevelSeconds }): SupervisorFloorState =>
        floorAgentsAdapter.setAll([...agents], {
          ...state,
          queues,
          // A snapshot is the whole truth: closed cards still showing stay until they go.
          requests: [...requests.map(openCard), ...state.requests.filter((card) => card.closed)],
          serviceLevelSeconds,
          loaded: true,
        }),
    ),
    on(FloorApiActions.updateReceived, (state, { agents, queues }): SupervisorFloorState =>
      floorAgentsAdapter.upsertMany([...agents], { ...state, queues: mergeQueues(state.queues, queues) }),
    ),
    on(FloorApiActions.requestReceived, (state, { request }): SupervisorFloorState => ({
      ...state,
      requests: [...state.requests.filter((card) => card.request.id !== request.id), openCard(request)],
    })),
    on(FloorApiActions.requestClosed, (state, { requestId, outcome, by, at }): SupervisorFloorState => ({
      ...state,
      joining: state.joining?.requestId === requestId ? null : state.joining,
      requests: state.requests.map((card) =>
        card.request.id === requestId
          ? { ...card, joining: false, closed: { outcome, by: by?.displayName ?? null, at } }
          : card,
      ),
    })),
    on(
      SupervisorFloorPageActions.joinClicked,
      (state, { agentId, callKey, requestId }): SupervisorFloorState => ({
        ...state,
        joining: { agentId, callKey, requestId },
        failure: null,
        requests: state.requests.map((card) =>
          card.request.id === requestId ? { ...card, joining: true } : card,
        ),
      }),
    ),
    on(SupervisorFloorPageActions.declineClicked, (state, { requestId }): SupervisorFloorState => ({
      ...state,
      failure: null,
      requests: state.requests.filter((card) => card.request.id !== requestId),
    })),
    on(
      FloorApiActions.errorReceived,
      FloorApiActions.joinFailed,
      (state, { message }): SupervisorFloorState => {
        if (!state.joining) return state;
        const { requestId } = state.joining;
        return {
          ...state,
          joining: null,
          failure: `Could not join: ${message}`,
          requests: state.requests.map((card) =>
            card.request.id === requestId ? { ...card, joining: false } : card,
          ),
        };
      },
    ),
    // The joined call rang here and is being answered: the join has done its job.
    on(QueuePanelActions.acceptClicked, (state): SupervisorFloorState => ({ ...state, joining: null })),
    on(ShellActions.signOutClicked, (): SupervisorFloorState => initialSupervisorFloorState),
  ),
});
