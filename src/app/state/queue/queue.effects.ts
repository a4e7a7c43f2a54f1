import { inject } from '@angular/core';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { concatLatestFrom } from '@ngrx/operators';
import { Store } from '@ngrx/store';
import { from } from 'rxjs';
import { map, mergeMap } from 'rxjs/operators';
import { CallRegistry } from '../../calling/call-registry';
import { toFailure } from '../../calling/calling-codes';
import { CallingApiActions } from '../calling-api.actions';
import { switchActiveCall } from '../calls/switch-active-call';
import { callsFeature } from '../calls/calls.feature';
import { QueuePanelActions } from './queue-panel.actions';

/**
 * Accept: the call the agent is talking on goes on hold first (one active call at a time); if the
 * accept then fails, that call is resumed, so a failed accept leaves the agent where they were.
 */
export const accept$ = createEffect(
  (actions$ = inject(Actions), store = inject(Store), registry = inject(CallRegistry)) =>
    actions$.pipe(
      ofType(QueuePanelActions.acceptClicked),
      concatLatestFrom(() => store.select(callsFeature.selectActiveCall)),
      mergeMap(([{ id }, active]) =>
        from(switchActiveCall(registry, active, 'accept', () => registry.incomingCall(id).accept())).pipe(
          map((failure) =>
            failure
              ? CallingApiActions.acceptFailed({ id, failure })
              : CallingApiActions.acceptSucceeded({ id }),
          ),
        ),
      ),
    ),
  { functional: true },
);

export const reject$ = createEffect(
  (actions$ = inject(Actions), registry = inject(CallRegistry)) =>
    actions$.pipe(
      ofType(QueuePanelActions.rejectClicked),
      mergeMap(({ id }) =>
        from(
          (async () => {
            try {
              await registry.incomingCall(id).reject();
              return CallingApiActions.rejectSucceeded({ id });
            } catch (error) {
              return CallingApiActions.rejectFailed({ id, failure: toFailure(error, 'reject') });
            }
          })(),
        ),
      ),
    ),
  { functional: true },
);
