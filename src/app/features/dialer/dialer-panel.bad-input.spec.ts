import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatChipInputHarness } from '@angular/material/chips/testing';
import { ActionsSubject, type Action } from '@ngrx/store';
import { DialerActions } from '../../state/dialer/dialer.actions';
import { BAD_INPUT, enterText } from '../testing/bad-input';
import { startDialingConsole } from '../testing/dialing-console';
import { DialerPanelComponent } from './dialer-panel.component';
import { DialerPanelHarness } from './dialer-panel.harness';

describe('DialerPanelComponent and the bad-input corpus (test-corpus/console-inputs.json)', () => {
  /** Alex's dialer on the in-memory emulator, and every action it dispatched. */
  async function dialer() {
    const app = await startDialingConsole('alex');
    const dispatched: Action[] = [];
    TestBed.inject(ActionsSubject).subscribe((action) => dispatched.push(action));
    const fixture = TestBed.createComponent(DialerPanelComponent);
    const loader = TestbedHarnessEnvironment.loader(fixture);
    const panel = await TestbedHarnessEnvironment.harnessForFixture(fixture, DialerPanelHarness);
    const input = await (await loader.getHarness(MatChipInputHarness)).host();
    return { app, panel, input, dispatched };
  }

  for (const [kind, list] of [
    ['phone number', BAD_INPUT.phoneNumbers],
    ['Teams user id', BAD_INPUT.teamsUserIds],
  ] as const) {
    it(`says what is wrong with each bad ${kind} under the input, and places no call`, async () => {
      const { app, panel, input, dispatched } = await dialer();
      for (const entry of list) {
        await enterText(input, entry.text);
        await panel.call();
        await app.settle();
        expect(await panel.getProblem())
          .withContext(entry.what)
          .toBe(entry.message);
        expect(await panel.getTargets())
          .withContext(entry.what)
          .toEqual([]);
      }
      const placed = [DialerActions.callClicked.type, DialerActions.groupCallClicked.type] as string[];
      expect(dispatched.filter((a) => placed.includes(a.type))).toEqual([]);
      // The calling service was asked for nothing: the world holds no call.
      expect(app.emulator.world.snapshot().calls).toEqual([]);
    });
  }
});
