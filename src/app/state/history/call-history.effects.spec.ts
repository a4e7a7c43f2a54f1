import { Injectable } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import {
  CallHistoryDatabases,
  CallHistoryDb,
  callHistoryDbName,
  type CallHistoryEntry,
} from '../../core/call-history-db';
import { robinsCall } from '../../core/testing/call-history-entries';
import { ManualScheduler } from '../../floor/testing/manual-scheduler';
import { SettingsPageActions } from '../settings/settings-page.actions';
import { startEmulatedConsole } from '../testing/emulated-console';
import { ALEX } from '../testing/taking-calls-here';
import { QueuePanelActions } from '../queue/queue-panel.actions';
import { HistoryPageActions } from './history-page.actions';
import { DAY_MS, HISTORY_SCHEDULER } from './history-time';
import { historyFeature } from './history.feature';
import { testHistoryDatabases } from './testing/test-history-databases';

const NOW = Date.UTC(2026, 11, 7, 12, 0, 0);

const ended = robinsCall;

/** Storage that refuses everything, as a full disk does (IndexedDB's quota cannot be filled on demand). */
@Injectable()
class FullDiskDatabases extends CallHistoryDatabases {
  override of(): Promise<CallHistoryDb> {
    return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
  }
}

describe('call history storage effects, on the emulator', () => {
  let databases: ReturnType<typeof testHistoryDatabases>;
  let clock: ManualScheduler;

  beforeEach(() => {
    databases = testHistoryDatabases();
    clock = new ManualScheduler(NOW);
  });
  afterEach(() => databases.remove(ALEX.id));

  /** Alex's history as an earlier visit left it. */
  async function keptBefore(entries: CallHistoryEntry[]) {
    const db = await CallHistoryDb.open(callHistoryDbName(databases.prefix, ALEX.id));
    for (const entry of entries) await db.put(entry);
    db.close();
  }

  const alex = (providers = [{ provide: HISTORY_SCHEDULER, useValue: clock }]) =>
    startEmulatedConsole('alex', { providers: [...databases.providers, ...providers] });

  async function shown(app: Awaited<ReturnType<typeof alex>>) {
    app.store.dispatch(HistoryPageActions.opened());
    await app.settle();
    return app.state(historyFeature.selectFound).map((e) => e.id);
  }

  it('deletes entries older than the days kept at sign-in, when the days change, then once a day', async () => {
    await keptBefore([
      ended('last-month', NOW - 31 * DAY_MS),
      ended('three-weeks', NOW - 21 * DAY_MS - 1),
      ended('twenty-days', NOW - 20 * DAY_MS - 1),
      ended('today', NOW - 1_000),
    ]);
    const app = await alex();
    expect(await shown(app)).toEqual(['today', 'twenty-days', 'three-weeks']);
    app.store.dispatch(SettingsPageActions.settingsChanged({ changes: { historyDays: 21 } }));
    await app.settle();
    expect(await shown(app)).toEqual(['today', 'twenty-days']);
    clock.advance(DAY_MS - 1);
    await app.settle();
    expect(await shown(app)).toEqual(['today', 'twenty-days']);
    clock.advance(1);
    await app.settle();
    expect(await shown(app)).toEqual(['today']);
  });

  it('searches what it read, and clears every entry', async () => {
    await keptBefore([
      ended('robin', NOW - 2_000),
      ended('casey', NOW - 1_000, { callerName: 'Casey Morgan', wrapUp: 'Escalated' }),
    ]);
    const app = await alex();
    expect(await shown(app)).toEqual(['casey', 'robin']);
    app.store.dispatch(HistoryPageActions.searchChanged({ query: 'escalated' }));
    expect(app.state(historyFeature.selectFound).map((e) => e.id)).toEqual(['casey']);
    app.store.dispatch(HistoryPageActions.clearConfirmed());
    await app.settle();
    expect(app.state(historyFeature.selectEntries)).toEqual([]);
    const db = await TestBed.inject(CallHistoryDatabases).of(ALEX.id);
    expect(await db.all()).toEqual([]);
  });

  it('says when a call could not be saved, and why, rather than losing it silently', async () => {
    const app = await alex([
      { provide: HISTORY_SCHEDULER, useValue: clock },
      { provide: CallHistoryDatabases, useClass: FullDiskDatabases },
    ] as never[]);
    const id = app.emulator.world.enqueuePhoneCall({
      displayName: 'Robin Park',
      queue: 'Billing',
      patienceMs: 60_000,
    });
    await app.settle();
    app.store.dispatch(QueuePanelActions.rejectClicked({ id }));
    await app.settle();
    expect(app.state(historyFeature.selectFailure)).toEqual({
      message:
        'Saving the call to history failed. This browser has no room left for call history: clear the history or free up disk space.',
    });
    app.store.dispatch(HistoryPageActions.opened());
    await app.settle();
    expect(app.state(historyFeature.selectFailure)?.message).toMatch(
      /^Reading call history failed\. This browser has no room/,
    );
  });
});
