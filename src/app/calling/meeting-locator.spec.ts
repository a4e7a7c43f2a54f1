import {
  describeMeetingLocator,
  meetingLocatorKind,
  parseMeetingCoordinates,
  parseMeetingIdAndPasscode,
  parseMeetingLink,
} from './meeting-locator';

const LINK =
  'https://teams.microsoft.com/l/meetup-join/19%3ameeting_NzQ4MjE0%40thread.v2/0?context=%7b%22Tid%22%3a%2272f988bf-86f1-41af-91ab-2d7cd011db47%22%7d';

const COORDINATES = {
  threadId: '19:meeting_NzQ4MjE0@thread.v2',
  organizerId: '00000000-0000-4000-8000-00000000A001',
  tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  messageId: '0',
};

const problem = (parsed: { ok: boolean; message?: string }) => (parsed.ok ? null : parsed.message);

describe('meeting locators as the agent types them', () => {
  it('takes a Teams meeting link as pasted', () => {
    expect(parseMeetingLink(` ${LINK} `)).toEqual({ ok: true, value: { meetingLink: LINK } });
  });

  it('says what is wrong with a link that is not a Teams meeting link', () => {
    expect(problem(parseMeetingLink(''))).toBe('Paste the meeting link from the invitation.');
    expect(problem(parseMeetingLink('teams meeting tomorrow'))).toBe(
      'This is not a link: a Teams meeting link starts with https://teams.microsoft.com/l/meetup-join/.',
    );
    expect(problem(parseMeetingLink(LINK.replace('https:', 'http:')))).toBe(
      'A Teams meeting link starts with https://, not http://.',
    );
    expect(problem(parseMeetingLink('https://zoom.us/j/123'))).toBe(
      'This is not a Teams meeting link: it goes to zoom.us, not teams.microsoft.com.',
    );
    expect(problem(parseMeetingLink('https://teams.microsoft.com/l/chat/0/0'))).toBe(
      'This Teams link is not a meeting invitation: meeting links contain /l/meetup-join/.',
    );
    expect(problem(parseMeetingLink('https://teams.microsoft.com/l/meetup-join/'))).toBe(
      'This meeting link is cut short: copy the whole link from the invitation.',
    );
  });

  it('takes coordinates, ids in lower case', () => {
    expect(parseMeetingCoordinates(COORDINATES)).toEqual({
      ok: true,
      value: { ...COORDINATES, organizerId: '00000000-0000-4000-8000-00000000a001' },
    });
  });

  it('names the first coordinate that is wrong and what it should look like', () => {
    expect(problem(parseMeetingCoordinates({ ...COORDINATES, threadId: '19:abc' }))).toBe(
      'A meeting thread id looks like 19:meeting_…@thread.v2.',
    );
    expect(problem(parseMeetingCoordinates({ ...COORDINATES, organizerId: 'alex' }))).toBe(
      'The organizer id is the organizer’s object id: a GUID like 8c0a7a44-1b2c-4d5e-9f00-123456789abc.',
    );
    expect(problem(parseMeetingCoordinates({ ...COORDINATES, tenantId: '' }))).toBe('Type the tenant id.');
    expect(problem(parseMeetingCoordinates({ ...COORDINATES, messageId: 'first' }))).toBe(
      'The message id is a number (0 for most meetings).',
    );
  });

  it('takes a 12-digit meeting ID written in groups, and the passcode with its case kept', () => {
    expect(parseMeetingIdAndPasscode('123 456 789 012', 'aB3dE6')).toEqual({
      ok: true,
      value: { meetingId: '123456789012', passcode: 'aB3dE6' },
    });
  });

  it('counts the digits of a wrong meeting ID and the characters of a wrong passcode', () => {
    expect(problem(parseMeetingIdAndPasscode('123 456 789 01', 'aB3dE6'))).toBe(
      'A meeting ID has 12 digits; this one has 11.',
    );
    expect(problem(parseMeetingIdAndPasscode('123-456-789-012', 'aB3dE6'))).toBe(
      'A meeting ID has only digits (spaces between the groups are fine).',
    );
    expect(problem(parseMeetingIdAndPasscode('123456789012', 'aB3dE'))).toBe(
      'A passcode has 6 characters; this one has 5.',
    );
    expect(problem(parseMeetingIdAndPasscode('123456789012', 'aB3 E6'))).toBe(
      'A passcode has only letters and digits.',
    );
    expect(problem(parseMeetingIdAndPasscode('123456789012', ''))).toBe(
      'Type the passcode from the invitation.',
    );
  });

  it('describes a locator by how it names the meeting, never by what it holds', () => {
    const described = [
      { meetingLink: LINK },
      COORDINATES,
      { meetingId: '123456789012', passcode: 'aB3dE6' },
    ].map((locator) => describeMeetingLocator(meetingLocatorKind(locator)));
    expect(described).toEqual([
      'Teams meeting (joined by link)',
      'Teams meeting (joined by its coordinates)',
      'Teams meeting (joined by meeting ID and passcode)',
    ]);
    for (const text of described) expect(text).not.toMatch(/\d{3}|meeting_|aB3dE6/);
  });
});
