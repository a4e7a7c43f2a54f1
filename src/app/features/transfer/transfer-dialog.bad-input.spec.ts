import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatChipInputHarness } from '@angular/material/chips/testing';
import { MatDialog } from '@angular/material/dialog';
import { ActionsSubject, type Action } from '@ngrx/store';
import { provideTestState } from '../../state/testing/provide-test-state';
import { BAD_INPUT, enterText } from '../testing/bad-input';
import { TransferDialogComponent, type TransferDialogData } from './transfer-dialog.component';
import { TransferDialogHarness } from './transfer-dialog.harness';

@Component({ template: '' })
class Host {}

describe('TransferDialogComponent and the bad-input corpus (test-corpus/console-inputs.json)', () => {
  async function open() {
    TestBed.configureTestingModule({ providers: provideTestState() });
    const fixture = TestBed.createComponent(Host);
    const dispatched: Action[] = [];
    TestBed.inject(ActionsSubject).subscribe((action) => dispatched.push(action));
    TestBed.inject(MatDialog).open(TransferDialogComponent, {
      data: { callId: 'c1', callerName: 'Robin Park', queue: null } satisfies TransferDialogData,
    });
    const loader = TestbedHarnessEnvironment.documentRootLoader(fixture);
    const dialog = await loader.getHarness(TransferDialogHarness);
    const input = await (await loader.getHarness(MatChipInputHarness)).host();
    const sent = () => dispatched.filter((a) => a.type.startsWith('[Transfer Dialog]'));
    return { dialog, input, sent };
  }

  for (const [kind, list] of [
    ['phone number', BAD_INPUT.phoneNumbers],
    ['Teams user id', BAD_INPUT.teamsUserIds],
  ] as const) {
    it(`says what is wrong with each bad ${kind}, for Transfer now and Consult first, and sends nothing`, async () => {
      const { dialog, input, sent } = await open();
      for (const entry of list) {
        for (const button of ['Transfer now', 'Consult first'] as const) {
          await enterText(input, entry.text);
          await dialog.click(button);
          expect(await dialog.getProblem())
            .withContext(`${entry.what}, ${button}`)
            .toBe(entry.message);
          expect(await dialog.getChips())
            .withContext(entry.what)
            .toEqual([]);
        }
      }
      expect(sent()).toEqual([]);
    });
  }
});
