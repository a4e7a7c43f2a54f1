import type { Provider } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { deleteDB } from 'idb';
import {
  CALL_HISTORY_DB_PREFIX,
  CallHistoryDatabases,
  callHistoryDbName,
} from '../../../core/call-history-db';

let made = 0;

/**
 * History databases of the test's own (the browser's real IndexedDB, under a name no other test
 * uses); `remove` closes and deletes the one a user opened, leaving the browser as it was.
 */
export function testHistoryDatabases() {
  const prefix = `switchboard-history-test-${Date.now()}-${made++}`;
  const providers: Provider[] = [{ provide: CALL_HISTORY_DB_PREFIX, useValue: prefix }];
  const remove = async (userId: string) => {
    TestBed.inject(CallHistoryDatabases).close();
    await deleteDB(callHistoryDbName(prefix, userId));
  };
  return { prefix, providers, remove };
}
