import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatDialog } from '@angular/material/dialog';
import { ActionsSubject, Store, type Action } from '@ngrx/store';
import { firstValueFrom } from 'rxjs';
import { formatPhoneNumberAsTyped } from '../../calling/phone-number';
import { phoneNumberTarget, teamsUserTarget } from '../../model/dial-target';
import { DirectoryApiActions } from '../../state/dialer/directory-api.actions';
import { EscalationDialogActions } from '../../state/escalation/escalation-dialog.actions';
import { provideTestState } from '../../state/testing/provide-test-state';
import { EscalationDialogComponent, type EscalationDialogData } from './escalation-dialog.component';
import { EscalationDialogHarness } from './escalation-dialog.harness';

@Component({ template: '' })
class Host {}

const SAM = {
  id: '00000000-0000-4000-8000-000000005001',
  displayName: 'Sam Okafor',
  userPrincipalName: null,
};
const RILEY = {
  id: '00000000-0000-4000-8000-00000000b001',
  displayName: 'Riley Brooks',
  userPrincipalName: null,
};

describe('EscalationDialogComponent', () => {
  async function open(title: EscalationDialogData['title'] = 'Escalate the call') {
    TestBed.configureTestingModule({ providers: provideTestState() });
    const fixture = TestBed.createComponent(Host);
    const store = TestBed.inject(Store);
    const dispatched: Action[] = [];
    TestBed.inject(ActionsSubject).subscribe((action) => dispatched.push(action));
    const ref = TestBed.inject(MatDialog).open(EscalationDialogComponent, {
      data: { callId: 'c1', title } satisfies EscalationDialogData,
    });
    const closed = firstValueFrom(ref.afterClosed());
    const dialog =
      await TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(EscalationDialogHarness);
    const confirmed = () => dispatched.filter((a) => a.type === EscalationDialogActions.confirmClicked.type);
    return { store, dialog, closed, confirmed };
  }

  it('brings Teams users from the directory and typed numbers in with one Confirm', async () => {
    const { store, dialog, closed, confirmed } = await open();
    expect(await dialog.getTitle()).toBe('Escalate the call');
    await dialog.type('Sam');
    store.dispatch(DirectoryApiActions.peopleFound({ text: 'Sam', people: [SAM] }));
    await dialog.pickSuggestion('Sam Okafor');
    await dialog.type('+14255550123');
    await dialog.pressEnter();
    await dialog.type('Ril');
    store.dispatch(DirectoryApiActions.peopleFound({ text: 'Ril', people: [RILEY] }));
    await dialog.pickSuggestion('Riley Brooks');
    expect(await dialog.getChips()).toEqual(['Sam Okafor', '+1 425 555 0123', 'Riley Brooks']);
    await dialog.removeChip('Riley Brooks');
    expect(confirmed()).toEqual([]);
    await dialog.confirm();
    expect(confirmed()).toEqual([
      EscalationDialogActions.confirmClicked({
        callId: 'c1',
        targets: [
          teamsUserTarget(SAM.id, 'Sam Okafor', 'public'),
          phoneNumberTarget('+14255550123', formatPhoneNumberAsTyped('+14255550123')),
        ],
      }),
    ]);
    expect(await closed).toBeTrue();
  });

  it('adds what is still typed when Confirm is clicked', async () => {
    const { dialog, confirmed } = await open();
    await dialog.type('+14255550123');
    await dialog.confirm();
    expect(confirmed().length).toBe(1);
  });

  it('says what is wrong where the agent typed, and adds nobody', async () => {
    const { store, dialog, confirmed } = await open();
    await dialog.confirm();
    expect(await dialog.getProblem()).toBe('Pick someone from the directory or type a phone number first.');
    await dialog.type('+1 425');
    await dialog.pressEnter();
    expect(await dialog.getProblem()).toMatch(/number/i);
    expect(await dialog.getChips()).toEqual([]);
    await dialog.type('Nobody Here');
    store.dispatch(DirectoryApiActions.peopleFound({ text: 'Nobody Here', people: [] }));
    await dialog.confirm();
    expect(await dialog.getProblem()).toContain('Nobody in the directory is called “Nobody Here”');
    expect(confirmed()).toEqual([]);
  });

  it('closes without adding anyone on Cancel', async () => {
    const { dialog, closed, confirmed } = await open('Add people to the call');
    expect(await dialog.getTitle()).toBe('Add people to the call');
    await dialog.type('+14255550123');
    await dialog.pressEnter();
    await dialog.cancel();
    expect(await closed).not.toBeTrue();
    expect(confirmed()).toEqual([]);
  });
});
