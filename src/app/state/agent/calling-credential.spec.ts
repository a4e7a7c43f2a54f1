import { CredentialFailure } from '../../calling/connect-retry';
import { TokenExchangeError } from '../../core/auth/auth-failure';
import type { AuthService } from '../../core/auth/auth.service';
import { callingCredential } from './calling-credential';

/** AuthService at its boundary: what starting a fresh session does, set per test. */
const authWhere = (startSession: () => Promise<never>) =>
  ({
    startSession,
    credential: () => {
      throw new Error('Sign in before connecting to the calling service.');
    },
  }) as unknown as AuthService;

const refusal = (status: number, code: string, message: string) => async () => {
  throw new TokenExchangeError(message, status, code);
};

describe('the calling session’s credentials', () => {
  it('judge what fetching fresh tokens failed with: a refusal needs the agent, an outage a retry', async () => {
    const fresh = { fresh: true };
    await expectAsync(
      callingCredential(authWhere(refusal(401, 'token_invalid', 'The access token is not valid.')))(fresh),
    ).toBeRejectedWith(
      new CredentialFailure('Could not get a calling token: The access token is not valid.', 'refusedToken'),
    );
    await expectAsync(
      callingCredential(authWhere(refusal(0, 'unreachable', 'Switchboard’s server is not reachable.')))(
        fresh,
      ),
    ).toBeRejectedWith(jasmine.objectContaining({ fault: 'unreachable' }));
    await expectAsync(
      callingCredential(authWhere(refusal(403, 'no_role', 'Your account has neither role.')))(fresh),
    ).toBeRejectedWith(jasmine.objectContaining({ fault: 'fatal' }));
  });

  it('do not retry when there is no session to take a token from', async () => {
    await expectAsync(
      callingCredential(authWhere(refusal(500, 'x', 'unused')))({ fresh: false }),
    ).toBeRejectedWith(jasmine.objectContaining({ fault: 'fatal' }));
  });
});
