import type { CallHistoryEntry } from '../call-history-db';

/** Robin Park's queue call, answered and hung up, ending at `endedAt`: a history entry to vary. */
export function robinsCall(
  id: string,
  endedAt: number,
  changes: Partial<CallHistoryEntry> = {},
): CallHistoryEntry {
  return {
    id,
    callerName: 'Robin Park',
    callerNumber: '+14255550123',
    queue: 'Billing',
    direction: 'Incoming',
    kind: 'oneToOne',
    startedAt: endedAt - 120_000,
    answeredAt: endedAt - 100_000,
    endedAt,
    talkMs: 100_000,
    holdMs: 0,
    outcome: 'Answered',
    endReason: 'You hung up.',
    endCode: 0,
    endSubCode: 0,
    wrapUp: null,
    notes: '',
    transcript: [],
    ...changes,
  };
}
