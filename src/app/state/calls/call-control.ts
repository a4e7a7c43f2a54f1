import type { Action, ActionCreator } from '@ngrx/store';
import { Observable, type SchedulerLike } from 'rxjs';
import type { CallRegistry } from '../../calling/call-registry';
import type { SealedMeetingLocators } from '../../core/sealed-meeting-locators';
import { toFailure, type CallOperation } from '../../calling/calling-codes';
import { type Failure } from '../../model/failure';
import { SWITCH_ABANDONED, type SwitchOptions, type SwitchStep } from '../../calling/switch-active-call';
import { CallingApiActions } from '../calling-api.actions';
import { CONTROL_TIME_LIMIT_MS } from './call-control-time';
import { CallSwitchActions } from './call-switch.actions';

/** One click: the SDK work to do and the actions that report it. */
export interface Control {
  /** Resolves to the failure to report, or null. */
  readonly run: (options: SwitchOptions) => Promise<Failure | null>;
  /** A switch's steps, as actions (other controls have none). */
  readonly step?: (step: SwitchStep) => Action;
  readonly succeeded: () => Action;
  readonly failed: (failure: Failure) => Action;
}

/** What controls act on: the live calls, and the meeting locators the join form sealed. */
export interface ControlContext {
  readonly registry: CallRegistry;
  readonly meetingLocators: SealedMeetingLocators;
  /** The camera the agent chose in the settings, for the next video stream (null: the first). */
  readonly cameraId?: () => string | null;
}

/** A click the line of call controls answers, and what it does. */
export interface ControlEntry {
  readonly click: ActionCreator;
  readonly controlFor: (click: Action, context: ControlContext) => Control;
}

/** Declares what one kind of click does (`*.controls.ts` files list theirs). */
export function control<C extends ActionCreator>(
  click: C,
  controlFor: (click: ReturnType<C>, context: ControlContext) => Control,
): ControlEntry {
  return { click, controlFor: controlFor as ControlEntry['controlFor'] };
}

/**
 * Runs a control, reporting its steps, then its outcome. A control that outlives the time limit is
 * reported as failed and abandoned: it takes no further step, and a switch undoes its holds. A
 * control that throws is reported as failed at once, in words, and frees the line.
 */
export function carryOut(control: Control, scheduler: SchedulerLike): Observable<Action> {
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
      .then(
        (failure) => finish(failure ? control.failed(failure) : control.succeeded()),
        (error: unknown) => finish(control.failed(toFailure(error))),
      );
    return () => {
      limit.unsubscribe();
      abandon.abort();
    };
  });
}

/** One SDK call: null once it succeeds, or its failure in words. */
export async function attempt(
  operation: CallOperation,
  act: () => Promise<unknown>,
): Promise<Failure | null> {
  try {
    await act();
    return null;
  } catch (error) {
    return toFailure(error, operation);
  }
}

/** The outcome actions of an operation on one call. */
export function callOperationOutcome(callId: string, operation: CallOperation) {
  return {
    succeeded: () => CallingApiActions.callOperationSucceeded({ callId, operation }),
    failed: (failure: Failure) => CallingApiActions.callOperationFailed({ callId, operation, failure }),
  };
}

/** A switch's steps as actions; `taking` names what it accepts, resumes or starts. */
export function switchSteps(taking: () => Action) {
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
      case 'resumeFailed':
        return CallingApiActions.callOperationFailed({
          callId: step.callId,
          operation: 'resume',
          failure: step.failure,
        });
    }
  };
}
