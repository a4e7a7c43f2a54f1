import { inject } from '@angular/core';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { concatMap, filter, switchMap, takeUntil } from 'rxjs/operators';
import { CallRegistry } from '../../calling/call-registry';
import { SealedMeetingLocators } from '../../core/sealed-meeting-locators';
import { AuthApiActions } from '../agent/auth-api.actions';
import { ShellActions } from '../agent/shell.actions';
import { carryOut, type ControlEntry } from './call-control';
import { CALL_CONTROL_SCHEDULER } from './call-control-time';
import { activeCallControls } from './active-call.controls';
import { callPanelControls } from './call-panel.controls';
import { outboundControls } from './outbound.controls';

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
  ) =>
    actions$.pipe(
      ofType(AuthApiActions.signedIn),
      switchMap(() =>
        actions$.pipe(
          filter((action) => controlsByClick.has(action.type)),
          concatMap((click) =>
            carryOut(
              controlsByClick.get(click.type)!.controlFor(click, { registry, meetingLocators }),
              scheduler,
            ),
          ),
          takeUntil(actions$.pipe(ofType(ShellActions.signOutClicked))),
        ),
      ),
    ),
  { functional: true },
);
