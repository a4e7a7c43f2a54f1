import { createFeature, createReducer, createSelector, on } from '@ngrx/store';
import type { NotedCall } from '../../core/reload-note-storage';
import { agentFeature } from '../agent/agent.feature';
import { ShellActions } from '../agent/shell.actions';
import { softphoneFeature } from '../agent/softphone.feature';
import { CallingApiActions } from '../calling-api.actions';
import { CallingSdkEvents } from '../calling-sdk.actions';
import { callsFeature, type CallEntry } from '../calls/calls.feature';
import { MeetingJoinFormActions } from '../meeting-join/meeting-join-form.actions';
import { BeforeReloadRegionActions } from './before-the-reload-region.actions';
import { ReloadNoteActions } from './reload-note.actions';

type JoinedBy = NonNullable<NotedCall['joinedBy']>;

/**
 * What the reload note needs beyond the calls: the calls live before this tab was reloaded (until
 * the agent dismisses them), and how each meeting was joined (which form, never what was typed).
 */
export interface ReloadNoteState {
  readonly beforeReload: readonly NotedCall[];
  /** A meeting live before the reload: the join form opens again on the form it was joined by. */
  readonly rejoin: { readonly callId: string; readonly joinedBy: JoinedBy } | null;
  readonly joiningBy: JoinedBy | null;
  readonly meetingsJoinedBy: Readonly<Record<string, JoinedBy>>;
}

export const initialReloadNoteState: ReloadNoteState = {
  beforeReload: [],
  rejoin: null,
  joiningBy: null,
  meetingsJoinedBy: {},
};

const without = (record: Readonly<Record<string, JoinedBy>>, id: string) =>
  Object.fromEntries(Object.entries(record).filter(([key]) => key !== id));

export const reloadNoteFeature = createFeature({
  name: 'reloadNote',
  reducer: createReducer(
    initialReloadNoteState,
    on(ReloadNoteActions.noteRead, (state, { calls }): ReloadNoteState => {
      const meeting = calls.find((call) => call.kind === 'meeting' && call.joinedBy);
      return {
        ...state,
        beforeReload: calls,
        rejoin: meeting?.joinedBy ? { callId: meeting.id, joinedBy: meeting.joinedBy } : null,
      };
    }),
    on(BeforeReloadRegionActions.dismissClicked, (state): ReloadNoteState => ({
      ...state,
      beforeReload: [],
    })),
    on(MeetingJoinFormActions.joinClicked, (state, { kind }): ReloadNoteState => ({
      ...state,
      joiningBy: kind,
      rejoin: null,
    })),
    on(CallingApiActions.meetingJoined, (state, { callId }): ReloadNoteState =>
      state.joiningBy
        ? {
            ...state,
            joiningBy: null,
            meetingsJoinedBy: { ...state.meetingsJoinedBy, [callId]: state.joiningBy },
          }
        : state,
    ),
    on(CallingApiActions.joinMeetingFailed, (state): ReloadNoteState => ({ ...state, joiningBy: null })),
    on(CallingSdkEvents.callIdChanged, (state, { previousId, id }): ReloadNoteState => {
      const joinedBy = state.meetingsJoinedBy[previousId];
      return joinedBy
        ? { ...state, meetingsJoinedBy: { ...without(state.meetingsJoinedBy, previousId), [id]: joinedBy } }
        : state;
    }),
    on(CallingSdkEvents.callEnded, (state, { id }): ReloadNoteState =>
      state.meetingsJoinedBy[id]
        ? { ...state, meetingsJoinedBy: without(state.meetingsJoinedBy, id) }
        : state,
    ),
    on(ShellActions.signOutClicked, (): ReloadNoteState => initialReloadNoteState),
  ),
});

/** How the console names a call in a sentence: "Casey Morgan", "a group call", "a Teams meeting". */
function callName(call: CallEntry): string {
  if (call.kind === 'meeting') return 'a Teams meeting';
  if (call.kind === 'group') return 'a group call';
  const party = call.counterpart;
  if (party?.displayName) return party.displayName;
  if (party?.identity?.phoneNumber) return party.identity.phoneNumber;
  return party?.identity?.kind === 'microsoftTeamsUser' ? 'a Teams user' : 'an unknown caller';
}

/** The live calls as the note keeps them. */
export const selectLiveCallNotes = createSelector(
  callsFeature.selectAllCalls,
  reloadNoteFeature.selectMeetingsJoinedBy,
  (calls, joinedBy): NotedCall[] =>
    calls.map((call) => ({
      id: call.id,
      kind: call.kind === 'oneToOne' && call.queue ? 'queued' : call.kind,
      name: callName(call),
      ...(call.kind === 'meeting' && joinedBy[call.id] && { joinedBy: joinedBy[call.id] }),
    })),
);

export const selectLiveCallNames = createSelector(selectLiveCallNotes, (calls) =>
  calls.map((call) => call.name),
);

/**
 * Once this tab takes calls again. Not before: a duplicated tab comes with a copy of the note (the
 * browser copies sessionStorage), and while the other tab holds the softphone, its calls are the
 * other tab's to tell of. (A reloaded page may find the lock still held for a moment, until the
 * browser has freed the old page's: it takes calls then, and tells.)
 */
const selectCallingHere = createSelector(
  agentFeature.selectStatus,
  softphoneFeature.selectPlace,
  (status, place) => status === 'ready' && place === 'here',
);

/** Per call live before the reload, what became of it, once the calling session is ready. */
export const selectBeforeReload = createSelector(
  selectCallingHere,
  reloadNoteFeature.selectBeforeReload,
  callsFeature.selectEntities,
  (ready, before, calls): { readonly id: string; readonly text: string }[] =>
    ready
      ? before.map((call) => {
          const subject =
            call.kind === 'meeting'
              ? 'Your Teams meeting'
              : call.kind === 'group'
                ? 'Your group call'
                : `Your call with ${call.name}`;
          return {
            id: call.id,
            text: `${subject} ${calls[call.id] ? 'is still up.' : 'ended when the page reloaded.'}`,
          };
        })
      : [],
);

/** A meeting that ended with the reload: the form it was joined by, to join it again. */
export const selectMeetingRejoin = createSelector(
  selectCallingHere,
  reloadNoteFeature.selectRejoin,
  callsFeature.selectEntities,
  (ready, rejoin, calls): JoinedBy | null =>
    ready && rejoin && !calls[rejoin.callId] ? rejoin.joinedBy : null,
);
