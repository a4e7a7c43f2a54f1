import { signal } from '@angular/core';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { ActionsSubject, provideState, Store, type Action } from '@ngrx/store';
import type { CallHistoryEntry } from '../../core/call-history-db';
import { robinsCall } from '../../core/testing/call-history-entries';
import { CallHistoryStorageActions } from '../../state/history/call-history-storage.actions';
import { HistoryPageActions } from '../../state/history/history-page.actions';
import { historyFeature } from '../../state/history/history.feature';
import { provideTestState } from '../../state/testing/provide-test-state';
import { HISTORY_DOWNLOAD } from './history-download';
import { HistoryPageComponent } from './history-page.component';
import { HistoryPageHarness } from './history-page.harness';

const ENDED = new Date(2026, 11, 7, 9, 5).getTime();

const entry = (id: string, changes: Partial<CallHistoryEntry> = {}) =>
  robinsCall(id, ENDED, {
    startedAt: ENDED - 300_000,
    answeredAt: ENDED - 290_000,
    talkMs: 230_000,
    holdMs: 60_000,
    wrapUp: 'Resolved',
    notes: 'Refund issued.',
    ...changes,
  });

describe('HistoryPageComponent', () => {
  async function setUp() {
    const saved: { fileName: string; text: string }[] = [];
    TestBed.configureTestingModule({
      providers: [
        ...provideTestState(signal(new Date(2026, 11, 7, 17, 0).getTime())),
        provideState(historyFeature),
        // The dialog closes at once, not at the end of a transition headless Chromium may not run.
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        {
          provide: HISTORY_DOWNLOAD,
          useValue: (fileName: string, text: string) => saved.push({ fileName, text }),
        },
      ],
    });
    const dispatched: Action[] = [];
    TestBed.inject(ActionsSubject).subscribe((action: Action) => dispatched.push(action));
    const fixture = TestBed.createComponent(HistoryPageComponent);
    const page = await TestbedHarnessEnvironment.harnessForFixture(fixture, HistoryPageHarness);
    const documentRoot = TestbedHarnessEnvironment.documentRootLoader(fixture);
    const store = TestBed.inject(Store);
    return { page, store, saved, dispatched, documentRoot, fixture };
  }

  it('reads the history as it opens, and says when there is none', async () => {
    const { page, store, dispatched } = await setUp();
    expect(dispatched).toContain(HistoryPageActions.opened());
    expect(await page.getHeading()).toBe('Call history');
    expect(await page.getEmptyText()).toBe('Reading call history…');
    store.dispatch(CallHistoryStorageActions.entriesLoaded({ entries: [] }));
    expect(await page.getEmptyText()).toBe('No calls in this browser’s history yet.');
    expect(await (await page.button('Clear history')).isDisabled()).toBeTrue();
  });

  it('lists each call with its caller, outcome, talk and hold time, how it ended, wrap-up and notes', async () => {
    const { page, store } = await setUp();
    store.dispatch(CallHistoryStorageActions.entriesLoaded({ entries: [entry('c-1')] }));
    const [row] = await page.getRows();
    expect(row).toEqual({
      Ended: 'Dec 7, 2026, 9:05 AM',
      Caller: jasmine.stringMatching(/^Robin Park · \+1 \(?425\)?.555.0123$/) as unknown as string,
      Queue: 'Billing',
      Outcome: 'Answered (in)',
      Talk: '3:50',
      Hold: '1:00',
      'How it ended': 'You hung up. (0/0)',
      'Wrap-up': 'Resolved',
      Notes: 'Refund issued.',
    });
  });

  it('searches as the agent types, and says when nothing matches', async () => {
    const { page, store } = await setUp();
    store.dispatch(
      CallHistoryStorageActions.entriesLoaded({
        entries: [
          entry('c-2', { callerName: 'Casey Morgan', queue: 'Sales', endedAt: ENDED + 1 }),
          entry('c-1'),
        ],
      }),
    );
    await page.search('sales');
    expect((await page.getRows()).map((r) => r['Queue'])).toEqual(['Sales']);
    await page.search('nobody');
    expect(await page.getEmptyText()).toBe('No calls match “nobody”.');
  });

  it('exports what is shown as switchboard-history-<date>.csv', async () => {
    const { page, store, saved } = await setUp();
    store.dispatch(CallHistoryStorageActions.entriesLoaded({ entries: [entry('c-1', { notes: '=1+1' })] }));
    await (await page.button('Export CSV')).click();
    expect(saved.map((s) => s.fileName)).toEqual(['switchboard-history-2026-12-07.csv']);
    expect(saved[0]!.text).toMatch(/^Caller,Number,Queue,/);
    expect(saved[0]!.text).toContain(",'=1+1,");
  });

  it('clears only after the agent confirms', async () => {
    const { page, store, dispatched, documentRoot, fixture } = await setUp();
    store.dispatch(CallHistoryStorageActions.entriesLoaded({ entries: [entry('c-1')] }));
    await (await page.button('Clear history')).click();
    let dialog = await documentRoot.getHarness(MatDialogHarness);
    expect(await dialog.getContentText()).toBe('Clear all call history in this browser?');
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Cancel' }))).click();
    await fixture.whenStable();
    expect(await documentRoot.getAllHarnesses(MatDialogHarness)).toEqual([]);
    expect(dispatched).not.toContain(HistoryPageActions.clearConfirmed());
    await (await page.button('Clear history')).click();
    dialog = await documentRoot.getHarness(MatDialogHarness);
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Clear' }))).click();
    await fixture.whenStable();
    expect(dispatched).toContain(HistoryPageActions.clearConfirmed());
    store.dispatch(CallHistoryStorageActions.cleared());
    expect(await page.getEmptyText()).toBe('No calls in this browser’s history yet.');
  });

  it('says when storage failed, and what step', async () => {
    const { page, store } = await setUp();
    store.dispatch(
      CallHistoryStorageActions.storageFailed({
        failure: { message: 'Reading call history failed. This browser has no room left for call history.' },
      }),
    );
    expect(await page.getFailure()).toBe(
      'Reading call history failed. This browser has no room left for call history.',
    );
  });
});
