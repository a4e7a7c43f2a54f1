import { inject } from '@angular/core';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { Store } from '@ngrx/store';
import { merge } from 'rxjs';
import { distinctUntilChanged, filter, map, switchMap, takeUntil, withLatestFrom } from 'rxjs/operators';
import { claimSoftphone, SOFTPHONE_BROWSER, type SoftphoneClaimEvent } from '../../core/softphone-claim';
import { selectLiveCallNames } from '../reload/reload-note.feature';
import { AuthApiActions } from './auth-api.actions';
import { ShellActions } from './shell.actions';
import { SoftphoneActions } from './softphone.actions';
import { SoftphoneNoticeActions } from './softphone-notice.actions';
import { softphoneFeature } from './softphone.feature';

const toAction = (event: SoftphoneClaimEvent) => {
  switch (event.type) {
    case 'acquired':
      return SoftphoneActions.acquired();
    case 'heldElsewhere':
      return SoftphoneActions.heldElsewhere({ liveCallNames: event.liveCallNames });
    case 'released':
      return SoftphoneActions.released({ reason: 'usedElsewhere' });
  }
};

/**
 * Signed in, this tab claims the agent's softphone (one per agent, among their tabs): it takes calls
 * if no other tab does, or once the agent chooses Use here (asked first when that ends calls), and
 * announces its live calls to the others. Signing out lets it go.
 */
export const claimSoftphone$ = createEffect(
  (actions$ = inject(Actions), store = inject(Store), browser = inject(SOFTPHONE_BROWSER)) =>
    actions$.pipe(
      ofType(AuthApiActions.signedIn),
      switchMap(({ user }) => {
        const useHere$ = merge(
          actions$.pipe(
            ofType(SoftphoneNoticeActions.useHereClicked),
            withLatestFrom(store.select(softphoneFeature.selectConfirming)),
            filter(([, confirming]) => !confirming),
          ),
          actions$.pipe(ofType(SoftphoneNoticeActions.endItAndUseHereClicked)),
        );
        const liveCallNames$ = store
          .select(selectLiveCallNames)
          .pipe(distinctUntilChanged((a, b) => a.join('\n') === b.join('\n')));
        return claimSoftphone(browser, user.id, { useHere$, liveCallNames$ }).pipe(
          map(toAction),
          takeUntil(actions$.pipe(ofType(ShellActions.signOutClicked))),
        );
      }),
    ),
  { functional: true },
);
