import { deleteDB } from 'idb';
import {
  CallHistoryDb,
  describeStorageError,
  storageFailure,
  type CallHistoryEntry,
} from './call-history-db';
import { robinsCall } from './testing/call-history-entries';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2026, 11, 7, 12, 0, 0);

const entry = (id: string, changes: Partial<CallHistoryEntry> = {}) => robinsCall(id, NOW, changes);

describe('the call history database (IndexedDB, in this browser)', () => {
  let name: string;
  let db: CallHistoryDb;
  let made = 0;

  beforeEach(async () => {
    name = `switchboard-history-spec-${Date.now()}-${made++}`;
    db = await CallHistoryDb.open(name);
  });
  afterEach(async () => {
    db.close();
    await deleteDB(name);
  });

  it('keeps entries across a reopen (a reload), the latest ended first', async () => {
    await db.put(entry('c-1', { endedAt: NOW - 2 * DAY }));
    await db.put(entry('c-2', { endedAt: NOW }));
    db.close();
    db = await CallHistoryDb.open(name);
    expect((await db.all()).map((e) => e.id)).toEqual(['c-2', 'c-1']);
  });

  it('adds the wrap-up and notes to the entry written when the call ended', async () => {
    const writing = db.put(entry('c-1'));
    const updating = db.update('c-1', { wrapUp: 'Resolved', notes: 'Refund issued.' });
    await writing;
    expect(await updating).toBeTrue();
    expect(await db.all()).toEqual([entry('c-1', { wrapUp: 'Resolved', notes: 'Refund issued.' })]);
    expect(await db.update('c-9', { wrapUp: 'Resolved' })).toBeFalse();
  });

  it('finds calls by caller, number (however it is typed), queue, wrap-up and notes', async () => {
    await db.put(entry('robin', { endedAt: NOW - 3 }));
    await db.put(
      entry('casey', {
        callerName: 'Casey Morgan',
        callerNumber: '+442071838750',
        queue: 'Sales',
        wrapUp: 'Escalated',
        notes: 'Wants a callback',
        endedAt: NOW - 2,
      }),
    );
    await db.put(
      entry('group', { callerName: 'Group call', callerNumber: null, queue: null, endedAt: NOW - 1 }),
    );
    const found = async (query: string) => (await db.search(query)).map((e) => e.id);
    expect(await found('robin')).toEqual(['robin']);
    expect(await found('(425) 555-0123')).toEqual(['robin']);
    expect(await found('sales')).toEqual(['casey']);
    expect(await found('escalated')).toEqual(['casey']);
    expect(await found('CALLBACK casey')).toEqual(['casey']);
    expect(await found('')).toEqual(['group', 'casey', 'robin']);
    expect(await found('nobody')).toEqual([]);
  });

  it('deletes only the calls that ended before the cutoff', async () => {
    await db.put(entry('old', { endedAt: NOW - 31 * DAY }));
    await db.put(entry('edge', { endedAt: NOW - 30 * DAY }));
    await db.put(entry('new', { endedAt: NOW - DAY }));
    expect(await db.deleteEndedBefore(NOW - 30 * DAY)).toBe(1);
    expect((await db.all()).map((e) => e.id)).toEqual(['new', 'edge']);
  });

  it('clears everything', async () => {
    await db.put(entry('c-1'));
    await db.put(entry('c-2'));
    await db.clear();
    expect(await db.all()).toEqual([]);
  });

  it('says in words what a storage failure means and which step failed', () => {
    expect(
      storageFailure('Saving the call to history', new DOMException('full', 'QuotaExceededError')),
    ).toEqual({
      message:
        'Saving the call to history failed. This browser has no room left for call history: clear the history or free up disk space.',
    });
    expect(describeStorageError(new DOMException('x', 'VersionError'))).toBe(
      'Call history was written by a newer Switchboard: reload the page.',
    );
    expect(describeStorageError(new DOMException('The disk broke', 'UnknownError'))).toBe(
      'The browser’s storage refused it: The disk broke',
    );
  });
});
