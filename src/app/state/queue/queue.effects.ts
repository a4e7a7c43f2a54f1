import { inject } from '@angular/core';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { from } from 'rxjs';
import { mergeMap } from 'rxjs/operators';
import { CallRegistry } from '../../calling/call-registry';
import { toFailure } from '../../calling/calling-codes';
import { CallingApiActions } from '../calling-api.actions';
import { QueuePanelActions } from './queue-panel.actions';

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
