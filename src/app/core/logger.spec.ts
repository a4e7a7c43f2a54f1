import { createClientLogger, getLogLevel } from '@azure/logger';
import { startLogger } from './testing/recording-logger';

const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJza3lwZWlkIjoib3JnaWQ6YWJjIn0.c2lnbmF0dXJl';

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

  it('redacts the console’s own details, never the message a person reads', () => {
    const { logger, lines } = startLogger('error');
    logger.error('Calling session failed', { message: 'refused', token: JWT, code: 401 });
    logger.info('not at this level');
    expect(lines).toEqual([
      'error: Calling session failed {"message":"refused","token":[redacted],"code":401}',
    ]);
  });
});
