import {
  createIdentifierFromRawId,
  isMicrosoftTeamsUserIdentifier,
} from '@azure/communication-common/identifiers';
import type { TeamsCloud } from '../../model/identity';
import { TokenExchangeError } from './auth-failure';
import type { SignedInUser } from './signed-in-user';

/** `server/`'s answer: the ACS token and who it is for. */
export interface AcsSession {
  readonly token: string;
  readonly expiresOn: string;
  readonly user: SignedInUser;
}

/**
 * `POST <tokenUrl>`: the Entra token for Switchboard's API (who the user is, and their app role)
 * as the bearer, and the Teams token for ACS in the body, which `server/` exchanges with
 * `getTokenForTeamsUser`. Two tokens because Entra puts app roles only in tokens whose audience
 * is the app (server/README.md).
 */
export async function exchangeForAcsToken(
  tokenUrl: string,
  apiToken: string,
  teamsUserAadToken: string,
): Promise<AcsSession> {
  let response: Response;
  try {
    response = await fetch(tokenUrl, {
      method: 'POST',
      headers: { Authorization: `Bearer ${apiToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ teamsUserAadToken }),
      cache: 'no-store',
    });
  } catch {
    throw new TokenExchangeError('Switchboard’s server is not reachable.', 0, 'unreachable');
  }
  const body = (await response.json().catch(() => null)) as unknown;
  if (!response.ok) {
    const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
    throw new TokenExchangeError(
      typeof error?.message === 'string'
        ? error.message
        : `Switchboard’s server answered HTTP ${response.status}.`,
      response.status,
      typeof error?.code === 'string' ? error.code : 'unknown',
    );
  }
  if (!isAcsSession(body)) {
    throw new TokenExchangeError(
      'Switchboard’s server answered in a shape the console does not know.',
      response.status,
      'bad_response',
    );
  }
  const cloud = teamsCloudOfAcsToken(body.token);
  if (!cloud) {
    throw new TokenExchangeError(
      'Switchboard’s server answered with a calling token that is not a Teams user’s.',
      response.status,
      'bad_response',
    );
  }
  return { ...body, user: { ...body.user, cloud } };
}

/**
 * The cloud of the Teams user an ACS token is for. Its `skypeid` claim is their raw id without the
 * `8:` (`orgid:<id>`, `gcch:<id>`, `dod:<id>`), which @azure/communication-common reads.
 */
export function teamsCloudOfAcsToken(token: string): TeamsCloud | null {
  let skypeid: unknown;
  try {
    const payload = token.split('.')[1] ?? '';
    skypeid = (JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { skypeid?: unknown })
      .skypeid;
  } catch {
    return null;
  }
  if (typeof skypeid !== 'string') return null;
  const identifier = createIdentifierFromRawId(`8:${skypeid}`);
  return isMicrosoftTeamsUserIdentifier(identifier) && !identifier.isAnonymous
    ? (identifier.cloud ?? null)
    : null;
}

/** `server/`'s answer as it comes: the user's cloud is the token's to say. */
type ServerAnswer = Omit<AcsSession, 'user'> & { readonly user: Omit<SignedInUser, 'cloud'> };

function isAcsSession(value: unknown): value is ServerAnswer {
  const session = value as Partial<ServerAnswer> | null;
  const user = session?.user as Partial<SignedInUser> | undefined;
  return (
    typeof session?.token === 'string' &&
    typeof session.expiresOn === 'string' &&
    typeof user?.id === 'string' &&
    typeof user.displayName === 'string' &&
    (user.role === 'agent' || user.role === 'supervisor') &&
    typeof user.microsoftTeamsUserId === 'string'
  );
}
