import { getIdentifierRawId } from '@azure/communication-common';
import { teamsUserIdentifier, type DirectoryUser, type TeamsCloud } from './directory';
import type { Random } from './random';
import wellKnown from '../well-known.json';

/**
 * ACS-shaped access tokens: JWTs (header.payload.signature, base64url) with the claims of a Teams
 * user's ACS token (`skypeid`, `tid`, `acsScope`, `resourceId`, `exp`), so
 * `AzureCommunicationTokenCredential` and the Calling SDK read them as they read real ones (the
 * SDK's `TeamsCallAgent` takes only a token with a tenant). The world keeps the token-to-user map;
 * no signature is checked.
 */
const base64url = (text: string) => btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

export interface IssuedToken {
  readonly token: string;
  readonly expiresOn: number;
}

export class TokenIssuer {
  private readonly issued = new Map<string, { userKey: string; expiresOn: number }>();

  constructor(
    private readonly random: Random,
    private readonly cloud: TeamsCloud,
  ) {}

  issue(user: DirectoryUser, now: number, lifetimeMs: number, purpose: 'acs' | 'entra' = 'acs'): IssuedToken {
    const expiresOn = now + lifetimeMs;
    const payload =
      purpose === 'acs'
        ? {
            // The user's raw id without its `8:`: `orgid:<id>`, `gcch:<id>`, `dod:<id>`.
            skypeid: getIdentifierRawId(teamsUserIdentifier(user, this.cloud)).slice('8:'.length),
            scp: 1024,
            tid: wellKnown.tenantId,
            acsScope: 'voip,chat',
            resourceId: wellKnown.acsResourceId,
            iat: Math.floor(now / 1000),
            exp: Math.floor(expiresOn / 1000),
          }
        : {
            oid: user.microsoftTeamsUserId,
            name: user.displayName,
            iat: Math.floor(now / 1000),
            exp: Math.floor(expiresOn / 1000),
          };
    const token = [
      base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT', kid: `emulator-${purpose}` })),
      base64url(JSON.stringify(payload)),
      base64url(this.random.guid()),
    ].join('.');
    this.issued.set(token, { userKey: user.key, expiresOn });
    return { token, expiresOn };
  }

  /** Like `verify`, without forgetting an expired token. */
  peek(token: string, now: number): string | undefined {
    const entry = this.issued.get(token);
    return entry && entry.expiresOn > now ? entry.userKey : undefined;
  }

  /** The user a token was issued to, if it was issued here and has not expired. */
  verify(token: string, now: number): string | undefined {
    const entry = this.issued.get(token);
    if (!entry) return undefined;
    if (entry.expiresOn <= now) {
      this.issued.delete(token);
      return undefined;
    }
    return entry.userKey;
  }
}
