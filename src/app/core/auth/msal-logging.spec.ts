import { LogLevel as MsalLogLevel } from '@azure/msal-browser';
import { startLogger } from '../testing/recording-logger';
import { msalLoggerCallback } from './msal-logging';

describe('MSAL’s logging', () => {
  it('passes MSAL’s lines at the configured level, and drops any with personal data', () => {
    const { logger, lines } = startLogger('warning');
    const msal = msalLoggerCallback(logger);
    msal(MsalLogLevel.Warning, `token response #code=0.AXkA&state=x`, false);
    msal(MsalLogLevel.Info, 'acquireTokenSilent called', false);
    msal(MsalLogLevel.Error, 'account alex@switchboard.example', true);
    expect(lines).toEqual(['warn: msal: token response #code=[redacted]&state=[redacted]']);
  });
});
