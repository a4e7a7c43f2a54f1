import { isNameSearch } from './dialer-input';

const ME = '00000000-0000-4000-8000-00000000a001';

describe('the dialer’s one input', () => {
  it('looks up names only: not numbers, ids or a single letter', () => {
    expect(isNameSearch('Bl')).toBeTrue();
    expect(isNameSearch('B')).toBeFalse();
    expect(isNameSearch('+1 425')).toBeFalse();
    expect(isNameSearch('425 555')).toBeFalse();
    expect(isNameSearch(`8:orgid:${ME}`)).toBeFalse();
  });
});
