import { createActionGroup, emptyProps, props } from '@ngrx/store';
import type { Failure } from '../../model/failure';
import type { DialTarget } from '../../model/dial-target';
import type { DirectoryPerson } from '../../model/directory-person';
import type { TeamsCloud } from '../../model/identity';

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

/** How the directory lookups of the dialer went (Microsoft Graph). */
export const DirectoryApiActions = createActionGroup({
  source: 'Directory API',
  events: {
    'People Found': props<{ text: string; people: DirectoryPerson[] }>(),
    'People Search Failed': props<{ text: string; failure: Failure }>(),
    'Person Found': props<{ person: DirectoryPerson; cloud: TeamsCloud }>(),
    'Person Lookup Failed': props<{ id: string; failure: Failure }>(),
  },
});

/** The chat threads calls need, as Microsoft Graph made them ready. */
export const ChatThreadsApiActions = createActionGroup({
  source: 'Chat Threads API',
  events: {
    'Group Call Thread Ready': props<{ targets: DialTarget[]; threadId: string }>(),
    'Group Call Thread Failed': props<{ failure: Failure }>(),
    /**
     * The call's chat has the newcomer. `createdThreadId`: a chat made for a call that had none
     * (otherwise the call's own thread serves, read from the call: a meeting's is a secret);
     * `addedMembershipId`: the membership to undo if adding them to the call fails.
     */
    'Participant Thread Ready': props<{
      callId: string;
      target: DialTarget;
      createdThreadId: string | null;
      addedMembershipId: string | null;
    }>(),
    'Participant Thread Failed': props<{ callId: string; target: DialTarget; failure: Failure }>(),
    /** Someone whose adding failed left the call's chat again. */
    'Chat Member Removed': props<{ callId: string; participantId: string }>(),
    'Chat Member Removal Failed': props<{ callId: string; participantId: string; failure: Failure }>(),
  },
});

/** The outcomes of placing calls, joining meetings and adding participants (the line's controls). */
export const OutboundApiActions = createActionGroup({
  source: 'Calling API',
  events: {
    'Call Placed': props<{ callId: string }>(),
    'Place Call Failed': props<{ failure: Failure }>(),
    'Meeting Joined': props<{ callId: string }>(),
    'Join Meeting Failed': props<{ failure: Failure }>(),
    'Participant Added': props<{ callId: string; target: DialTarget }>(),
    'Add Participant Failed': props<{ callId: string; target: DialTarget; failure: Failure }>(),
  },
});

/** The switch's last step when it places a call or joins a meeting (the others are CallSwitchActions). */
export const OutboundSwitchActions = createActionGroup({
  source: 'Call Switch',
  events: {
    'Starting Call': emptyProps(),
    'Joining Meeting': emptyProps(),
  },
});
