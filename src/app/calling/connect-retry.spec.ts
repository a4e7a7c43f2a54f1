import { CallingFailure } from './calling-codes';
import { CALLING_SERVICE_UNREACHABLE } from './connect-agent';
import { connectFault, CredentialFailure, retryDelay } from './connect-retry';

describe('connection retries', () => {
  it('wait 1 s doubling to 30 s, each jittered between half its ceiling and all of it', () => {
    const ceilings = [1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000];
    ceilings.forEach((ceiling, index) => {
      expect(retryDelay(index + 1, () => 0)).toBe(ceiling / 2);
      expect(retryDelay(index + 1, () => 0.999_999)).toBe(ceiling);
      const jittered = retryDelay(index + 1, Math.random);
      expect(jittered).toBeGreaterThanOrEqual(ceiling / 2);
      expect(jittered).toBeLessThanOrEqual(ceiling);
    });
  });

  it('retry what the network or a busy service caused, refresh a refused token, and stop at the rest', () => {
    expect(connectFault(CALLING_SERVICE_UNREACHABLE)).toBe('unreachable');
    expect(connectFault({ code: 408, subCode: 40114 })).toBe('unreachable');
    expect(connectFault({ code: 503 })).toBe('unreachable');
    expect(connectFault(new TypeError('Failed to fetch'))).toBe('unreachable');
    expect(connectFault({ code: 401, subCode: 10009 })).toBe('refusedToken');
    expect(connectFault({ code: 495, subCode: 4507 })).toBe('refusedToken');
    expect(connectFault({ code: 409, subCode: 40230 })).toBe('fatal');
    expect(connectFault(new CallingFailure('The calling token names no Teams user.'))).toBe('fatal');
    expect(connectFault(new CredentialFailure('Switchboard’s server is not reachable.', 'unreachable'))).toBe(
      'unreachable',
    );
  });
});
