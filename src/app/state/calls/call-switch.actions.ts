import { createActionGroup, props } from '@ngrx/store';

/** The steps of switching calls (Accept while on a call, Resume), as they happen. */
export const CallSwitchActions = createActionGroup({
  source: 'Call Switch',
  events: {
    'Waiting For Connecting Call': props<{ callId: string }>(),
    'Current Call Held': props<{ callId: string }>(),
    Accepting: props<{ id: string }>(),
    Resuming: props<{ callId: string }>(),
    'Held Call Resumed After Failure': props<{ callId: string }>(),
  },
});
