import { createFeature, createReducer, createSelector, on } from '@ngrx/store';
import type { Failure } from '../../model/failure';
import type { MeetingLocatorKind } from '../../calling/meeting-locator';
import { describeUnjoinedMeeting } from '../../calling/outbound-codes';
import { ShellActions } from '../agent/shell.actions';
import { CallingApiActions } from '../calling-api.actions';
import { CallSwitchActions } from '../calls/call-switch.actions';
import { MeetingJoinFormActions } from './meeting-join-form.actions';
import { CallingSdkEvents } from '../calling-sdk.actions';
import { callsFeature } from '../calls/calls.feature';

/**
 * Joining a Teams meeting. Only how the meeting was named is kept (link, coordinates, ID and
 * passcode), never the locator itself: that stays out of the store (docs/architecture.md, secrets).
 */
export interface MeetingJoinState {
  readonly joining: MeetingLocatorKind | null;
  /** `join()` is running: the call it adds is the meeting joined. */
  readonly starting: boolean;
  /** The meeting call joined, followed until it connects (it may wait in the lobby) or ends. */
  readonly joined: { readonly callId: string; readonly kind: MeetingLocatorKind } | null;
  /** The meeting let the agent in (its lobby, or the meeting itself): what was typed can go. */
  readonly entered: boolean;
  readonly failure: Failure | null;
}

export const initialMeetingJoinState: MeetingJoinState = {
  joining: null,
  starting: false,
  joined: null,
  entered: false,
  failure: null,
};

export const meetingJoinFeature = createFeature({
  name: 'meetingJoin',
  reducer: createReducer(
    initialMeetingJoinState,
    on(MeetingJoinFormActions.joinClicked, (_, { kind }): MeetingJoinState => ({
      ...initialMeetingJoinState,
      joining: kind,
    })),
    on(CallSwitchActions.joiningMeeting, (state): MeetingJoinState => ({ ...state, starting: true })),
    // The call `join` returns is announced before the line reports it joined, and may end (no such
    // meeting) before that report too: follow it from its announcement.
    on(CallingSdkEvents.callAdded, (state, { call }): MeetingJoinState =>
      state.starting && state.joining && !state.joined
        ? { ...state, joined: { callId: call.id, kind: state.joining } }
        : state,
    ),
    on(CallingApiActions.meetingJoined, (state): MeetingJoinState => ({
      ...state,
      joining: null,
      starting: false,
    })),
    on(CallingApiActions.joinMeetingFailed, (_, { failure }): MeetingJoinState => ({
      ...initialMeetingJoinState,
      failure,
    })),
    on(CallingSdkEvents.callIdChanged, (state, { previousId, id }): MeetingJoinState =>
      state.joined?.callId === previousId ? { ...state, joined: { ...state.joined, callId: id } } : state,
    ),
    on(CallingSdkEvents.callStateChanged, (state, { id, state: callState }): MeetingJoinState => {
      if (state.joined?.callId !== id) return state;
      if (callState === 'Connected') return { ...state, joined: null, entered: true };
      return callState === 'InLobby' ? { ...state, entered: true } : state;
    }),
    on(CallingSdkEvents.callEnded, (state, { id, callEndReason }): MeetingJoinState =>
      state.joined?.callId === id
        ? {
            ...state,
            joining: null,
            starting: false,
            joined: null,
            failure: describeUnjoinedMeeting(callEndReason),
          }
        : state,
    ),
    on(ShellActions.signOutClicked, (): MeetingJoinState => initialMeetingJoinState),
  ),
  extraSelectors: ({ selectJoining, selectJoined }) => ({
    /** Where the join is, in words: "Joining …", "Waiting in the lobby", or null once in (or idle). */
    selectJoinProgress: createSelector(
      selectJoining,
      selectJoined,
      callsFeature.selectEntities,
      (joining, joined, calls): string | null => {
        if (!joining && !joined) return null;
        return joined && calls[joined.callId]?.state === 'InLobby'
          ? 'Waiting in the lobby: someone in the meeting will let you in.'
          : 'Joining the Teams meeting…';
      },
    ),
  }),
});
