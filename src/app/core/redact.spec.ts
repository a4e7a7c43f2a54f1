import { redact, redactValue } from './redact';

describe('redact', () => {
  const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJza3lwZWlkIjoib3JnaWQ6YWJjIn0.c2lnbmF0dXJl';

  it('hides ACS tokens wherever they appear', () => {
    expect(redact(`created agent with ${jwt}`)).toBe('created agent with [token]');
  });

  it('hides Entra’s opaque refresh tokens and every named token, but not the token URL', () => {
    const text = redactValue({
      refresh_token: '0.AXkA-opaque',
      teamsUserAadToken: 'x.y',
      tokenUrl: '/api/token',
    });
    expect(text).toBe('{"refresh_token":[redacted],"teamsUserAadToken":[redacted],"tokenUrl":"/api/token"}');
  });

  it('hides the authorization code and PKCE verifier of a sign-in URL, keeping the rest', () => {
    expect(redact('GET /redirect#code=0.AXkA-secret&client_info=eyJ1aWQ&state=abc')).toBe(
      'GET /redirect#code=[redacted]&client_info=[redacted]&state=[redacted]',
    );
    expect(redact('grant_type=authorization_code&code_verifier=s3cret&redirect_uri=x')).toBe(
      'grant_type=authorization_code&code_verifier=[redacted]&redirect_uri=x',
    );
  });

  it('hides bearer credentials', () => {
    expect(redact('Authorization: Bearer abc.def')).toBe('Authorization: Bearer [redacted]');
  });

  it('hides meeting IDs and passcodes in JSON', () => {
    const text = redactValue({ meetingId: '123456789012', passcode: 'aB3dE6' });
    expect(text).not.toContain('123456789012');
    expect(text).not.toContain('aB3dE6');
  });

  it('hides a bare 12-digit meeting ID and a meeting link', () => {
    expect(redact('join 123 456 789 012 now')).toBe('join [meeting id] now');
    expect(redact('https://teams.microsoft.com/l/meetup-join/19%3ameeting_x/0?context=y')).toBe(
      '[meeting link]',
    );
  });

  it('hides a meeting’s thread id, plain or in a URL, and keeps a group chat’s', () => {
    expect(redact('join 19:meeting_NzQ4MjE0YTEt@thread.v2 as coordinates')).toBe(
      'join [meeting thread] as coordinates',
    );
    expect(redact('GET /chats/19%3Ameeting_NzQ4MjE0YTEt%40thread.v2/members')).toBe(
      'GET /chats/[meeting thread]/members',
    );
    expect(redact('chat 19:4f1c2d@thread.v2')).toBe('chat 19:4f1c2d@thread.v2');
  });

  it('keeps E.164 phone numbers, which agents need to read in logs', () => {
    expect(redact('caller +14255550123')).toBe('caller +14255550123');
    expect(redact('caller +447911123456')).toBe('caller +447911123456');
  });
});
