import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatDialog } from '@angular/material/dialog';
import { ActionsSubject, Store, type Action } from '@ngrx/store';
import { firstValueFrom } from 'rxjs';
import { phoneNumberTarget, teamsUserTarget } from '../../model/dial-target';
import { formatPhoneNumberAsTyped } from '../../calling/phone-number';
import { CallingApiActions } from '../../state/calling-api.actions';
import { AddParticipantDialogActions } from '../../state/dialer/add-participant-dialog.actions';
import { ChatThreadsApiActions } from '../../state/dialer/chat-threads-api.actions';
import { DirectoryApiActions } from '../../state/dialer/directory-api.actions';
import { provideTestState } from '../../state/testing/provide-test-state';
import { AddParticipantDialogComponent } from './add-participant-dialog.component';
import { AddParticipantDialogHarness } from './add-participant-dialog.harness';

/** A number as the dialer makes it a target: E.164, shown grouped. */
const phone = (e164: string) => phoneNumberTarget(e164, formatPhoneNumberAsTyped(e164));

@Component({ template: '' })
class Host {}

const CASEY = {
  id: '00000000-0000-4000-8000-00000000a003',
  displayName: 'Casey Novak',
  userPrincipalName: null,
};

describe('AddParticipantDialogComponent', () => {
  async function open() {
    TestBed.configureTestingModule({ providers: provideTestState() });
    const fixture = TestBed.createComponent(Host);
    const store = TestBed.inject(Store);
    const dispatched: Action[] = [];
    TestBed.inject(ActionsSubject).subscribe((action) => dispatched.push(action));
    const ref = TestBed.inject(MatDialog).open(AddParticipantDialogComponent, { data: { callId: 'c1' } });
    const closed = firstValueFrom(ref.afterClosed());
    const dialog =
      await TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(AddParticipantDialogHarness);
    return { store, dispatched, dialog, ref, closed };
  }

  it('adds a phone number to the call, and closes once they ring', async () => {
    const { store, dispatched, dialog, closed } = await open();
    await dialog.type('+14255550123');
    expect(await dialog.getText()).toBe('+1 425 555 0123');
    await dialog.add();
    const target = phone('+14255550123');
    expect(dispatched).toContain(AddParticipantDialogActions.addClicked({ callId: 'c1', target }));
    expect(await dialog.getStatus()).toBe('Adding +1 425 555 0123…');
    expect(await dialog.canAdd()).toBeFalse();
    store.dispatch(
      ChatThreadsApiActions.participantThreadReady({
        callId: 'c1',
        target,
        createdThreadId: '19:chat@thread.v2',
        addedMembershipId: null,
      }),
    );
    store.dispatch(CallingApiActions.participantAdded({ callId: 'c1', target }));
    expect(await closed).toBeTrue();
  });

  it('adds a Teams user picked from the suggestions', async () => {
    const { store, dispatched, dialog } = await open();
    await dialog.type('Cas');
    store.dispatch(DirectoryApiActions.peopleFound({ text: 'Cas', people: [CASEY] }));
    await dialog.pickSuggestion('Casey Novak');
    expect(dispatched).toContain(
      AddParticipantDialogActions.addClicked({
        callId: 'c1',
        target: teamsUserTarget(CASEY.id, 'Casey Novak', 'public'),
      }),
    );
  });

  it('says what is wrong with what was typed, and why adding failed', async () => {
    const { store, dialog } = await open();
    await dialog.type('0044 20');
    await dialog.pressEnter();
    expect(await dialog.getProblem()).toBe('Write the international prefix 00 as +: +4420.');
    await dialog.type('+14255550123');
    await dialog.add();
    store.dispatch(
      CallingApiActions.addParticipantFailed({
        callId: 'c1',
        target: phone('+14255550123'),
        failure: { message: 'Adding the participant failed: no.', code: 400, subCode: 49008 },
      }),
    );
    expect(await dialog.getFailure()).toBe('Adding the participant failed: no. (code 400/49008)');
    expect(await dialog.canAdd()).toBeTrue();
  });
});
