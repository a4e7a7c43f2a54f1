import { createActionGroup, props } from '@ngrx/store';
import type { DialTarget } from '../../model/dial-target';

export const DialerActions = createActionGroup({
  source: 'Dialer',
  events: {
    /** What the agent has typed so far, when it may be a name to look up. */
    'Search Changed': props<{ text: string }>(),
    'Target Added': props<{ target: DialTarget }>(),
    /** A pasted Teams user id: the directory says whose it is before it becomes a target. */
    'Teams User Id Entered': props<{ id: string }>(),
    'Target Removed': props<{ index: number }>(),
    /** Call one person: a 1:1 call. */
    'Call Clicked': props<{ target: DialTarget }>(),
    /** Call several at once: a group call, which needs a chat thread first. */
    'Group Call Clicked': props<{ targets: DialTarget[] }>(),
  },
});
