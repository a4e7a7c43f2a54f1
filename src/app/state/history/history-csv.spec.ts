import { robinsCall } from '../../core/testing/call-history-entries';
import { historyCsv, historyCsvName } from './history-csv';

const ROBIN = robinsCall('c-1', Date.UTC(2026, 11, 7, 9, 5, 20), {
  startedAt: Date.UTC(2026, 11, 7, 9, 0, 0),
  answeredAt: Date.UTC(2026, 11, 7, 9, 0, 20),
  talkMs: 290_000,
  holdMs: 10_000,
  wrapUp: 'Resolved',
  notes: 'Refund issued.',
});

describe('the call history as CSV', () => {
  it('has a header and a row per call, with times in ISO 8601 and durations in seconds', () => {
    expect(historyCsv([ROBIN])).toBe(
      'Caller,Number,Queue,Direction,Outcome,Started,Answered,Ended,Talk seconds,Hold seconds,End reason,End code,Wrap-up,Notes,Transcript\r\n' +
        "Robin Park,'+14255550123,Billing,Incoming,Answered,2026-12-07T09:00:00.000Z,2026-12-07T09:00:20.000Z," +
        '2026-12-07T09:05:20.000Z,290,10,You hung up.,0/0,Resolved,Refund issued.,\r\n',
    );
  });

  it('quotes commas, quotes and line breaks as RFC 4180 says', () => {
    const csv = historyCsv([
      {
        ...ROBIN,
        callerNumber: null,
        notes: 'Said "refund", then\r\nhung up',
        answeredAt: null,
        endCode: null,
      },
    ]);
    expect(csv.split('\r\n')[1]).toBe(
      'Robin Park,,Billing,Incoming,Answered,2026-12-07T09:00:00.000Z,,2026-12-07T09:05:20.000Z,290,10,' +
        'You hung up.,,Resolved,"Said ""refund"", then',
    );
    expect(csv).toContain('hung up",\r\n');
  });

  it('makes a cell that a spreadsheet would run as a formula plain text', () => {
    for (const notes of ['=HYPERLINK("http://evil.example","x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1']) {
      const row = historyCsv([{ ...ROBIN, notes }]).split('\r\n')[1]!;
      const cell = row.slice(row.indexOf('Resolved,') + 'Resolved,'.length, row.lastIndexOf(','));
      expect(cell.replace(/^"/, '').startsWith("'")).withContext(notes).toBeTrue();
    }
  });

  it('keeps the transcript a line per caption', () => {
    const csv = historyCsv([
      {
        ...ROBIN,
        transcript: [
          { speaker: 'Robin Park', text: 'Hello', spokenAt: 1 },
          { speaker: 'Alex Rivera', text: 'Hi, Robin', spokenAt: 2 },
        ],
      },
    ]);
    expect(csv).toContain('"Robin Park: Hello\nAlex Rivera: Hi, Robin"\r\n');
  });

  it('names the file after the day', () => {
    expect(historyCsvName(new Date(2026, 0, 5, 10).getTime())).toBe('switchboard-history-2026-01-05.csv');
  });
});
