import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { ActionsSubject, type Action } from '@ngrx/store';
import { MeetingJoinFormActions } from '../../state/meeting-join/meeting-join-form.actions';
import { startEmulatedConsole } from '../../state/testing/emulated-console';
import { BAD_INPUT, enterText, type BadEntry } from '../testing/bad-input';
import { MeetingJoinPanelComponent } from './meeting-join-panel.component';
import { MeetingJoinPanelHarness } from './meeting-join-panel.harness';

const MEETING_ID = '123 456 789 012';
const PASSCODE = 'aB3dE6';

describe('MeetingJoinPanelComponent and the bad-input corpus (test-corpus/console-inputs.json)', () => {
  /** Alex's join form on the in-memory emulator, and every action it dispatched. */
  async function form() {
    const app = await startEmulatedConsole('alex');
    const dispatched: Action[] = [];
    TestBed.inject(ActionsSubject).subscribe((action) => dispatched.push(action));
    const fixture = TestBed.createComponent(MeetingJoinPanelComponent);
    const loader = TestbedHarnessEnvironment.loader(fixture);
    const panel = await TestbedHarnessEnvironment.harnessForFixture(fixture, MeetingJoinPanelHarness);
    const field = async (label: string) => {
      const harness = await loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));
      return await (await harness.getControl(MatInputHarness))!.host();
    };
    /** Fills the fields, joins, and gives what each field says is wrong. */
    const join = async (tab: string, values: Record<string, string>) => {
      await panel.choose(tab);
      for (const [label, text] of Object.entries(values)) await enterText(await field(label), text);
      await panel.join();
      await app.settle();
      return panel.getErrors();
    };
    const nothingJoined = () => {
      expect(dispatched.filter((a) => a.type === MeetingJoinFormActions.joinClicked.type)).toEqual([]);
      // The calling service was asked for nothing: the world holds no call.
      expect(app.emulator.world.snapshot().calls).toEqual([]);
    };
    return { join, nothingJoined };
  }

  const cases: [
    string,
    readonly BadEntry[],
    (entry: BadEntry) => [string, Record<string, string>, string],
  ][] = [
    ['meeting link', BAD_INPUT.meetingLinks, (e) => ['Link', { 'Meeting link': e.text }, 'Meeting link']],
    [
      'meeting ID',
      BAD_INPUT.meetingIds,
      (e) => ['Meeting ID', { 'Meeting ID': e.text, Passcode: PASSCODE }, 'Meeting ID'],
    ],
    [
      'passcode',
      BAD_INPUT.passcodes,
      (e) => ['Meeting ID', { 'Meeting ID': MEETING_ID, Passcode: e.text }, 'Passcode'],
    ],
  ];
  for (const [kind, list, fill] of cases) {
    it(`says what is wrong with each bad ${kind} under its field, and joins nothing`, async () => {
      const { join, nothingJoined } = await form();
      for (const entry of list) {
        const [tab, values, label] = fill(entry);
        expect(await join(tab, values))
          .withContext(entry.what)
          .toEqual({ [label]: [entry.message] });
      }
      nothingJoined();
    });
  }
});
