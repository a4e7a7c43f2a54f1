import { Injectable, InjectionToken, inject, type OnDestroy } from '@angular/core';
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Failure } from '../model/failure';
import type { ConversationKind } from '../model/snapshots';

/** How a handled call went for this agent. */
export type CallOutcome = 'Answered' | 'Placed' | 'Joined' | 'Missed' | 'Declined' | 'Transferred';

/** A final caption of the call: who said it, what, when (epoch ms). */
export interface TranscriptLine {
  readonly speaker: string;
  readonly text: string;
  readonly spokenAt: number;
}

/**
 * One handled call as this browser keeps it. What a person reads, never what joins a call: no
 * meeting link, ID, passcode, thread or token (a meeting is "Teams meeting" and nothing more).
 */
export interface CallHistoryEntry {
  /** The console's id of the call (of the ringing call, for one missed or declined). */
  readonly id: string;
  readonly callerName: string | null;
  readonly callerNumber: string | null;
  readonly queue: string | null;
  readonly direction: 'Incoming' | 'Outgoing';
  readonly kind: ConversationKind;
  /** Epoch ms: when it started ringing or was placed, when it connected, when it ended. */
  readonly startedAt: number;
  readonly answeredAt: number | null;
  readonly endedAt: number;
  /** Connected and not on hold. */
  readonly talkMs: number;
  readonly holdMs: number;
  readonly outcome: CallOutcome;
  /** How it ended, in words, and the SDK's code and subCode. */
  readonly endReason: string;
  readonly endCode: number | null;
  readonly endSubCode: number | null;
  readonly wrapUp: string | null;
  readonly notes: string;
  /** Only when the agent keeps transcripts (a setting, off by default: callers say card numbers). */
  readonly transcript: readonly TranscriptLine[];
}

interface CallHistorySchema extends DBSchema {
  calls: { key: string; value: CallHistoryEntry; indexes: { endedAt: number } };
}

const VERSION = 1;

/** Where a user's history is: one database per signed-in user, so a shared browser keeps them apart. */
export const CALL_HISTORY_DB_PREFIX = new InjectionToken<string>('CALL_HISTORY_DB_PREFIX', {
  providedIn: 'root',
  factory: () => 'switchboard-history',
});

export const callHistoryDbName = (prefix: string, userId: string) => `${prefix}-${userId}`;

/** Storage said no: what it means for the agent, by the DOMException's name. */
export class CallHistoryStorageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CallHistoryStorageError';
  }
}

const BLOCKED =
  'Call history is held open by an older Switchboard in another tab of this browser: close that tab.';

/** An IndexedDB error in words the agent can act on. */
export function describeStorageError(error: unknown): string {
  if (error instanceof CallHistoryStorageError) return error.message;
  const { name, message } = (error ?? {}) as { name?: unknown; message?: unknown };
  switch (name) {
    case 'QuotaExceededError':
      return 'This browser has no room left for call history: clear the history or free up disk space.';
    case 'InvalidStateError':
    case 'SecurityError':
      return 'This browser does not let Switchboard keep call history here (a private window may not).';
    case 'VersionError':
      return 'Call history was written by a newer Switchboard: reload the page.';
    default:
      return `The browser’s storage refused it${typeof message === 'string' && message ? `: ${message}` : '.'}`;
  }
}

/** A step of storing history that failed: "Saving the call to history failed: …". */
export function storageFailure(step: string, error: unknown): Failure {
  return { message: `${step} failed. ${describeStorageError(error)}` };
}

/** Whether an entry matches what the agent searched for: caller, number, queue, wrap-up, notes. */
export function matchesSearch(entry: CallHistoryEntry, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const digits = (text: string | null) => (text ?? '').replace(/[^\d+]/g, '');
  const haystack = [entry.callerName, entry.callerNumber, entry.queue, entry.wrapUp, entry.notes]
    .filter(Boolean)
    .join('\n')
    .toLowerCase();
  return words.every(
    (word) =>
      haystack.includes(word) ||
      (digits(word).length > 2 && digits(entry.callerNumber).includes(digits(word))),
  );
}

/**
 * One user's call history in IndexedDB (through `idb`). Writes go one after another, so the
 * wrap-up written at Done always lands on the entry written when the call ended.
 */
export class CallHistoryDb {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(private readonly db: IDBPDatabase<CallHistorySchema>) {}

  static async open(name: string): Promise<CallHistoryDb> {
    if (typeof indexedDB === 'undefined')
      throw new CallHistoryStorageError('This browser keeps no call history (IndexedDB is turned off).');
    // A blocked upgrade waits until the other tab lets go: say so rather than hang.
    const db = await new Promise<IDBPDatabase<CallHistorySchema>>((resolve, reject) => {
      const opening: Promise<IDBPDatabase<CallHistorySchema>> = openDB<CallHistorySchema>(name, VERSION, {
        upgrade(db) {
          const calls = db.createObjectStore('calls', { keyPath: 'id' });
          calls.createIndex('endedAt', 'endedAt');
        },
        blocked: () => {
          reject(new CallHistoryStorageError(BLOCKED));
          opening.then(
            (late) => late.close(),
            () => undefined,
          );
        },
      });
      opening.then(resolve, reject);
    });
    // A newer Switchboard in another tab wants to upgrade: let it, rather than block it.
    db.addEventListener('versionchange', () => db.close());
    return new CallHistoryDb(db);
  }

  private write<T>(operation: () => Promise<T>): Promise<T> {
    const next = this.queue.then(operation, operation);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Adds or replaces the entry of a call. */
  put(entry: CallHistoryEntry): Promise<void> {
    return this.write(async () => {
      await this.db.put('calls', entry);
    });
  }

  /** Changes an entry already written (the wrap-up at Done); false when there is none. */
  update(id: string, changes: Partial<Pick<CallHistoryEntry, 'wrapUp' | 'notes'>>): Promise<boolean> {
    return this.write(async () => {
      const tx = this.db.transaction('calls', 'readwrite');
      const entry = await tx.store.get(id);
      if (entry) await tx.store.put({ ...entry, ...changes });
      await tx.done;
      return entry !== undefined;
    });
  }

  /** Every entry, the latest first. */
  async all(): Promise<CallHistoryEntry[]> {
    await this.queue;
    return (await this.db.getAllFromIndex('calls', 'endedAt')).reverse();
  }

  async search(query: string): Promise<CallHistoryEntry[]> {
    return (await this.all()).filter((entry) => matchesSearch(entry, query));
  }

  /** Deletes the calls that ended before `cutoff` (epoch ms); how many went. */
  deleteEndedBefore(cutoff: number): Promise<number> {
    return this.write(async () => {
      const tx = this.db.transaction('calls', 'readwrite');
      let deleted = 0;
      let cursor = await tx.store.index('endedAt').openCursor(IDBKeyRange.upperBound(cutoff, true));
      while (cursor) {
        await cursor.delete();
        deleted++;
        cursor = await cursor.continue();
      }
      await tx.done;
      return deleted;
    });
  }

  clear(): Promise<void> {
    return this.write(() => this.db.clear('calls'));
  }

  /** Closes once the writes already asked for are done (the wrap-up saved as the agent signs out). */
  close(): void {
    this.queue.then(() => this.db.close());
  }
}

/**
 * The signed-in user's history database, opened on first use and closed at sign-out. Like
 * `CallRegistry` for calls, it holds the live handle the store cannot.
 */
@Injectable({ providedIn: 'root' })
export class CallHistoryDatabases implements OnDestroy {
  private readonly prefix = inject(CALL_HISTORY_DB_PREFIX);
  private current: { readonly userId: string; readonly db: Promise<CallHistoryDb> } | null = null;

  /** The user's database; a failed open is tried again on the next use. */
  of(userId: string): Promise<CallHistoryDb> {
    if (this.current?.userId !== userId) {
      this.close();
      const db = CallHistoryDb.open(callHistoryDbName(this.prefix, userId));
      this.current = { userId, db };
      db.catch(() => {
        if (this.current?.db === db) this.current = null;
      });
    }
    return this.current!.db;
  }

  close(): void {
    this.current?.db.then(
      (db) => db.close(),
      () => undefined,
    );
    this.current = null;
  }

  ngOnDestroy(): void {
    this.close();
  }
}
