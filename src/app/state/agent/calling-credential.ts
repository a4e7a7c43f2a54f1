import { CredentialFailure, type ConnectFault } from '../../calling/connect-retry';
import type { CredentialSource } from '../../calling/calling-session';
import { describeAuthError, isTransientAuthError } from '../../core/auth/auth-failure';
import type { AuthService } from '../../core/auth/auth.service';

/**
 * The calling session's credentials, from the sign-in. `fresh` (the calling service refused the
 * token): the session starts again with tokens MSAL fetches anew, not from its cache; what that
 * fails with is judged here, where the sign-in is known: a server that cannot be reached is worth
 * a retry, a refusal needs the agent.
 */
export function callingCredential(auth: AuthService): CredentialSource {
  return async ({ fresh }) => {
    if (fresh) {
      try {
        await auth.startSession({ fresh: true });
      } catch (error) {
        const { failure, needsSignIn } = describeAuthError(error);
        const fault: ConnectFault = needsSignIn
          ? 'refusedToken'
          : isTransientAuthError(error)
            ? 'unreachable'
            : 'fatal';
        throw new CredentialFailure(failure.message, fault);
      }
    }
    try {
      return auth.credential();
    } catch (error) {
      // No session to take a token from: nothing a retry would change.
      throw new CredentialFailure(describeAuthError(error).failure.message, 'fatal');
    }
  };
}
