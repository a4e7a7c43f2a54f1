import { formatPhoneNumberAsTyped, parsePhoneNumber } from './phone-number';
import { looksLikePhoneNumber } from './phone-number-shape';

describe('phone numbers as the agent types them', () => {
  it('takes a number written with spaces, dashes, dots or brackets and gives its E.164 form', () => {
    for (const typed of ['+1 425 555 0101', '+1 (425) 555-0101', ' +1.425.555.0101 ', '+14255550101'])
      expect(parsePhoneNumber(typed)).toEqual({ ok: true, value: '+14255550101' });
    expect(parsePhoneNumber('+44 20 7946 0107')).toEqual({ ok: true, value: '+442079460107' });
  });

  it('says the + and the country code are missing from a national number', () => {
    expect(parsePhoneNumber('425 555 0101')).toEqual({
      ok: false,
      message: 'A phone number starts with + and the country code, e.g. +1 425 555 0100.',
    });
  });

  it('asks for + instead of the 00 international prefix', () => {
    expect(parsePhoneNumber('0044 20 7946 0107')).toEqual({
      ok: false,
      message: 'Write the international prefix 00 as +: +442079460107.',
    });
  });

  it('names what is wrong: letters, a lone +, a country code starting with 0 or not existing', () => {
    const message = (typed: string) => (parsePhoneNumber(typed) as { message: string }).message;
    expect(message('+1 425 CALL NOW')).toBe(
      'A phone number has only digits after the + (spaces, dashes and brackets are fine).',
    );
    expect(message('+')).toBe('Type the country code after the +.');
    expect(message('')).toBe('Type a phone number, starting with + and the country code.');
    expect(message('+0 425 555 0101')).toBe('No country code starts with 0: check the digits after the +.');
    expect(message('+999 1234 5678')).toBe(
      'No country has the code this number starts with: check the digits after the +.',
    );
  });

  it('says a number is too long for E.164 with how many digits it has', () => {
    expect(parsePhoneNumber('+1 425 555 0101 2345 6')).toEqual({
      ok: false,
      message: 'Too long: E.164 numbers have at most 15 digits, and this one has 16.',
    });
  });

  it('says a number is too short or too long for its country, naming the country', () => {
    expect(parsePhoneNumber('+44 20 7946')).toEqual({
      ok: false,
      message: 'Too short for a +44 number (United Kingdom): some digits are missing.',
    });
    expect(parsePhoneNumber('+1 425 555 01012')).toEqual({
      ok: false,
      message: 'Too long for a +1 number (North America): check for an extra digit.',
    });
  });

  it('groups a number as its country writes it while it is typed', () => {
    expect(formatPhoneNumberAsTyped('+1425')).toBe('+1 425');
    expect(formatPhoneNumberAsTyped('+14255550101')).toBe('+1 425 555 0101');
    expect(formatPhoneNumberAsTyped('+442079460107')).toBe('+44 20 7946 0107');
    expect(formatPhoneNumberAsTyped('+1 (425) 555-01')).toBe('+1 425 555 01');
  });

  it('leaves text with a mistake in it exactly as typed, so the mistake stays visible', () => {
    expect(formatPhoneNumberAsTyped('+1 425 CALL')).toBe('+1 425 CALL');
    expect(formatPhoneNumberAsTyped('425 555')).toBe('425 555');
    expect(formatPhoneNumberAsTyped('Blake')).toBe('Blake');
  });

  it('tells a number from a name by its first character', () => {
    expect(looksLikePhoneNumber('+1 425')).toBeTrue();
    expect(looksLikePhoneNumber('(425) 555')).toBeTrue();
    expect(looksLikePhoneNumber('0044')).toBeTrue();
    expect(looksLikePhoneNumber('Blake')).toBeFalse();
  });
});
