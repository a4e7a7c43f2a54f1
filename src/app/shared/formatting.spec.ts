import { formatDuration } from './duration.pipe';
import { partyName } from './party-name';
import { formatPhoneNumber } from './phone-number.pipe';

describe('formatting for agents', () => {
  it('reads durations like a clock', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(42_900)).toBe('0:42');
    expect(formatDuration(12 * 60_000 + 5_000)).toBe('12:05');
    expect(formatDuration(3_600_000 + 2 * 60_000 + 9_000)).toBe('1:02:09');
    expect(formatDuration(-5_000)).toBe('0:00');
  });

  it('formats E.164 numbers for reading aloud and leaves anything else alone', () => {
    expect(formatPhoneNumber('+14255550123')).toBe('+1 (425) 555-0123');
    expect(formatPhoneNumber('+442071838750')).toBe('+442071838750');
    expect(formatPhoneNumber('not a number')).toBe('not a number');
  });

  it('names a caller by display name, then number, then as unknown', () => {
    const phone = { kind: 'phoneNumber' as const, rawId: '4:+14255550123', phoneNumber: '+14255550123' };
    expect(partyName({ identity: phone, displayName: 'Dana Smith' })).toBe('Dana Smith');
    expect(partyName({ identity: phone, displayName: null })).toBe('+1 (425) 555-0123');
    expect(partyName({ identity: null, displayName: null })).toBe('Unknown caller');
  });
});
