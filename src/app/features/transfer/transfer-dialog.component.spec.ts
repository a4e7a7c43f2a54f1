import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatDialog } from '@angular/material/dialog';
import { ActionsSubject, Store, type Action } from '@ngrx/store';
import { firstValueFrom } from 'rxjs';
import { formatPhoneNumberAsTyped } from '../../calling/phone-number';
import { phoneNumberTarget, teamsUserTarget } from '../../model/dial-target';
import { DirectoryApiActions } from '../../state/dialer/directory-api.actions';
import { TransferDialogActions } from '../../state/transfer/transfer-dialog.actions';
import { provideTestState } from '../../state/testing/provide-test-state';
import { TransferDialogComponent, type TransferDialogData } from './transfer-dialog.component';
import { TransferDialogHarness } from './transfer-dialog.harness';

@Component({ template: '' })
class Host {}

const BLAKE = {
  id: '00000000-0000-4000-8000-00000000b002',
  displayName: 'Blake Chen',
  userPrincipalName: null,
};
const BILLING = { name: 'Billing', resourceAccount: '28:orgid:00000000-0000-4000-8000-00000000c001' };

describe('TransferDialogComponent', () => {
  async function open(queue: TransferDialogData['queue'] = null) {
    TestBed.configureTestingModule({ providers: provideTestState() });
    const fixture = TestBed.createComponent(Host);
    const store = TestBed.inject(Store);
    const dispatched: Action[] = [];
    TestBed.inject(ActionsSubject).subscribe((action) => dispatched.push(action));
    const ref = TestBed.inject(MatDialog).open(TransferDialogComponent, {
      data: { callId: 'c1', callerName: 'Robin Park', queue } satisfies TransferDialogData,
    });
    const closed = firstValueFrom(ref.afterClosed());
    const dialog =
      await TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(TransferDialogHarness);
    const sent = () => dispatched.filter((a) => a.type.startsWith('[Transfer Dialog]'));
    return { store, dialog, closed, sent };
  }

  it('transfers to a Teams user from the directory now', async () => {
    const { store, dialog, closed, sent } = await open();
    expect(await dialog.getTitle()).toBe('Transfer the call');
    expect(await dialog.getDestinations()).toEqual([]);
    await dialog.type('Bla');
    store.dispatch(DirectoryApiActions.peopleFound({ text: 'Bla', people: [BLAKE] }));
    await dialog.pickSuggestion('Blake Chen');
    expect(await dialog.getChips()).toEqual(['Blake Chen']);
    await dialog.click('Transfer now');
    expect(sent()).toEqual([
      TransferDialogActions.transferNowClicked({
        callId: 'c1',
        callerName: 'Robin Park',
        destination: { kind: 'participant', target: teamsUserTarget(BLAKE.id, 'Blake Chen', 'public') },
      }),
    ]);
    expect(await closed).toBeTrue();
  });

  it('consults a typed number first', async () => {
    const { dialog, sent } = await open();
    await dialog.type('+14255550123');
    await dialog.click('Consult first');
    expect(sent()).toEqual([
      TransferDialogActions.consultFirstClicked({
        callId: 'c1',
        callerName: 'Robin Park',
        target: phoneNumberTarget('+14255550123', formatPhoneNumberAsTyped('+14255550123')),
      }),
    ]);
  });

  it('picking another person replaces the first: a call goes to one place', async () => {
    const { store, dialog } = await open();
    await dialog.type('+14255550123');
    await dialog.pressEnter();
    await dialog.type('Bla');
    store.dispatch(DirectoryApiActions.peopleFound({ text: 'Bla', people: [BLAKE] }));
    await dialog.pickSuggestion('Blake Chen');
    expect(await dialog.getChips()).toEqual(['Blake Chen']);
  });

  it('says what is missing instead of transferring to nobody', async () => {
    const { dialog, sent } = await open();
    await dialog.click('Transfer now');
    expect(await dialog.getProblem()).toBe('Pick someone from the directory or type a phone number first.');
    await dialog.type('+1');
    await dialog.click('Consult first');
    expect(await dialog.getProblem()).not.toBeNull();
    expect(sent()).toEqual([]);
  });

  it('sends a queue call back to its queue; a queue cannot be consulted', async () => {
    const { dialog, sent } = await open(BILLING);
    expect(await dialog.getDestinations()).toEqual(['A person or a number', 'Back to the Billing queue']);
    await dialog.chooseDestination('Back to the Billing queue');
    expect(await dialog.isEnabled('Consult first')).toBeFalse();
    await dialog.click('Transfer now');
    expect(sent()).toEqual([
      TransferDialogActions.transferNowClicked({
        callId: 'c1',
        callerName: 'Robin Park',
        destination: { kind: 'queue', ...BILLING },
      }),
    ]);
  });
});
