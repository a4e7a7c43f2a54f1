import { looksLikeTeamsUserId, parseTeamsUserId } from './teams-user-id';

describe('Teams user ids as the agent types them', () => {
  const id = '00000000-0000-4000-8000-00000000a002';

  it('takes an object id or a raw id, in any case, and gives the object id in lower case', () => {
    expect(parseTeamsUserId(id)).toEqual({ ok: true, value: id });
    expect(parseTeamsUserId(` 8:orgid:${id.toUpperCase()} `)).toEqual({ ok: true, value: id });
    expect(parseTeamsUserId(`8:gcch:${id}`)).toEqual({ ok: true, value: id });
    expect(parseTeamsUserId(`8:dod:${id.toUpperCase()}`)).toEqual({ ok: true, value: id });
  });

  it('explains the shape of an id that is not a GUID', () => {
    expect(parseTeamsUserId('00000000-0000-4000-8000')).toEqual({
      ok: false,
      message:
        'A Teams user id is a GUID of 32 hexadecimal digits in groups of 8-4-4-4-12, like 8c0a7a44-1b2c-4d5e-9f00-123456789abc.',
    });
    expect(parseTeamsUserId('8:acs:abc')).toEqual({
      ok: false,
      message:
        'A Teams user raw id starts with 8:orgid: (or 8:gcch:, 8:dod:) followed by the user’s object id.',
    });
    expect(parseTeamsUserId(`8:gov:${id}`)).toEqual({
      ok: false,
      message:
        'A Teams user raw id starts with 8:orgid: (or 8:gcch:, 8:dod:) followed by the user’s object id.',
    });
  });

  it('refuses anonymous meeting guests, who cannot be called', () => {
    expect(parseTeamsUserId(`8:teamsvisitor:${id}`)).toEqual({
      ok: false,
      message: 'This is an anonymous meeting guest: guests cannot be called directly.',
    });
  });

  it('tells an id from a name or a number', () => {
    expect(looksLikeTeamsUserId(id)).toBeTrue();
    expect(looksLikeTeamsUserId('8:orgid:x')).toBeTrue();
    expect(looksLikeTeamsUserId('Blake Chen')).toBeFalse();
    expect(looksLikeTeamsUserId('+14255550101')).toBeFalse();
    expect(looksLikeTeamsUserId('4255550101')).toBeFalse();
  });
});
