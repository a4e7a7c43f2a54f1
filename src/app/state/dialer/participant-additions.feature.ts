import { createEntityAdapter, type EntityState } from '@ngrx/entity';
import { createFeature, createReducer, createSelector, on } from '@ngrx/store';
import type { Failure } from '../../model/failure';
import { targetName, targetRawId } from '../../calling/dial-target';
import { describeUnansweredParticipant } from '../../calling/outbound-codes';
import { ShellActions } from '../agent/shell.actions';
import { CallingApiActions } from '../calling-api.actions';
import { AddParticipantDialogActions } from './add-participant-dialog.actions';
import { ChatThreadsApiActions } from './chat-threads-api.actions';
import { CallingSdkEvents } from '../calling-sdk.actions';
import { callsFeature } from '../calls/calls.feature';
import { participantKey } from '../participants/participants.feature';

/**
 * Someone the agent is adding to a call, followed until they connect (then they are simply in the
 * roster) or the adding fails, when it says why.
 */
export interface ParticipantAddition {
  readonly callId: string;
  /** The participant's raw id, as the roster knows them. */
  readonly participantId: string;
  readonly name: string;
  /** `preparing`: the call's chat; `adding`: `addParticipant`; `ringing`: in the roster, not yet connected. */
  readonly status: 'preparing' | 'adding' | 'ringing' | 'failed';
  readonly failure: Failure | null;
  /** Their membership of the call's chat, added for this call: undone if adding them fails. */
  readonly addedMembershipId: string | null;
  /** Order of the clicks, latest last. */
  readonly order: number;
}

/** An addition is keyed as the roster keys the participant it becomes. */
export const additionKey = participantKey;

const adapter = createEntityAdapter<ParticipantAddition>({
  selectId: (a) => additionKey(a.callId, a.participantId),
  sortComparer: (a, b) => a.order - b.order,
});

export interface ParticipantAdditionsState extends EntityState<ParticipantAddition> {
  readonly clicks: number;
  /** A change to a call's chat that failed after its participant had gone (removed, never added). */
  readonly chatFailure: Failure | null;
}

export const initialParticipantAdditionsState: ParticipantAdditionsState = adapter.getInitialState({
  clicks: 0,
  chatFailure: null,
});

function update(
  state: ParticipantAdditionsState,
  callId: string,
  participantId: string,
  changes: Partial<ParticipantAddition>,
): ParticipantAdditionsState {
  return adapter.updateOne({ id: additionKey(callId, participantId), changes }, state);
}

function keysOfCall(state: ParticipantAdditionsState, callId: string): string[] {
  return (state.ids as string[]).filter((key) => key.startsWith(`${callId}|`));
}

export const participantAdditionsFeature = createFeature({
  name: 'participantAdditions',
  reducer: createReducer(
    initialParticipantAdditionsState,
    on(AddParticipantDialogActions.addClicked, (state, { callId, target }) =>
      adapter.upsertOne(
        {
          callId,
          participantId: targetRawId(target),
          name: targetName(target),
          status: 'preparing',
          failure: null,
          addedMembershipId: null,
          order: state.clicks,
        },
        { ...state, clicks: state.clicks + 1, chatFailure: null },
      ),
    ),
    on(ChatThreadsApiActions.participantThreadReady, (state, { callId, target, addedMembershipId }) =>
      update(state, callId, targetRawId(target), { status: 'adding', addedMembershipId }),
    ),
    on(ChatThreadsApiActions.chatMemberRemoved, (state, { callId, participantId }) =>
      update(state, callId, participantId, { addedMembershipId: null }),
    ),
    on(ChatThreadsApiActions.chatMemberRemovalFailed, (state, { callId, participantId, failure }) => {
      const addition = state.entities[additionKey(callId, participantId)];
      if (!addition) return { ...state, chatFailure: failure };
      return update(state, callId, participantId, {
        addedMembershipId: null,
        failure: addition.failure
          ? { ...addition.failure, message: `${addition.failure.message} ${failure.message}` }
          : failure,
      });
    }),
    on(
      ChatThreadsApiActions.participantThreadFailed,
      CallingApiActions.addParticipantFailed,
      (state, { callId, target, failure }) =>
        update(state, callId, targetRawId(target), { status: 'failed', failure }),
    ),
    on(CallingApiActions.participantAdded, (state, { callId, target }) =>
      update(state, callId, targetRawId(target), { status: 'ringing' }),
    ),
    // Every coalesced batch of roster changes comes here (a speaker storm): nothing to do unless adding.
    on(CallingSdkEvents.participantsChanged, (state, { changes }) =>
      state.ids.length === 0
        ? state
        : adapter.removeMany(
            changes
              .filter((c) => c.changes.state === 'Connected')
              .map((c) => additionKey(c.callId, c.participantId))
              .filter((key) => state.entities[key]?.status === 'ringing'),
            state,
          ),
    ),
    on(CallingSdkEvents.participantsAdded, (state, { callId, participants }) =>
      adapter.removeMany(
        participants
          .filter((p) => p.state === 'Connected')
          .map((p) => additionKey(callId, p.participantId))
          .filter((key) => state.entities[key]?.status === 'ringing'),
        state,
      ),
    ),
    on(CallingSdkEvents.participantRemoved, (state, { callId, participantId, callEndReason }) => {
      const addition = state.entities[additionKey(callId, participantId)];
      if (addition?.status !== 'ringing') return state;
      return update(state, callId, participantId, {
        status: 'failed',
        failure: describeUnansweredParticipant(addition.name, callEndReason),
      });
    }),
    on(CallingSdkEvents.callIdChanged, (state, { previousId, id }) => {
      const moved = keysOfCall(state, previousId).map((key) => ({ ...state.entities[key]!, callId: id }));
      return adapter.addMany(moved, adapter.removeMany(keysOfCall(state, previousId), state));
    }),
    on(CallingSdkEvents.callEnded, (state, { id }) => adapter.removeMany(keysOfCall(state, id), state)),
    on(ShellActions.signOutClicked, () => initialParticipantAdditionsState),
  ),
  extraSelectors: ({ selectParticipantAdditionsState }) => ({
    selectAllAdditions: adapter.getSelectors(selectParticipantAdditionsState).selectAll,
    selectChatFailure: createSelector(selectParticipantAdditionsState, (state) => state.chatFailure),
  }),
});

const NONE: readonly ParticipantAddition[] = [];

/** The additions to the call the agent is on, oldest first: who is being added, and what failed. */
export const selectActiveCallAdditions = createSelector(
  callsFeature.selectActiveCall,
  participantAdditionsFeature.selectAllAdditions,
  (call, additions): readonly ParticipantAddition[] =>
    call ? additions.filter((a) => a.callId === call.id) : NONE,
);
