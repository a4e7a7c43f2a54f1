import { inject } from '@angular/core';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { EMPTY, from, merge, of } from 'rxjs';
import { catchError, filter, map, share, switchMap, takeUntil, tap } from 'rxjs/operators';
import { toFailure } from '../../calling/calling-codes';
import type { CallingEvent } from '../../calling/calling-events';
import { CallingSession } from '../../calling/calling-session';
import { AuthService } from '../../core/auth/auth.service';
import { Logger } from '../../core/logger';
import {
  mergeParticipantChange,
  participantChangeKey,
  toCallingSdkAction,
  toParticipantChange,
} from '../calling-event-actions';
import { CallingSdkEvents } from '../calling-sdk.actions';
import { coalescePerFrame, FRAME_SCHEDULER } from '../coalesce-per-frame';
import { AppActions, AuthApiActions, ShellActions, SignInPageActions } from './agent.actions';

type ParticipantChanged = Extract<CallingEvent, { type: 'participantChanged' }>;
const isParticipantChanged = (event: CallingEvent): event is ParticipantChanged =>
  event.type === 'participantChanged';
const isOtherEvent = (event: CallingEvent): event is Exclude<CallingEvent, ParticipantChanged> =>
  event.type !== 'participantChanged';

/** After a reload, sign the remembered user in again (only the user's key was kept). */
export const restoreSession$ = createEffect(
  (actions$ = inject(Actions), auth = inject(AuthService)) =>
    actions$.pipe(
      ofType(AppActions.started),
      switchMap(() => {
        const userKey = auth.rememberedUser();
        return userKey ? of(AppActions.sessionRestored({ userKey })) : EMPTY;
      }),
    ),
  { functional: true },
);

export const signIn$ = createEffect(
  (actions$ = inject(Actions), auth = inject(AuthService)) =>
    actions$.pipe(
      ofType(SignInPageActions.userPicked, AppActions.sessionRestored, ShellActions.tryAgainClicked),
      switchMap(({ userKey }) =>
        from(auth.signIn(userKey)).pipe(
          map((user) => AuthApiActions.signedIn({ user })),
          catchError((error: unknown) =>
            of(AuthApiActions.signInFailed({ failure: toFailure(error, 'connect') })),
          ),
        ),
      ),
    ),
  { functional: true },
);

/**
 * The calling session: from sign-in to sign-out, every bridge event becomes a "Calling SDK"
 * action; participant changes are coalesced to one update per frame.
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
      ofType(AuthApiActions.signedIn),
      switchMap(() => {
        const events$ = session.connect(auth.credential()).pipe(share());
        // Changes buffered under a call's old id must reach the store before the id changes: the
        // coalesced branch is subscribed first, so it flushes before "Call Id Changed" goes out.
        const idChanged$ = events$.pipe(filter((event) => event.type === 'callIdChanged'));
        return merge(
          events$.pipe(
            filter(isParticipantChanged),
            coalescePerFrame(scheduler, participantChangeKey, mergeParticipantChange, idChanged$),
            map((batch) => CallingSdkEvents.participantsChanged({ changes: batch.map(toParticipantChange) })),
          ),
          events$.pipe(filter(isOtherEvent), map(toCallingSdkAction)),
        ).pipe(
          catchError((error: unknown) => {
            const failure = toFailure(error, 'connect');
            logger.error('Calling session failed', failure);
            return of(CallingSdkEvents.agentFailed({ failure }));
          }),
          takeUntil(actions$.pipe(ofType(ShellActions.signOutClicked))),
        );
      }),
    ),
  { functional: true },
);

export const signOut$ = createEffect(
  (actions$ = inject(Actions), auth = inject(AuthService)) =>
    actions$.pipe(
      ofType(ShellActions.signOutClicked),
      tap(() => auth.signOut()),
    ),
  { functional: true, dispatch: false },
);
