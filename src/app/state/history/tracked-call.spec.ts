import type { CaptionSnapshot } from '../../model/snapshots';
import { call, dana } from '../testing/snapshots';
import { callName, endCall, historyEntry, trackCall, withCallState, withCaption } from './tracked-call';

const caption = (text: string, resultType: 'Partial' | 'Final', spokenAt: number): CaptionSnapshot => ({
  speaker: dana,
  text,
  resultType,
  spokenAt,
  language: 'en-us',
});

describe('a call as its history entry keeps it', () => {
  const answered = () =>
    withCallState(trackCall(call('c1', { state: 'Connecting', startedAt: 1_000 })), 'Connected', 5_000);

  it('adds each hold, the other side’s included, and one still open when the call ends', () => {
    let tracked = withCallState(answered(), 'LocalHold', 10_000);
    tracked = withCallState(tracked, 'Connected', 14_000);
    tracked = withCallState(tracked, 'RemoteHold', 20_000);
    tracked = withCallState(tracked, 'RemoteHold', 21_000);
    const ended = endCall(tracked, { code: 0, subCode: 0 }, 26_000);
    expect(ended.holdMs).toBe(4_000 + 6_000);
    const entry = historyEntry(ended, 26_000, { keepTranscripts: false, dialled: {} });
    expect(entry).toEqual(
      jasmine.objectContaining({
        answeredAt: 5_000,
        talkMs: 21_000 - 10_000,
        holdMs: 10_000,
        outcome: 'Answered',
      }),
    );
  });

  it('keeps the final captions, and only when the agent keeps transcripts', () => {
    let tracked = withCaption(answered(), caption('my card number', 'Partial', 6_000));
    tracked = withCaption(tracked, caption('my card number is 4111 1111 1111 1111', 'Final', 6_000));
    const ended = endCall(tracked, { code: 0, subCode: 0 }, 9_000);
    expect(historyEntry(ended, 9_000, { keepTranscripts: true, dialled: {} }).transcript).toEqual([
      { speaker: 'Dana Smith', text: 'my card number is 4111 1111 1111 1111', spokenAt: 6_000 },
    ]);
    expect(historyEntry(ended, 9_000, { keepTranscripts: false, dialled: {} }).transcript).toEqual([]);
  });

  it('says Transferred for a call the agent transferred, in words and with the code', () => {
    const entry = historyEntry(endCall(answered(), { code: 0, subCode: 7015 }, 9_000), 9_000, {
      keepTranscripts: false,
      dialled: {},
    });
    expect(entry).toEqual(
      jasmine.objectContaining({
        outcome: 'Transferred',
        endReason: 'You transferred the call.',
        endCode: 0,
        endSubCode: 7015,
      }),
    );
  });

  it('names a placed call by the name the agent picked (the SDK names no Teams user), and says who declined', () => {
    const teamsUser = {
      kind: 'microsoftTeamsUser' as const,
      rawId: '8:orgid:casey',
      microsoftTeamsUserId: 'casey',
    };
    const placed = {
      ...trackCall(
        call('c2', {
          direction: 'Outgoing',
          state: 'Connecting',
          caller: { identity: null, displayName: null },
        }),
      ),
      counterpart: { identity: teamsUser, displayName: null },
    };
    const dialled = { '8:orgid:casey': 'Casey Morgan' };
    expect(callName(placed, dialled)).toBe('Casey Morgan');
    const entry = historyEntry(endCall(placed, { code: 603, subCode: 0 }, 3_000), 3_000, {
      keepTranscripts: false,
      dialled,
    });
    expect(entry).toEqual(
      jasmine.objectContaining({
        callerName: 'Casey Morgan',
        outcome: 'Placed',
        talkMs: 0,
        endReason: 'Casey Morgan declined the call.',
      }),
    );
  });

  it('names group calls and meetings by kind, with no number', () => {
    const meeting = { ...trackCall(call('m1')), kind: 'meeting' as const };
    const entry = historyEntry(endCall(meeting, { code: 0, subCode: 0 }, 9_000), 9_000, {
      keepTranscripts: false,
      dialled: {},
    });
    expect([entry.callerName, entry.callerNumber, entry.outcome]).toEqual(['Teams meeting', null, 'Joined']);
    expect(callName({ ...meeting, kind: 'group' }, {})).toBe('Group call');
  });
});
