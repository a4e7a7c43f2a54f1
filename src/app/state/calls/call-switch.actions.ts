import { createActionGroup, emptyProps, props } from '@ngrx/store';

/** The steps of switching calls (Accept while on a call, Resume, placing a call, joining a meeting), as they happen. */
export const CallSwitchActions = createActionGroup({
  source: 'Call Switch',
  events: {
    'Waiting For Connecting Call': props<{ callId: string }>(),
    'Current Call Held': props<{ callId: string }>(),
    Accepting: props<{ id: string }>(),
    Resuming: props<{ callId: string }>(),
    'Held Call Resumed After Failure': props<{ callId: string }>(),
    /** The last step when the switch places a call. */
    'Starting Call': emptyProps(),
    /** The last step when the switch joins a meeting. */
    'Joining Meeting': emptyProps(),
  },
});
