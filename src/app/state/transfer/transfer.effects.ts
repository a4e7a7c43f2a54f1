import { inject } from '@angular/core';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { concatLatestFrom } from '@ngrx/operators';
import { createSelector, Store, type Action } from '@ngrx/store';
import { EMPTY, Observable } from 'rxjs';
import { mergeMap, takeUntil } from 'rxjs/operators';
import { CallRegistry } from '../../calling/call-registry';
import { describeUnansweredCall } from '../../calling/outbound-codes';
import { switchActiveCall } from '../../calling/switch-active-call';
import { hangUpIfLive, resumeHeld, transferCall, type TransferContext } from '../../calling/transfer';
import { ShellActions } from '../agent/shell.actions';
import { CALL_CONTROL_SCHEDULER } from '../calls/call-control-time';
import { callsFeature } from '../calls/calls.feature';
import { CallingSdkEvents } from '../calling-sdk.actions';
import { floorSessionFeature } from '../floor/floor-session.feature';
import { TransferApiActions } from './transfer-api.actions';
import { TransferDialogActions } from './transfer-dialog.actions';
import { TransferPanelActions } from './transfer-panel.actions';
import { transferFeature, transferTargetName } from './transfer.feature';

/** A workflow as the actions that report it; sign-out (the unsubscribe) aborts it. */
function workflow(
  run: (emit: (action: Action) => void, signal: AbortSignal) => Promise<void>,
): Observable<Action> {
  return new Observable<Action>((subscriber) => {
    const stop = new AbortController();
    run((action) => subscriber.next(action), stop.signal).then(
      () => subscriber.complete(),
      (error: unknown) => subscriber.error(error),
    );
    return () => stop.abort();
  });
}

/**
 * The queue each call came through and when its caller first rang: the floor's first sight of the
 * call, else when it first rang here (or a transfer said it did), else when the call began.
 */
const selectTransferContexts = createSelector(
  callsFeature.selectEntities,
  floorSessionFeature.selectFirstSeen,
  transferFeature.selectFirstRings,
  (calls, firstSeen, firstRings) =>
    (callId: string): TransferContext => {
      const call = calls[callId];
      const rang = firstRings[callId];
      const queue = call?.queue ?? rang?.queue ?? null;
      if (!call || !queue) return { queue: null, waitingSince: null };
      const seen = call.serverCallId ? firstSeen[call.serverCallId] : undefined;
      return { queue, waitingSince: seen ?? rang?.at ?? call.waitingSince ?? call.startedAt };
    },
);

/**
 * Transfer now: the call's Transfer feature hands the caller on; the agent's call then ends. A
 * transfer that fails leaves the caller on the agent's call, on hold: they are resumed.
 */
export const transferNow$ = createEffect(
  (actions$ = inject(Actions), store = inject(Store), registry = inject(CallRegistry)) =>
    actions$.pipe(
      ofType(TransferDialogActions.transferNowClicked),
      concatLatestFrom(() => store.select(selectTransferContexts)),
      mergeMap(([{ callId, destination }, contextOf]) =>
        workflow(async (emit, signal) => {
          const failure = await transferCall(registry, callId, destination, contextOf(callId), signal);
          if (!failure) return emit(TransferApiActions.transferred({ callId }));
          emit(
            TransferApiActions.transferFailed({
              callId,
              failure,
              stillHeld: await resumeHeld(registry, callId),
            }),
          );
        }).pipe(takeUntil(actions$.pipe(ofType(ShellActions.signOutClicked)))),
      ),
    ),
  { functional: true },
);

/**
 * Consult first: the caller is held and the target called, as any call the agent places (one
 * active call at a time); a consult call that never connects has the caller resumed by the switch.
 */
export const consult$ = createEffect(
  (actions$ = inject(Actions), registry = inject(CallRegistry), scheduler = inject(CALL_CONTROL_SCHEDULER)) =>
    actions$.pipe(
      ofType(TransferDialogActions.consultFirstClicked),
      mergeMap(({ callId, target }) =>
        workflow(async (emit, signal) => {
          let consultCallId: string | null = null;
          const failure = await switchActiveCall(
            registry,
            { operation: 'startCall', targets: [target], onCall: (call) => (consultCallId = call.id) },
            { signal, scheduler },
          );
          if (failure || !consultCallId) {
            return emit(
              TransferApiActions.consultFailed({
                callId,
                failure: failure ?? { message: 'The call could not be placed.' },
              }),
            );
          }
          emit(TransferApiActions.consultStarted({ callId, consultCallId }));
        }).pipe(takeUntil(actions$.pipe(ofType(ShellActions.signOutClicked)))),
      ),
    ),
  { functional: true },
);

/**
 * The consult call ended while the agent was still consulting (the target declined, was busy, or
 * hung up): the transfer failed, and a caller held for a consult that had connected is resumed.
 */
export const consultEnded$ = createEffect(
  (actions$ = inject(Actions), store = inject(Store), registry = inject(CallRegistry)) =>
    actions$.pipe(
      ofType(CallingSdkEvents.callEnded),
      concatLatestFrom(() => store.select(transferFeature.selectAllTransfers)),
      mergeMap(([{ id, callEndReason }, transfers]) => {
        const transfer = transfers.find((t) => t.consultCallId === id && t.status === 'consulting');
        if (!transfer) return EMPTY;
        const name = transferTargetName(transfer);
        const failure = describeUnansweredCall(name, callEndReason) ?? { message: `${name} hung up.` };
        return workflow(async (emit) => {
          // One that never connected: the switch that placed it resumes the caller.
          const stillHeld = transfer.consultConnected ? await resumeHeld(registry, transfer.callId) : null;
          emit(TransferApiActions.consultEnded({ callId: transfer.callId, failure, stillHeld }));
        });
      }),
    ),
  { functional: true },
);

/**
 * The agent's three ways out of a consult: Complete transfer joins the caller and the target
 * (`transfer({ targetCallId })`); Conference ends the consult call, resumes the caller and brings
 * the target into the caller's call (the escalation workflow: ACS cannot merge two calls); Cancel
 * transfer ends the consult call and resumes the caller.
 */
export const endConsult$ = createEffect(
  (actions$ = inject(Actions), store = inject(Store), registry = inject(CallRegistry)) =>
    actions$.pipe(
      ofType(
        TransferPanelActions.completeTransferClicked,
        TransferPanelActions.conferenceClicked,
        TransferPanelActions.cancelTransferClicked,
      ),
      concatLatestFrom(() => [
        store.select(transferFeature.selectEntities),
        store.select(selectTransferContexts),
      ]),
      mergeMap(([click, transfers, contextOf]) => {
        const { callId } = click;
        const transfer = transfers[callId];
        if (!transfer?.consultCallId) return EMPTY;
        const consultCallId = transfer.consultCallId;
        const name = transferTargetName(transfer);
        return workflow(async (emit, signal) => {
          if (click.type === TransferPanelActions.completeTransferClicked.type) {
            const destination = { kind: 'call' as const, callId: consultCallId, name };
            const failure = await transferCall(registry, callId, destination, contextOf(callId), signal);
            await hangUpIfLive(registry, consultCallId);
            if (!failure) return emit(TransferApiActions.transferred({ callId }));
            const stillHeld = await resumeHeld(registry, callId);
            return emit(TransferApiActions.transferFailed({ callId, failure, stillHeld }));
          }
          await hangUpIfLive(registry, consultCallId);
          const stillHeld = await resumeHeld(registry, callId);
          if (click.type === TransferPanelActions.cancelTransferClicked.type || stillHeld)
            return emit(TransferApiActions.consultCancelled({ callId, stillHeld }));
          if (transfer.destination.kind === 'participant')
            emit(TransferApiActions.conferenceReady({ callId, targets: [transfer.destination.target] }));
        }).pipe(takeUntil(actions$.pipe(ofType(ShellActions.signOutClicked))));
      }),
    ),
  { functional: true },
);
