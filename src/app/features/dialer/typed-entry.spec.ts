import { readTypedEntry } from './typed-entry';

const BLAKE = {
  id: '00000000-0000-4000-8000-00000000a002',
  displayName: 'Blake Chen',
  userPrincipalName: null,
};
const BLAIR = {
  id: '00000000-0000-4000-8000-00000000a009',
  displayName: 'Blair Ode',
  userPrincipalName: null,
};
const ME = '00000000-0000-4000-8000-00000000a001';

describe('what the dialer’s one input reads as', () => {
  it('reads a phone number as a target in E.164, and says what is wrong with a bad one', () => {
    expect(readTypedEntry('+1 (425) 555-0101', [], ME)).toEqual({
      kind: 'target',
      target: { kind: 'phoneNumber', phoneNumber: '+14255550101', displayName: '+1 425 555 0101' },
    });
    expect(readTypedEntry('425 555 0101', [], ME)).toEqual({
      kind: 'problem',
      message: 'A phone number starts with + and the country code, e.g. +1 425 555 0100.',
    });
  });

  it('reads a Teams user id for the directory to name, and refuses the agent’s own', () => {
    expect(readTypedEntry(`8:orgid:${BLAKE.id}`, [], ME)).toEqual({ kind: 'teamsUserId', id: BLAKE.id });
    expect(readTypedEntry(ME, [], ME)).toEqual({
      kind: 'problem',
      message: 'That is your own id: you cannot call yourself.',
    });
  });

  it('takes a name when exactly one suggestion matches it, and asks to pick when several do', () => {
    expect(readTypedEntry('blake chen', [BLAKE, BLAIR], ME)).toEqual({
      kind: 'target',
      target: { kind: 'microsoftTeamsUser', microsoftTeamsUserId: BLAKE.id, displayName: 'Blake Chen' },
    });
    expect(readTypedEntry('Bla', [BLAKE], ME)).toEqual(
      jasmine.objectContaining({ kind: 'target' }) as unknown as ReturnType<typeof readTypedEntry>,
    );
    expect(readTypedEntry('Bla', [BLAKE, BLAIR], ME)).toEqual({
      kind: 'problem',
      message: 'Several people match: pick one from the suggestions.',
    });
    expect(readTypedEntry('Zed', [], ME)).toEqual({
      kind: 'problem',
      message:
        'Nobody in the directory is called “Zed”. Type a name, a phone number starting with +, or a Teams user id.',
    });
  });
});
