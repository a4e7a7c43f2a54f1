import { inject } from '@angular/core';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { Store } from '@ngrx/store';
import { timer } from 'rxjs';
import { concatMap, distinctUntilChanged, filter, map, switchMap, takeUntil } from 'rxjs/operators';
import { CallRegistry } from '../../calling/call-registry';
import { SealedMeetingLocators } from '../../core/sealed-meeting-locators';
import { AuthApiActions } from '../agent/auth-api.actions';
import { ShellActions } from '../agent/shell.actions';
import { carryOut, type ControlEntry } from './call-control';
import { CALL_CONTROL_SCHEDULER } from './call-control-time';
import { activeCallControls } from './active-call.controls';
import { isMuteLimit, MUTE_LIMIT_WINDOW_MS } from './calls.feature';
import { MuteLimitActions } from './mute-limit.actions';
import { CallingApiActions } from '../calling-api.actions';
import { callPanelControls } from './call-panel.controls';
import { outboundControls } from './outbound.controls';
import { queueFeature, QUEUE_NOTICE_MS } from '../queue/queue.feature';
import { QueueNoticeActions } from '../queue/queue-notice.actions';
import { settingsFeature } from '../settings/settings.feature';

/** Every click the line answers: add a `*.controls.ts` list here for new controls. */
const CONTROLS: readonly ControlEntry[] = [...callPanelControls, ...activeCallControls, ...outboundControls];

const controlsByClick = new Map(CONTROLS.map((entry) => [entry.click.type, entry]));

/**
 * Every call control the agent clicks (Accept, Reject, Resume, Mute, Unmute, Hold, Hang up, ...)
 * is carried out one at a time, in click order: a Hold clicked while Accept is still holding the
 * current call waits its turn instead of racing it. The line belongs to one session; sign-out
 * drops what is left of it.
 */
export const callControls$ = createEffect(
  (
    actions$ = inject(Actions),
    registry = inject(CallRegistry),
    meetingLocators = inject(SealedMeetingLocators),
    scheduler = inject(CALL_CONTROL_SCHEDULER),
    cameraId = inject(Store).selectSignal(settingsFeature.selectCameraId),
  ) =>
    actions$.pipe(
      ofType(AuthApiActions.signedIn),
      switchMap(() =>
        actions$.pipe(
          filter((action) => controlsByClick.has(action.type)),
          concatMap((click) =>
            carryOut(
              controlsByClick.get(click.type)!.controlFor(click, { registry, meetingLocators, cameraId }),
              scheduler,
            ),
          ),
          takeUntil(actions$.pipe(ofType(ShellActions.signOutClicked))),
        ),
      ),
    ),
  { functional: true },
);

/**
 * ACS refused a mute with 429: the roster's Mute buttons are disabled, and come back once a whole
 * window has passed since the last refusal (ACS counts a console's mute operations over 30 s).
 */
export const liftMuteLimit$ = createEffect(
  (actions$ = inject(Actions), scheduler = inject(CALL_CONTROL_SCHEDULER)) =>
    actions$.pipe(
      ofType(CallingApiActions.callOperationFailed, CallingApiActions.participantOperationFailed),
      filter(({ operation, failure }) => isMuteLimit(operation, failure)),
      switchMap(() => timer(MUTE_LIMIT_WINDOW_MS, scheduler).pipe(map(() => MuteLimitActions.lifted()))),
    ),
  { functional: true },
);

/**
 * The note at the queue's top (why the call the agent was taking is gone) goes by itself after a
 * few seconds; the agent's next action clears it sooner (the queue's reducer).
 */
export const expireQueueNotice$ = createEffect(
  (store = inject(Store), scheduler = inject(CALL_CONTROL_SCHEDULER)) =>
    store.select(queueFeature.selectNotice).pipe(
      map((notice) => notice?.id ?? null),
      distinctUntilChanged(),
      switchMap((id) =>
        id === null
          ? []
          : timer(QUEUE_NOTICE_MS, scheduler).pipe(map(() => QueueNoticeActions.expired({ id }))),
      ),
    ),
  { functional: true },
);
