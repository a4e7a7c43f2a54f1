import { inject } from '@angular/core';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { concatLatestFrom } from '@ngrx/operators';
import { Store } from '@ngrx/store';
import { defer, EMPTY, merge, of, timer } from 'rxjs';
import { catchError, filter, ignoreElements, map, share, switchMap, takeUntil, tap } from 'rxjs/operators';
import { toFailure } from '../../calling/calling-codes';
import type { CallingEvent } from '../../calling/calling-events';
import { CallingSession } from '../../calling/calling-session';
import { CONNECT_SCHEDULER } from '../../calling/connect-agent';
import { SignInNeeded } from '../../calling/connect-retry';
import { describeAuthError } from '../../core/auth/auth-failure';
import { AuthService } from '../../core/auth/auth.service';
import { Logger } from '../../core/logger';
import {
  isPerFrameEvent,
  mergePerFrame,
  perFrameAction,
  perFrameKey,
  type PerFrameEvent,
} from '../calling-event-actions';
import { CallingSdkEvents } from '../calling-sdk.actions';
import { coalescePerFrame, FRAME_SCHEDULER } from '../coalesce-per-frame';
import { incomingCallsPerFrame } from '../incoming-calls-per-frame';
import { AppActions } from './app.actions';
import { agentFeature, selectBackOnline } from './agent.feature';
import { AuthApiActions } from './auth-api.actions';
import { callingCredential } from './calling-credential';
import { BACK_ONLINE_NOTICE_MS } from './connection-notes';
import { CallingSessionActions } from './calling-session.actions';
import { ShellActions } from './shell.actions';
import { SignInPageActions } from './sign-in-page.actions';
import { SoftphoneActions } from './softphone.actions';

const isOtherEvent = (event: CallingEvent): event is Exclude<CallingEvent, PerFrameEvent> =>
  !isPerFrameEvent(event);

const signOutClicked = (actions$: Actions) => actions$.pipe(ofType(ShellActions.signOutClicked));

/** At start-up: the Microsoft account MSAL restored (or why signing in failed). */
export const restoreSession$ = createEffect(
  (actions$ = inject(Actions), auth = inject(AuthService)) =>
    actions$.pipe(
      ofType(AppActions.started),
      switchMap(() => defer(() => auth.restore())),
      switchMap(({ signedIn, failure }) => {
        if (signedIn) return of(AuthApiActions.accountRestored());
        return of(failure ? AuthApiActions.signInFailed({ failure }) : AuthApiActions.notSignedIn());
      }),
    ),
  { functional: true },
);

/** Leaves for Microsoft's sign-in page; only a failure to leave comes back as an action. */
export const signIn$ = createEffect(
  (actions$ = inject(Actions), auth = inject(AuthService)) =>
    actions$.pipe(
      ofType(SignInPageActions.signInClicked),
      switchMap(() =>
        defer(() => auth.signIn()).pipe(
          ignoreElements(),
          catchError((error: unknown) =>
            of(AuthApiActions.signInFailed({ failure: describeAuthError(error).failure })),
          ),
        ),
      ),
    ),
  { functional: true },
);

/**
 * The Entra tokens to `server/`, the ACS token back: who is signed in, with their role. Again after
 * Try again, and after signing in again when the calling service refused the sign-in.
 */
export const startSession$ = createEffect(
  (actions$ = inject(Actions), auth = inject(AuthService), store = inject(Store)) =>
    merge(
      actions$.pipe(ofType(AuthApiActions.accountRestored, ShellActions.tryAgainClicked)),
      // The reducer has already started over (status signingIn) when it was the refused sign-in.
      actions$.pipe(
        ofType(AuthApiActions.signedInAgain),
        concatLatestFrom(() => store.select(agentFeature.selectStatus)),
        filter(([, status]) => status === 'signingIn'),
      ),
    ).pipe(
      switchMap(() =>
        defer(() => auth.startSession()).pipe(
          map((user) => AuthApiActions.signedIn({ user })),
          catchError((error: unknown) =>
            of(AuthApiActions.sessionFailed({ failure: describeAuthError(error).failure })),
          ),
          takeUntil(signOutClicked(actions$)),
        ),
      ),
    ),
  { functional: true },
);

/**
 * The calling session: from claiming the softphone to sign-out (or to another tab taking the
 * softphone over), every bridge event becomes a "Calling SDK" action; participant changes and
 * calls that start ringing are coalesced to one update per frame (participant changes with the
 * dominant speakers they lead to). The session reconnects by itself (calling/calling-session.ts);
 * it ends with a failure only when the agent must act.
 */
export const callingSession$ = createEffect(
  (
    actions$ = inject(Actions),
    auth = inject(AuthService),
    session = inject(CallingSession),
    scheduler = inject(FRAME_SCHEDULER),
    logger = inject(Logger),
  ) =>
    actions$.pipe(
      ofType(SoftphoneActions.acquired),
      switchMap(() => {
        const events$ = session
          .connect({
            credential: callingCredential(auth),
            retryNow: actions$.pipe(ofType(ShellActions.tryNowClicked)),
          })
          .pipe(share());
        // Changes buffered under a call's old id must reach the store before the id changes: the
        // coalesced branch is subscribed first, so it flushes before "Call Id Changed" goes out.
        const idChanged$ = events$.pipe(filter((event) => event.type === 'callIdChanged'));
        return merge(
          events$.pipe(
            filter(isPerFrameEvent),
            coalescePerFrame(scheduler, perFrameKey, mergePerFrame, idChanged$),
            map(perFrameAction),
          ),
          events$.pipe(filter(isOtherEvent), incomingCallsPerFrame(scheduler)),
        ).pipe(
          catchError((error: unknown) => {
            const failure = toFailure(error, 'connect');
            logger.error('Calling session failed', failure);
            return of(
              error instanceof SignInNeeded
                ? CallingSessionActions.signInNeeded({ failure: { ...failure, message: error.message } })
                : CallingSdkEvents.agentFailed({ failure }),
            );
          }),
          takeUntil(merge(signOutClicked(actions$), actions$.pipe(ofType(SoftphoneActions.released)))),
        );
      }),
    ),
  { functional: true },
);

/** "Back online." goes away by itself after a while (or when dismissed). */
export const backOnlineExpiry$ = createEffect(
  (store = inject(Store), scheduler = inject(CONNECT_SCHEDULER)) =>
    store
      .select(selectBackOnline)
      .pipe(
        switchMap((notice) =>
          notice
            ? timer(BACK_ONLINE_NOTICE_MS, scheduler).pipe(
                map(() => CallingSessionActions.backOnlineExpired()),
              )
            : EMPTY,
        ),
      ),
  { functional: true },
);

/** What the credential says about renewing the ACS token, for the shell's banner. */
export const tokenRenewal$ = createEffect(
  (actions$ = inject(Actions), auth = inject(AuthService)) =>
    actions$.pipe(
      ofType(AuthApiActions.signedIn),
      switchMap(() =>
        auth.renewal$.pipe(
          map((event) =>
            event.type === 'renewed'
              ? AuthApiActions.tokenRenewed()
              : AuthApiActions.tokenRenewalFailed({
                  failure: event.failure,
                  attempt: event.attempt,
                  needsSignIn: event.needsSignIn,
                  retryInMs: event.retryInMs,
                }),
          ),
          takeUntil(signOutClicked(actions$)),
        ),
      ),
    ),
  { functional: true },
);

/** A popup, never a redirect: the agent may be on a call. */
export const signInAgain$ = createEffect(
  (actions$ = inject(Actions), auth = inject(AuthService)) =>
    actions$.pipe(
      ofType(ShellActions.signInAgainClicked),
      switchMap(() =>
        defer(() => auth.signInAgain()).pipe(
          map(() => AuthApiActions.signedInAgain()),
          catchError((error: unknown) =>
            of(AuthApiActions.signInAgainFailed({ failure: describeAuthError(error).failure })),
          ),
        ),
      ),
    ),
  { functional: true },
);

export const signOut$ = createEffect(
  (actions$ = inject(Actions), auth = inject(AuthService), logger = inject(Logger)) =>
    signOutClicked(actions$).pipe(
      tap(() =>
        auth
          .signOut()
          .catch((error: unknown) => logger.error('Sign-out failed', describeAuthError(error).failure)),
      ),
    ),
  { functional: true, dispatch: false },
);
