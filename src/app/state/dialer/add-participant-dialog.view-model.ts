import { createSelector } from '@ngrx/store';
import type { Failure } from '../../model/failure';
import { additionKey, participantAdditionsFeature } from './participant-additions.feature';

/** The Add participant dialog, following the one addition it made (if any). */
export interface AddParticipantDialogViewModel {
  /** The chat or `addParticipant` is under way: Add waits. */
  readonly adding: boolean;
  /** "Adding Drew Lee…" while it is under way. */
  readonly progress: string | null;
  readonly failure: Failure | null;
  /** They ring: the roster follows them now, and the dialog's work is done. */
  readonly done: boolean;
}

const IDLE: AddParticipantDialogViewModel = { adding: false, progress: null, failure: null, done: false };

/**
 * The dialog adding someone to a call, from the additions under way: `participantId` is the raw id
 * of the one it is adding, null before Add is clicked.
 */
export function addParticipantDialogViewModel(
  additions: ReturnType<typeof participantAdditionsFeature.selectEntities>,
  callId: string,
  participantId: string | null,
): AddParticipantDialogViewModel {
  const addition = participantId === null ? undefined : additions[additionKey(callId, participantId)];
  if (!addition) return IDLE;
  const adding = addition.status === 'preparing' || addition.status === 'adding';
  return {
    adding,
    progress: adding ? `Adding ${addition.name}…` : null,
    failure: addition.failure,
    done: addition.status === 'ringing',
  };
}

export const selectAddParticipantDialogViewModel = (callId: string, participantId: string | null) =>
  createSelector(participantAdditionsFeature.selectEntities, (additions) =>
    addParticipantDialogViewModel(additions, callId, participantId),
  );
