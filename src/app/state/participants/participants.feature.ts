import { createEntityAdapter, type EntityState, type Update } from '@ngrx/entity';
import { createFeature, createReducer, createSelector, on } from '@ngrx/store';
import type { Failure } from '../../model/failure';
import type { ParticipantSnapshot } from '../../model/snapshots';
import { ShellActions } from '../agent/shell.actions';
import { SoftphoneActions } from '../agent/softphone.actions';
import { CallingApiActions, type ParticipantOperation } from '../calling-api.actions';
import { DirectoryApiActions } from '../dialer/directory-api.actions';
import { RosterActions } from './roster.actions';
import { CallingSdkEvents } from '../calling-sdk.actions';
import { callsFeature } from '../calls/calls.feature';

export interface ParticipantEntry extends ParticipantSnapshot {
  /** What the agent asked of this participant (Mute, Remove) and has not heard back about. */
  readonly pending: ParticipantOperation | null;
  readonly failure: (Failure & { readonly operation: ParticipantOperation }) | null;
}

/** Participants of every call, keyed by (call id, participant raw id): rosters can be large. */
export const participantKey = (callId: string, participantId: string): string => `${callId}|${participantId}`;

export const participantsAdapter = createEntityAdapter<ParticipantEntry>({
  selectId: (p) => participantKey(p.callId, p.participantId),
});

export type ParticipantsState = EntityState<ParticipantEntry>;
export const initialParticipantsState: ParticipantsState = participantsAdapter.getInitialState();

function keysOfCall(state: ParticipantsState, callId: string): string[] {
  const prefix = `${callId}|`;
  return (state.ids as string[]).filter((key) => key.startsWith(prefix));
}

function updateParticipant(
  state: ParticipantsState,
  callId: string,
  participantId: string,
  changes: Partial<ParticipantEntry>,
): ParticipantsState {
  return participantsAdapter.updateOne({ id: participantKey(callId, participantId), changes }, state);
}

/** An operation that ends clears `pending` only if it is still the one pending (Mute, then Remove). */
function endOperation(
  state: ParticipantsState,
  callId: string,
  participantId: string,
  operation: ParticipantOperation,
): Partial<ParticipantEntry> {
  return state.entities[participantKey(callId, participantId)]?.pending === operation
    ? { pending: null }
    : {};
}

export const participantsFeature = createFeature({
  name: 'participants',
  reducer: createReducer(
    initialParticipantsState,
    on(CallingSdkEvents.participantsAdded, (state, { participants }) =>
      participantsAdapter.upsertMany(
        participants.map((participant) => ({ ...participant, pending: null, failure: null })),
        state,
      ),
    ),
    on(CallingSdkEvents.participantsChanged, (state, { changes }) => {
      // Changes to participants who already left are dropped by updateMany (no such entity).
      const updates: Update<ParticipantEntry>[] = changes.map(
        ({ callId, participantId, changes: patch }) => ({
          id: participantKey(callId, participantId),
          changes: patch,
        }),
      );
      return participantsAdapter.updateMany(updates, state);
    }),
    on(CallingSdkEvents.participantRemoved, (state, { callId, participantId }) =>
      participantsAdapter.removeOne(participantKey(callId, participantId), state),
    ),
    on(CallingSdkEvents.callEnded, (state, { id }) =>
      participantsAdapter.removeMany(keysOfCall(state, id), state),
    ),
    on(CallingSdkEvents.callIdChanged, (state, { previousId, id }) => {
      const moved = keysOfCall(state, previousId).map((key) => ({ ...state.entities[key]!, callId: id }));
      return participantsAdapter.addMany(
        moved,
        participantsAdapter.removeMany(keysOfCall(state, previousId), state),
      );
    }),
    on(RosterActions.muteClicked, (state, { callId, participantId }) =>
      updateParticipant(state, callId, participantId, { pending: 'muteParticipant', failure: null }),
    ),
    on(RosterActions.removeClicked, (state, { callId, participantId }) =>
      updateParticipant(state, callId, participantId, { pending: 'removeParticipant', failure: null }),
    ),
    on(CallingApiActions.participantOperationSucceeded, (state, { callId, participantId, operation }) =>
      updateParticipant(state, callId, participantId, endOperation(state, callId, participantId, operation)),
    ),
    on(CallingApiActions.participantOperationFailed, (state, { callId, participantId, operation, failure }) =>
      updateParticipant(state, callId, participantId, {
        ...endOperation(state, callId, participantId, operation),
        failure: { ...failure, operation },
      }),
    ),
    on(DirectoryApiActions.participantNamed, (state, { participantId, displayName }) =>
      participantsAdapter.updateMany(
        Object.values(state.entities)
          .filter((p) => p?.participantId === participantId && !p.displayName)
          .map((p) => ({ id: participantKey(p!.callId, participantId), changes: { displayName } })),
        state,
      ),
    ),
    on(ShellActions.signOutClicked, SoftphoneActions.released, () => initialParticipantsState),
  ),
  extraSelectors: ({ selectParticipantsState }) => ({
    selectAllParticipants: participantsAdapter.getSelectors(selectParticipantsState).selectAll,
  }),
});

const NOBODY: readonly ParticipantEntry[] = [];

/** The roster of the call the agent is on, in the order participants joined. */
export const selectActiveCallParticipants = createSelector(
  callsFeature.selectActiveCall,
  participantsFeature.selectAllParticipants,
  (call, participants): readonly ParticipantEntry[] =>
    call ? participants.filter((participant) => participant.callId === call.id) : NOBODY,
);
