import { inject } from '@angular/core';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { map } from 'rxjs/operators';
import { AuthApiActions } from './auth-api.actions';
import { SoftphoneActions } from './softphone.actions';

/** Signed in, this tab claims the softphone. */
export const claimSoftphone$ = createEffect(
  (actions$ = inject(Actions)) =>
    actions$.pipe(
      ofType(AuthApiActions.signedIn),
      map(() => SoftphoneActions.acquired()),
    ),
  { functional: true },
);
