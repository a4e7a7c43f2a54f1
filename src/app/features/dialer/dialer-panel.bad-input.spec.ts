import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatChipInputHarness } from '@angular/material/chips/testing';
import { ActionsSubject, type Action } from '@ngrx/store';
import { VirtualTimeScheduler } from 'rxjs';
import { inProcessGraph } from '../../graph/testing/in-process-graph';
import { DialerActions } from '../../state/dialer/dialer.actions';
import { DIRECTORY_SEARCH_SCHEDULER } from '../../state/dialer/outbound-time';
import { startEmulatedConsole } from '../../state/testing/emulated-console';
import { BAD_INPUT, enterText } from '../testing/bad-input';
import { DialerPanelComponent } from './dialer-panel.component';
import { DialerPanelHarness } from './dialer-panel.harness';

describe('DialerPanelComponent and the bad-input corpus (test-corpus/console-inputs.json)', () => {
  /** Alex's dialer on the in-memory emulator, and every action it dispatched. */
  async function dialer() {
    const graph = inProcessGraph();
    const app = await startEmulatedConsole('alex', {
      providers: [
        graph.provider,
        { provide: DIRECTORY_SEARCH_SCHEDULER, useValue: new VirtualTimeScheduler() },
      ],
      beforeSignIn: (emulator) => graph.attach(emulator.world, 'alex'),
    });
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
