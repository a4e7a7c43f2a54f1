import type { CallHistoryEntry } from '../../core/call-history-db';

const COLUMNS: readonly [string, (entry: CallHistoryEntry) => string | number | null][] = [
  ['Caller', (e) => e.callerName],
  ['Number', (e) => e.callerNumber],
  ['Queue', (e) => e.queue],
  ['Direction', (e) => e.direction],
  ['Outcome', (e) => e.outcome],
  ['Started', (e) => new Date(e.startedAt).toISOString()],
  ['Answered', (e) => (e.answeredAt === null ? null : new Date(e.answeredAt).toISOString())],
  ['Ended', (e) => new Date(e.endedAt).toISOString()],
  ['Talk seconds', (e) => Math.round(e.talkMs / 1000)],
  ['Hold seconds', (e) => Math.round(e.holdMs / 1000)],
  ['End reason', (e) => e.endReason],
  ['End code', (e) => (e.endCode === null ? null : `${e.endCode}/${e.endSubCode ?? 0}`)],
  ['Wrap-up', (e) => e.wrapUp],
  ['Notes', (e) => e.notes],
  ['Transcript', (e) => e.transcript.map((line) => `${line.speaker}: ${line.text}`).join('\n')],
];

/**
 * A spreadsheet would run a cell that starts with = + - @ (or a tab or carriage return before one)
 * as a formula (OWASP, CSV injection): such a text cell starts with ' so it is only text. A caller
 * can choose what the notes quote, and a number starts with +.
 */
function inert(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
function field(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = inert(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The history as CSV (RFC 4180: CRLF line ends, a header row), for a spreadsheet. */
export function historyCsv(entries: readonly CallHistoryEntry[]): string {
  const rows = [
    COLUMNS.map(([name]) => name),
    ...entries.map((e) => COLUMNS.map(([, cell]) => field(cell(e)))),
  ];
  return rows.map((row) => row.join(',')).join('\r\n') + '\r\n';
}

/** `switchboard-history-2026-12-07.csv`, by the local date of `now`. */
export function historyCsvName(now: number): string {
  const day = new Date(now);
  const two = (n: number) => String(n).padStart(2, '0');
  return `switchboard-history-${day.getFullYear()}-${two(day.getMonth() + 1)}-${two(day.getDate())}.csv`;
}
