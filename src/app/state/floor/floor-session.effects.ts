import { inject } from '@angular/core';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { concatLatestFrom } from '@ngrx/operators';
import { createIdentifierFromRawId } from '@azure/communication-common/identifiers';
import { Store, type Action } from '@ngrx/store';
import { EMPTY, merge, Observable, of } from 'rxjs';
import {
  debounceTime,
  distinctUntilChanged,
  filter,
  ignoreElements,
  map,
  mergeMap,
  shareReplay,
  switchMap,
  takeUntil,
  tap,
} from 'rxjs/operators';
import type { ServerMessage } from '../../../../server/floor/floor-protocol';
import { FloorConnection } from '../../floor/floor-connection';
import { FLOOR_SCHEDULER } from '../../floor/floor-socket';
import { Logger } from '../../core/logger';
import { AuthApiActions } from '../agent/auth-api.actions';
import { ShellActions } from '../agent/shell.actions';
import { CallingApiActions } from '../calling-api.actions';
import { callsFeature, type CallEntry } from '../calls/calls.feature';
import { EscalationPanelActions } from '../escalation/escalation-panel.actions';
import { participantsFeature } from '../participants/participants.feature';
import { FloorApiActions } from './floor-api.actions';
import { floorSessionFeature } from './floor-session.feature';
import { REPORT_DEBOUNCE_MS, selectFloorReport, type FloorReport } from './floor-report';

const signedOut = (actions$: Actions) => actions$.pipe(ofType(ShellActions.signOutClicked));
/** Something of the floor's, for the length of each sign-in. */
const whileSignedIn = <T>(actions$: Actions, during: () => Observable<T>) =>
  actions$.pipe(
    ofType(AuthApiActions.signedIn),
    switchMap(() => during().pipe(takeUntil(signedOut(actions$)))),
  );

const byKey = (calls: readonly CallEntry[], key: string) => calls.find((call) => call.serverCallId === key);

/** From sign-in to sign-out, for both roles: connected to the floor, and its status for the shell. */
export const floorConnection$ = createEffect(
  (actions$ = inject(Actions), floor = inject(FloorConnection)) =>
    whileSignedIn(
      actions$,
      () =>
        new Observable<Action>((subscriber) => {
          floor.start();
          const statuses = floor.status$.subscribe((status) =>
            subscriber.next(FloorApiActions.connectionChanged({ status })),
          );
          return () => {
            statuses.unsubscribe();
            floor.stop();
          };
        }),
    ),
  { functional: true },
);

/** What the floor says, as actions; what names a call, with the console's id for it. */
export const floorMessages$ = createEffect(
  (
    actions$ = inject(Actions),
    floor = inject(FloorConnection),
    store = inject(Store),
    logger = inject(Logger),
    scheduler = inject(FLOOR_SCHEDULER),
  ) =>
    whileSignedIn(actions$, () =>
      floor.messages$.pipe(
        concatLatestFrom(() => [
          store.select(callsFeature.selectAllCalls),
          store.select(floorSessionFeature.selectUser),
        ]),
        mergeMap(([message, calls, user]) => {
          const action = toAction(message, calls, user?.id ?? null, scheduler.now());
          if (action === undefined && 'callKey' in message)
            logger.info(`The floor named a call this console does not have (${message.type})`);
          return action ? of(action) : EMPTY;
        }),
      ),
    ),
  { functional: true },
);

/** The action for a message; `undefined` when it names a call this console does not have. */
function toAction(
  message: ServerMessage,
  calls: readonly CallEntry[],
  userId: string | null,
  now: number,
): Action | null | undefined {
  if ('callKey' in message) {
    const callId = byKey(calls, message.callKey)?.id;
    return callId === undefined ? undefined : toCallAction(message, callId, userId);
  }
  switch (message.type) {
    case 'welcome':
      return FloorApiActions.welcomed({ user: message.user });
    case 'firstSeen':
      return FloorApiActions.firstSeen({
        calls: message.calls.map(({ key, at }) => ({ key, at: Date.parse(at) })),
      });
    case 'snapshot':
      return FloorApiActions.snapshotReceived({
        agents: message.agents,
        queues: message.queues,
        requests: message.requests,
        serviceLevelSeconds: message.serviceLevelSeconds,
      });
    case 'update':
      return FloorApiActions.updateReceived({ agents: message.agents, queues: message.queues });
    case 'request':
      return FloorApiActions.requestReceived({ request: message.request });
    case 'requestClosed':
      return FloorApiActions.requestClosed({
        requestId: message.requestId,
        outcome: message.outcome,
        by: message.by,
        at: now,
      });
    case 'error':
      return FloorApiActions.errorReceived({ code: message.code, message: message.message });
    default:
      return null;
  }
}

/** Whether a raw id is the Teams user with this Entra object id, in whichever cloud. */
function isUser(rawId: string, userId: string | null): boolean {
  const identifier = createIdentifierFromRawId(rawId);
  return identifier.kind === 'microsoftTeamsUser' && identifier.microsoftTeamsUserId === userId;
}

function toCallAction(
  message: Extract<ServerMessage, { callKey: string }>,
  callId: string,
  userId: string | null,
): Action {
  switch (message.type) {
    case 'requestOpened':
      return FloorApiActions.requestOpened({ callId, requestId: message.requestId });
    case 'requestExpired':
      return FloorApiActions.requestExpired({ callId, requestId: message.requestId });
    case 'joinRequested':
      return FloorApiActions.joinRequested({
        callId,
        supervisor: message.supervisor,
        requestId: message.requestId,
      });
    case 'mutedBy':
      return isUser(message.participantRawId, userId)
        ? FloorApiActions.mutedBy({ callId, by: message.by })
        : FloorApiActions.participantMutedBy({
            callId,
            participantRawId: message.participantRawId,
            by: message.by,
          });
  }
}

/**
 * "Ask supervisor": `ask` for the call's key, or why not at once. Until the floor opens the
 * request, an error the floor answers is the ask's (the floor answers in order).
 */
export const askSupervisor$ = createEffect(
  (actions$ = inject(Actions), floor = inject(FloorConnection), store = inject(Store)) =>
    whileSignedIn(actions$, () => {
      const pending: { callId: string; key: string }[] = [];
      const asks$ = actions$.pipe(
        ofType(EscalationPanelActions.askSupervisorClicked),
        concatLatestFrom(() => store.select(callsFeature.selectEntities)),
        mergeMap(([{ callId }, calls]) => {
          const key = calls[callId]?.serverCallId;
          if (!key)
            return of(
              FloorApiActions.requestFailed({
                callId,
                message: 'This call is not on the supervisors’ floor yet. Try again in a moment.',
              }),
            );
          if (!floor.send({ type: 'ask', callKey: key }))
            return of(
              FloorApiActions.requestFailed({
                callId,
                message: 'Not connected to the supervisors’ floor. Try again once it reconnects.',
              }),
            );
          pending.push({ callId, key });
          return EMPTY;
        }),
      );
      const answers$ = actions$.pipe(
        ofType(
          FloorApiActions.requestOpened,
          FloorApiActions.errorReceived,
          FloorApiActions.connectionChanged,
        ),
        mergeMap((action) => {
          if (action.type === FloorApiActions.requestOpened.type) {
            const at = pending.findIndex((ask) => ask.callId === action.callId);
            if (at >= 0) pending.splice(at, 1);
            return EMPTY;
          }
          if (action.type === FloorApiActions.connectionChanged.type && action.status.state === 'open')
            return EMPTY;
          const ask = pending.shift();
          if (!ask) return EMPTY;
          const message =
            action.type === FloorApiActions.errorReceived.type
              ? `The floor could not take the request: ${action.message}`
              : 'The connection to the supervisors’ floor was lost before it took the request. Ask again.';
          return of(FloorApiActions.requestFailed({ callId: ask.callId, message }));
        }),
      );
      return merge(asks$, answers$);
    }),
  { functional: true },
);

/** The agent takes a request back. */
export const cancelRequest$ = createEffect(
  (actions$ = inject(Actions), floor = inject(FloorConnection)) =>
    actions$.pipe(
      ofType(EscalationPanelActions.askSupervisorCancelled),
      tap(({ requestId }) => floor.send({ type: 'cancel', requestId })),
    ),
  { functional: true, dispatch: false },
);

/**
 * Whom this console's user muted, for the floor to tell them by whom (the SDK's `mutedByOthers`
 * names nobody): one participant, or everyone else in the call.
 */
export const tellWhoWasMuted$ = createEffect(
  (actions$ = inject(Actions), floor = inject(FloorConnection), store = inject(Store)) =>
    actions$.pipe(
      ofType(CallingApiActions.participantOperationSucceeded, CallingApiActions.callOperationSucceeded),
      concatLatestFrom(() => [
        store.select(callsFeature.selectEntities),
        store.select(participantsFeature.selectAllParticipants),
      ]),
      tap(([action, calls, participants]) => {
        const key = calls[action.callId]?.serverCallId;
        if (!key) return;
        const muted =
          action.type === CallingApiActions.participantOperationSucceeded.type
            ? action.operation === 'muteParticipant'
              ? [action.participantId]
              : []
            : action.operation === 'muteAllRemoteParticipants'
              ? participants.filter((p) => p.callId === action.callId).map((p) => p.participantId)
              : [];
        for (const participantRawId of muted) floor.send({ type: 'muted', callKey: key, participantRawId });
      }),
    ),
  { functional: true, dispatch: false },
);

/**
 * The user's state and calls, to the floor: right after each welcome, and on every change
 * (changes within 100 ms make one report; a report the same as the last is not sent again).
 * `since` is when the state was entered (the presence counts it).
 */
export const floorReport$ = createEffect(
  (
    actions$ = inject(Actions),
    floor = inject(FloorConnection),
    store = inject(Store),
    scheduler = inject(FLOOR_SCHEDULER),
  ) =>
    whileSignedIn(actions$, () => {
      // The report is rebuilt on any roster change (someone starts speaking); only a different one
      // is a change, so a speaker storm neither re-reports nor keeps the debounce from firing.
      const reports$ = store.select(selectFloorReport).pipe(
        filter((report): report is FloorReport & { since: number } => report.since !== null),
        map(({ state, since, calls }) =>
          JSON.stringify({ state, since: new Date(since).toISOString(), calls }),
        ),
        distinctUntilChanged(),
        shareReplay({ bufferSize: 1, refCount: true }),
      );
      const welcomes$ = actions$.pipe(ofType(FloorApiActions.welcomed));
      return merge(
        reports$.pipe(ignoreElements()),
        welcomes$.pipe(
          switchMap(() => reports$.pipe(debounceTime(REPORT_DEBOUNCE_MS, scheduler), distinctUntilChanged())),
          tap((report) => floor.send({ type: 'report', ...JSON.parse(report) })),
        ),
      );
    }),
  { functional: true, dispatch: false },
);
