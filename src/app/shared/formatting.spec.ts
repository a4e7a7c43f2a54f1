import { formatDuration } from './duration.pipe';
import { partyName } from './party-name';
import { installNumberingPlans } from './numbering-plans';
import { formatPhoneNumber, PhoneNumberPipe, useNumberingPlans } from './phone-number.pipe';

describe('formatting for agents', () => {
  it('reads durations like a clock', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(42_900)).toBe('0:42');
    expect(formatDuration(12 * 60_000 + 5_000)).toBe('12:05');
    expect(formatDuration(3_600_000 + 2 * 60_000 + 9_000)).toBe('1:02:09');
    expect(formatDuration(-5_000)).toBe('0:00');
  });

  it('groups North American numbers before the numbering plans load, and shows others as E.164', () => {
    const before = useNumberingPlans(null);
    try {
      expect(formatPhoneNumber('+14255550123')).toBe('+1 (425) 555-0123');
      expect(formatPhoneNumber('+442071838750')).toBe('+442071838750');
      expect(formatPhoneNumber('not a number')).toBe('not a number');
    } finally {
      useNumberingPlans(before);
    }
  });

  describe('with the numbering plans the workspaces load', () => {
    let before: ReturnType<typeof useNumberingPlans>;
    beforeEach(() => {
      before = useNumberingPlans(null);
      installNumberingPlans();
    });
    afterEach(() => useNumberingPlans(before));

    it('groups numbers outside North America as their country writes them internationally', () => {
      const pipe = new PhoneNumberPipe();
      expect(pipe.transform('+442079460958')).toBe('+44 20 7946 0958');
      expect(pipe.transform('+4930901820')).toBe('+49 30 901820');
      expect(pipe.transform('+33142685300')).toBe('+33 1 42 68 53 00');
      expect(pipe.transform('+61291234567')).toBe('+61 2 9123 4567');
      expect(pipe.transform('+14255550123')).toBe('+1 (425) 555-0123');
      expect(pipe.transform(null)).toBe('');
    });

    it('leaves a number no plan knows, and anything not E.164, as it came', () => {
      expect(formatPhoneNumber('+999123')).toBe('+999123');
      expect(formatPhoneNumber('0207 946 0958')).toBe('0207 946 0958');
      expect(
        partyName({
          identity: { kind: 'phoneNumber', rawId: '4:+4930901820', phoneNumber: '+4930901820' },
          displayName: null,
        }),
      ).toBe('+49 30 901820');
    });
  });

  it('names a caller by display name, then number, then as unknown', () => {
    const phone = { kind: 'phoneNumber' as const, rawId: '4:+14255550123', phoneNumber: '+14255550123' };
    expect(partyName({ identity: phone, displayName: 'Dana Smith' })).toBe('Dana Smith');
    expect(partyName({ identity: phone, displayName: null })).toBe('+1 (425) 555-0123');
    expect(partyName({ identity: null, displayName: null })).toBe('Unknown caller');
  });
});
