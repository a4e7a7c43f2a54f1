import type { Action } from '@ngrx/store';
import { targetRawId } from '../../calling/dial-target';
import { teamsUserTarget } from '../../model/dial-target';
import { CallingSdkEvents } from '../calling-sdk.actions';
import { participant } from '../testing/snapshots';
import { CallingApiActions } from '../calling-api.actions';
import { AddParticipantDialogActions } from './add-participant-dialog.actions';
import { selectAddParticipantDialogViewModel } from './add-participant-dialog.view-model';
import { ChatThreadsApiActions } from './chat-threads-api.actions';
import { participantAdditionsFeature } from './participant-additions.feature';

const drew = teamsUserTarget('drew', 'Drew Lee', 'public');

/** The dialog on call `c`, adding Drew, after the actions, through the real reducer. */
function dialogAfter(...actions: Action[]) {
  const participantAdditions = actions.reduce(
    participantAdditionsFeature.reducer,
    participantAdditionsFeature.reducer(undefined, { type: 'init' }),
  );
  return selectAddParticipantDialogViewModel('c', targetRawId(drew))({ participantAdditions });
}

describe('the Add participant dialog view-model', () => {
  const clicked = AddParticipantDialogActions.addClicked({ callId: 'c', target: drew });

  it('waits, saying who it is adding, until they ring, and is then done', () => {
    expect(dialogAfter()).toEqual({ adding: false, progress: null, failure: null, done: false });
    expect(dialogAfter(clicked)).toEqual({
      adding: true,
      progress: 'Adding Drew Lee…',
      failure: null,
      done: false,
    });
    const ready = ChatThreadsApiActions.participantThreadReady({
      callId: 'c',
      target: drew,
      createdThreadId: null,
      addedMembershipId: null,
    });
    expect(dialogAfter(clicked, ready).progress).toBe('Adding Drew Lee…');
    const ringing = dialogAfter(
      clicked,
      ready,
      CallingApiActions.participantAdded({ callId: 'c', target: drew }),
      CallingSdkEvents.participantsAdded({
        callId: 'c',
        participants: [participant('c', targetRawId(drew), { state: 'Ringing' })],
      }),
    );
    expect(ringing).toEqual({ adding: false, progress: null, failure: null, done: true });
  });

  it('says why adding them failed, and lets the agent try again', () => {
    const failure = { message: 'Drew Lee could not be added.', code: 403 };
    expect(
      dialogAfter(clicked, CallingApiActions.addParticipantFailed({ callId: 'c', target: drew, failure })),
    ).toEqual({ adding: false, progress: null, failure, done: false });
  });

  it('follows only its own call and participant', () => {
    const other = AddParticipantDialogActions.addClicked({ callId: 'other', target: drew });
    expect(dialogAfter(other).adding).toBeFalse();
    expect(
      selectAddParticipantDialogViewModel(
        'c',
        null,
      )({
        participantAdditions: [clicked].reduce(
          participantAdditionsFeature.reducer,
          participantAdditionsFeature.reducer(undefined, { type: 'init' }),
        ),
      }).adding,
    ).toBeFalse();
  });
});
