import { TestBed } from '@angular/core/testing';
import { createClientLogger, getLogLevel } from '@azure/logger';
import { LogLevel as MsalLogLevel } from '@azure/msal-browser';
import { LOG_SINK, Logger, type LogSink } from './logger';
import { RUNTIME_CONFIG, type LogLevel } from './runtime-config';

const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJza3lwZWlkIjoib3JnaWQ6YWJjIn0.c2lnbmF0dXJl';

/** Every line the logger writes, as the browser's console would show it. */
function recordingSink() {
  const lines: string[] = [];
  const record =
    (level: string) =>
    (...args: unknown[]) =>
      lines.push(`${level}: ${args.join(' ')}`);
  const sink: LogSink = {
    error: record('error'),
    warn: record('warn'),
    info: record('info'),
    debug: record('debug'),
  };
  return { sink, lines };
}

function startLogger(logLevel: LogLevel) {
  const { sink, lines } = recordingSink();
  TestBed.configureTestingModule({
    providers: [
      { provide: LOG_SINK, useValue: sink },
      { provide: RUNTIME_CONFIG, useValue: { logLevel } },
    ],
  });
  return { logger: TestBed.inject(Logger), lines };
}

describe('Logger', () => {
  it('sets the Azure SDKs’ level from config.json and passes their lines through redaction', () => {
    const { lines } = startLogger('info');
    expect(getLogLevel()).toBe('info');
    // A client logger as the Calling SDK makes its own (its package name as the namespace).
    const sdk = createClientLogger('communication-calling');
    sdk.info('createTeamsCallAgent with token %s', JWT);
    sdk.verbose('a verbose line config.json did not ask for');
    sdk.error('Bearer abc.def refused');
    expect(lines).toEqual([
      'info: azure:communication-calling:info createTeamsCallAgent with token %s [token]',
      'error: azure:communication-calling:error Bearer [redacted] refused',
    ]);
  });

  it('passes MSAL’s lines at the configured level, and drops any with personal data', () => {
    const { logger, lines } = startLogger('warning');
    logger.msal(MsalLogLevel.Warning, `token response #code=0.AXkA&state=x`, false);
    logger.msal(MsalLogLevel.Info, 'acquireTokenSilent called', false);
    logger.msal(MsalLogLevel.Error, 'account alex@switchboard.example', true);
    expect(lines).toEqual(['warn: msal: token response #code=[redacted]&state=[redacted]']);
  });

  it('redacts the console’s own details, never the message a person reads', () => {
    const { logger, lines } = startLogger('error');
    logger.error('Calling session failed', { message: 'refused', token: JWT, code: 401 });
    logger.info('not at this level');
    expect(lines).toEqual([
      'error: Calling session failed {"message":"refused","token":[redacted],"code":401}',
    ]);
  });
});
