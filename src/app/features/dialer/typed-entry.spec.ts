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
    expect(readTypedEntry('+1 (425) 555-0101', [], ME, 'public')).toEqual({
      kind: 'target',
      target: { kind: 'phoneNumber', phoneNumber: '+14255550101', displayName: '+1 425 555 0101' },
    });
    expect(readTypedEntry('425 555 0101', [], ME, 'public')).toEqual({
      kind: 'problem',
      message: 'A phone number starts with + and the country code, e.g. +1 425 555 0100.',
    });
  });

  it('reads a Teams user id for the directory to name, and refuses the agent’s own', () => {
    expect(readTypedEntry(`8:orgid:${BLAKE.id}`, [], ME, 'public')).toEqual({
      kind: 'teamsUserId',
      id: BLAKE.id,
    });
    expect(readTypedEntry(ME, [], ME, 'public')).toEqual({
      kind: 'problem',
      message: 'That is your own id: you cannot call yourself.',
    });
  });

  it('reads a Teams user’s raw id typed from a government cloud (GCC High, DoD) for the directory to name', () => {
    expect(readTypedEntry(`8:gcch:${BLAKE.id}`, [], ME, 'gcch')).toEqual({
      kind: 'teamsUserId',
      id: BLAKE.id,
    });
    expect(readTypedEntry(` 8:dod:${BLAKE.id.toUpperCase()} `, [], ME, 'dod')).toEqual({
      kind: 'teamsUserId',
      id: BLAKE.id,
    });
    expect(readTypedEntry(`8:gcch:${ME}`, [], ME, 'gcch')).toEqual({
      kind: 'problem',
      message: 'That is your own id: you cannot call yourself.',
    });
  });

  it('gives a colleague picked by name the agent’s cloud', () => {
    expect(readTypedEntry('Blake Chen', [BLAKE], ME, 'gcch')).toEqual({
      kind: 'target',
      target: {
        kind: 'microsoftTeamsUser',
        microsoftTeamsUserId: BLAKE.id,
        cloud: 'gcch',
        displayName: 'Blake Chen',
      },
    });
  });

  it('takes a name when exactly one suggestion matches it, and asks to pick when several do', () => {
    expect(readTypedEntry('blake chen', [BLAKE, BLAIR], ME, 'public')).toEqual({
      kind: 'target',
      target: {
        kind: 'microsoftTeamsUser',
        microsoftTeamsUserId: BLAKE.id,
        cloud: 'public',
        displayName: 'Blake Chen',
      },
    });
    expect(readTypedEntry('Bla', [BLAKE], ME, 'public')).toEqual(
      jasmine.objectContaining({ kind: 'target' }) as unknown as ReturnType<typeof readTypedEntry>,
    );
    expect(readTypedEntry('Bla', [BLAKE, BLAIR], ME, 'public')).toEqual({
      kind: 'problem',
      message: 'Several people match: pick one from the suggestions.',
    });
    expect(readTypedEntry('Zed', [], ME, 'public')).toEqual({
      kind: 'problem',
      message:
        'Nobody in the directory is called “Zed”. Type a name, a phone number starting with +, or a Teams user id.',
    });
  });
});
