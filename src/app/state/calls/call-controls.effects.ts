import { inject } from '@angular/core';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import type { Action } from '@ngrx/store';
import { Observable, type SchedulerLike } from 'rxjs';
import { concatMap, switchMap, takeUntil } from 'rxjs/operators';
import { CallRegistry } from '../../calling/call-registry';
import { toFailure, type CallOperation, type Failure } from '../../calling/calling-codes';
import {
  SWITCH_ABANDONED,
  switchActiveCall,
  type SwitchOptions,
  type SwitchStep,
} from '../../calling/switch-active-call';
import { AuthApiActions, ShellActions } from '../agent/agent.actions';
import { CallingApiActions } from '../calling-api.actions';
import { QueuePanelActions } from '../queue/queue-panel.actions';
import { ActiveCallPanelActions, HeldCallsPanelActions } from './call-panels.actions';
import { CALL_CONTROL_SCHEDULER, CONTROL_TIME_LIMIT_MS } from './call-control-time';
import { CallSwitchActions } from './call-switch.actions';

const CLICKS = [
  QueuePanelActions.acceptClicked,
  QueuePanelActions.rejectClicked,
  HeldCallsPanelActions.resumeClicked,
  ActiveCallPanelActions.muteClicked,
  ActiveCallPanelActions.unmuteClicked,
  ActiveCallPanelActions.holdClicked,
  ActiveCallPanelActions.hangUpClicked,
] as const;

type Click = ReturnType<(typeof CLICKS)[number]>;

/**
 * Every call control the agent clicks (Accept, Reject, Resume, Mute, Unmute, Hold, Hang up) is
 * carried out one at a time, in click order: a Hold clicked while Accept is still holding the
 * current call waits its turn instead of racing it. The line belongs to one session; sign-out
 * drops what is left of it.
 */
export const callControls$ = createEffect(
  (actions$ = inject(Actions), registry = inject(CallRegistry), scheduler = inject(CALL_CONTROL_SCHEDULER)) =>
    actions$.pipe(
      ofType(AuthApiActions.signedIn),
      switchMap(() =>
        actions$.pipe(
          ofType(...CLICKS),
          concatMap((click) => carryOut(controlFor(click, registry), scheduler)),
          takeUntil(actions$.pipe(ofType(ShellActions.signOutClicked))),
        ),
      ),
    ),
  { functional: true },
);

/** One click: the SDK work to do and the actions that report it. */
interface Control {
  /** Resolves to the failure to report, or null. */
  readonly run: (options: SwitchOptions) => Promise<Failure | null>;
  /** A switch's steps, as actions (other controls have none). */
  readonly step?: (step: SwitchStep) => Action;
  readonly succeeded: () => Action;
  readonly failed: (failure: Failure) => Action;
}

/**
 * Runs a control, reporting its steps, then its outcome. A control that outlives the time limit is
 * reported as failed and abandoned: it takes no further step, and a switch undoes its holds.
 */
function carryOut(control: Control, scheduler: SchedulerLike): Observable<Action> {
  return new Observable<Action>((subscriber) => {
    const abandon = new AbortController();
    const finish = (action: Action) => {
      subscriber.next(action);
      subscriber.complete();
    };
    const limit = scheduler.schedule(() => finish(control.failed(SWITCH_ABANDONED)), CONTROL_TIME_LIMIT_MS);
    void control
      .run({
        signal: abandon.signal,
        scheduler,
        onStep: (step) => control.step && subscriber.next(control.step(step)),
      })
      .then((failure) => finish(failure ? control.failed(failure) : control.succeeded()));
    return () => {
      limit.unsubscribe();
      abandon.abort();
    };
  });
}

function controlFor(click: Click, registry: CallRegistry): Control {
  switch (click.type) {
    case QueuePanelActions.acceptClicked.type: {
      const { id } = click;
      return {
        run: (options) => switchActiveCall(registry, { operation: 'accept', incomingCallId: id }, options),
        step: switchSteps(() => CallSwitchActions.accepting({ id })),
        succeeded: () => CallingApiActions.acceptSucceeded({ id }),
        failed: (failure) => CallingApiActions.acceptFailed({ id, failure }),
      };
    }
    case HeldCallsPanelActions.resumeClicked.type: {
      const { callId } = click;
      return {
        run: (options) => switchActiveCall(registry, { operation: 'resume', callId }, options),
        step: switchSteps(() => CallSwitchActions.resuming({ callId })),
        ...callOperationOutcome(callId, 'resume'),
      };
    }
    case QueuePanelActions.rejectClicked.type: {
      const { id } = click;
      return {
        run: () => attempt('reject', () => registry.incomingCall(id).reject()),
        succeeded: () => CallingApiActions.rejectSucceeded({ id }),
        failed: (failure) => CallingApiActions.rejectFailed({ id, failure }),
      };
    }
    default: {
      const { callId } = click;
      const operation = OPERATION_OF[click.type];
      return {
        run: () => attempt(operation, () => registry.call(callId)[operation]()),
        ...callOperationOutcome(callId, operation),
      };
    }
  }
}

const OPERATION_OF = {
  [ActiveCallPanelActions.muteClicked.type]: 'mute',
  [ActiveCallPanelActions.unmuteClicked.type]: 'unmute',
  [ActiveCallPanelActions.holdClicked.type]: 'hold',
  [ActiveCallPanelActions.hangUpClicked.type]: 'hangUp',
} as const;

function callOperationOutcome(callId: string, operation: CallOperation) {
  return {
    succeeded: () => CallingApiActions.callOperationSucceeded({ callId, operation }),
    failed: (failure: Failure) => CallingApiActions.callOperationFailed({ callId, operation, failure }),
  };
}

/** One SDK call: null once it succeeds, or its failure in words. */
async function attempt(operation: CallOperation, act: () => Promise<unknown>): Promise<Failure | null> {
  try {
    await act();
    return null;
  } catch (error) {
    return toFailure(error, operation);
  }
}

/** A switch's steps as actions; `taking` names the call it accepts or resumes. */
function switchSteps(taking: () => Action) {
  return (step: SwitchStep): Action => {
    switch (step.step) {
      case 'waitingForConnectingCall':
        return CallSwitchActions.waitingForConnectingCall({ callId: step.callId });
      case 'held':
        return CallSwitchActions.currentCallHeld({ callId: step.callId });
      case 'taking':
        return taking();
      case 'resumedAfterFailure':
        return CallSwitchActions.heldCallResumedAfterFailure({ callId: step.callId });
    }
  };
}
