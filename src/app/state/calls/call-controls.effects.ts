import { inject } from '@angular/core';
import type { TeamsCall } from '@azure/communication-calling';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { from } from 'rxjs';
import { map, mergeMap } from 'rxjs/operators';
import { CallRegistry } from '../../calling/call-registry';
import { toFailure, type CallOperation } from '../../calling/calling-codes';
import { CallingApiActions } from '../calling-api.actions';
import { ActiveCallPanelActions } from './call-panels.actions';

const report = (callId: string, operation: CallOperation) =>
  map((failure: ReturnType<typeof toFailure> | null) =>
    failure
      ? CallingApiActions.callOperationFailed({ callId, operation, failure })
      : CallingApiActions.callOperationSucceeded({ callId, operation }),
  );

async function run(
  registry: CallRegistry,
  callId: string,
  operation: CallOperation,
  act: (call: TeamsCall) => Promise<void>,
) {
  try {
    await act(registry.call(callId));
    return null;
  } catch (error) {
    return toFailure(error, operation);
  }
}

/** Mute, unmute, hold and hang up on the active call: one SDK call each, one outcome action each. */
export const callControls$ = createEffect(
  (actions$ = inject(Actions), registry = inject(CallRegistry)) =>
    actions$.pipe(
      ofType(
        ActiveCallPanelActions.muteClicked,
        ActiveCallPanelActions.unmuteClicked,
        ActiveCallPanelActions.holdClicked,
        ActiveCallPanelActions.hangUpClicked,
      ),
      mergeMap((action) => {
        const operation: CallOperation =
          action.type === ActiveCallPanelActions.muteClicked.type
            ? 'mute'
            : action.type === ActiveCallPanelActions.unmuteClicked.type
              ? 'unmute'
              : action.type === ActiveCallPanelActions.holdClicked.type
                ? 'hold'
                : 'hangUp';
        return from(run(registry, action.callId, operation, (call) => call[operation]())).pipe(
          report(action.callId, operation),
        );
      }),
    ),
  { functional: true },
);
