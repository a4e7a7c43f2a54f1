import { inject } from '@angular/core';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { concatLatestFrom } from '@ngrx/operators';
import { Store } from '@ngrx/store';
import { EMPTY, merge, of } from 'rxjs';
import { distinctUntilChanged, filter, map, mergeMap, tap } from 'rxjs/operators';
import { FloorConnection } from '../../floor/floor-connection';
import { FLOOR_SCHEDULER } from '../../floor/floor-socket';
import { CallingSdkEvents } from '../calling-sdk.actions';
import { QueuePanelActions } from '../queue/queue-panel.actions';
import { queueFeature, selectQueuedCalls } from '../queue/queue.feature';
import { FloorApiActions } from './floor-api.actions';
import { floorSessionFeature } from './floor-session.feature';
import { SupervisorFloorPageActions } from './supervisor-floor-page.actions';
import { ANSWER_JOINED_CALL_WITHIN_MS } from './supervisor-floor.feature';

/** Watches the floor each time the connection opens (a welcome), and when the page opens on it. */
export const subscribeToFloor$ = createEffect(
  (store = inject(Store), floor = inject(FloorConnection)) =>
    store.select(floorSessionFeature.selectStatus).pipe(
      map((status) => status.state === 'open'),
      distinctUntilChanged(),
      filter(Boolean),
      tap(() => floor.send({ type: 'subscribe' })),
    ),
  { functional: true, dispatch: false },
);

/** Join an agent's call (a request's, or from the floor); the agent's console adds the supervisor. */
export const joinCall$ = createEffect(
  (actions$ = inject(Actions), floor = inject(FloorConnection)) =>
    actions$.pipe(
      ofType(SupervisorFloorPageActions.joinClicked),
      mergeMap(({ agentId, callKey, requestId }) =>
        floor.send({ type: 'join', agentId, callKey, ...(requestId !== null && { requestId }) })
          ? EMPTY
          : of(
              FloorApiActions.joinFailed({
                message: 'not connected to the floor. Try again once it reconnects.',
              }),
            ),
      ),
    ),
  { functional: true },
);

export const declineRequest$ = createEffect(
  (actions$ = inject(Actions), floor = inject(FloorConnection)) =>
    actions$.pipe(
      ofType(SupervisorFloorPageActions.declineClicked),
      tap(({ requestId }) => floor.send({ type: 'decline', requestId })),
    ),
  { functional: true, dispatch: false },
);

/**
 * The call the supervisor asked to join rings here (the agent's console adds them): it is answered
 * as a click on Accept would, if it rings within a minute of the join.
 */
export const answerJoinedCall$ = createEffect(
  (actions$ = inject(Actions), store = inject(Store), scheduler = inject(FLOOR_SCHEDULER)) => {
    let wanted: { key: string; until: number } | null = null;
    return merge(
      actions$.pipe(
        ofType(SupervisorFloorPageActions.joinClicked),
        concatLatestFrom(() => store.select(selectQueuedCalls)),
        mergeMap(([{ callKey }, queued]) => {
          // Already ringing (the agent's console was quicker than this one): answer it now.
          const ringing = queued.find((call) => call.serverCallId === callKey && call.status === 'ringing');
          wanted = ringing ? null : { key: callKey, until: scheduler.now() + ANSWER_JOINED_CALL_WITHIN_MS };
          return ringing ? of(QueuePanelActions.acceptClicked({ id: ringing.id })) : EMPTY;
        }),
      ),
      actions$.pipe(
        ofType(CallingSdkEvents.serverCallIdKnown),
        concatLatestFrom(() => store.select(queueFeature.selectEntities)),
        filter(([{ id, serverCallId }, ringing]) => {
          const answer =
            wanted !== null &&
            wanted.key === serverCallId &&
            scheduler.now() <= wanted.until &&
            id in ringing;
          if (answer) wanted = null;
          return answer;
        }),
        map(([{ id }]) => QueuePanelActions.acceptClicked({ id })),
      ),
    );
  },
  { functional: true },
);
