import { getIdentifierRawId } from '@azure/communication-common';
import { teamsUserIdentifier, type DirectoryUser, type TeamsCloud } from './directory';
import { hmacSha256 } from './hmac-sha256';
import type { Random } from './random';
import wellKnown from '../well-known.json';

/**
 * ACS-shaped access tokens: JWTs with the claims of a Teams user's ACS token (`skypeid`, `tid`,
 * `acsScope`, `resourceId`, `exp`), so `AzureCommunicationTokenCredential` and the Calling SDK
 * read them as they read real ones (the SDK's `TeamsCallAgent` takes only a token with a tenant).
 * They are signed (HS256) with the emulator's well-known ACS access key and checked by signature
 * and expiry alone, nothing remembered: an emulator started again accepts the tokens an earlier
 * run issued, as ACS does across its own restarts. `sbu` names the directory user the token is for
 * (the world looks it up: a user it does not have is refused).
 *
 * Two kinds, each with its own `kid` so neither passes for the other: `acs` (what `hello` takes)
 * and `entra`, the world's in-process stand-in for a sign-in's access token (what its Graph takes).
 */
export type TokenKind = 'acs' | 'entra';

export interface IssuedToken {
  readonly token: string;
  readonly expiresOn: number;
}

const KIDS: Record<TokenKind, string> = { acs: 'emulator-acs', entra: 'emulator-entra' };
const SIGNING_KEY = Uint8Array.from(atob(wellKnown.acsAccessKey), (c) => c.charCodeAt(0));

const encoder = new TextEncoder();
const toBase64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
const fromBase64url = (text: string) =>
  Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
const encodeJson = (value: unknown) => toBase64url(encoder.encode(JSON.stringify(value)));
const signature = (signed: string) => toBase64url(hmacSha256(SIGNING_KEY, encoder.encode(signed)));

/** Equal strings, compared in time that does not depend on where they differ. */
function sameText(a: string, b: string): boolean {
  let difference = a.length ^ b.length;
  for (let i = 0; i < Math.min(a.length, b.length); i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}

export class TokenIssuer {
  constructor(
    private readonly random: Random,
    private readonly cloud: TeamsCloud,
  ) {}

  issue(user: DirectoryUser, now: number, lifetimeMs: number, kind: TokenKind = 'acs'): IssuedToken {
    // Whole seconds, as JWTs have them: the token ends when its `exp` says.
    const exp = Math.floor((now + lifetimeMs) / 1000);
    const common = { sbu: user.key, jti: this.random.guid(), iat: Math.floor(now / 1000), exp };
    const payload =
      kind === 'acs'
        ? {
            // The user's raw id without its `8:`: `orgid:<id>`, `gcch:<id>`, `dod:<id>`.
            skypeid: this.skypeId(user.microsoftTeamsUserId),
            scp: 1024,
            tid: wellKnown.tenantId,
            acsScope: 'voip,chat',
            resourceId: wellKnown.acsResourceId,
            ...common,
          }
        : { oid: user.microsoftTeamsUserId, name: user.displayName, ...common };
    const signed = `${encodeJson({ alg: 'HS256', typ: 'JWT', kid: KIDS[kind] })}.${encodeJson(payload)}`;
    return { token: `${signed}.${signature(signed)}`, expiresOn: exp * 1000 };
  }

  /** The user an ACS token (by default) was issued to, if this emulator's key signed it and it has not expired. */
  verify(token: string, now: number, kind: TokenKind = 'acs'): string | undefined {
    const claims = this.claims(token, kind);
    if (!claims || typeof claims['exp'] !== 'number' || claims['exp'] * 1000 <= now) return undefined;
    const userKey = claims['sbu'];
    if (typeof userKey !== 'string') return undefined;
    // A token from a tenant in another cloud names its user by that cloud's prefix.
    if (kind === 'acs' && claims['skypeid'] !== this.skypeId(String(claims['skypeid']).split(':').pop()!))
      return undefined;
    return userKey;
  }

  /** The user of a sign-in stand-in (by default), as `verify`: nothing is remembered to forget. */
  peek(token: string, now: number, kind: TokenKind = 'entra'): string | undefined {
    return this.verify(token, now, kind);
  }

  private skypeId(microsoftTeamsUserId: string): string {
    return getIdentifierRawId(teamsUserIdentifier({ microsoftTeamsUserId }, this.cloud)).slice('8:'.length);
  }

  /** The payload of a well-formed token of this kind whose signature is this emulator's. */
  private claims(token: string, kind: TokenKind): Record<string, unknown> | undefined {
    const parts = token.split('.');
    if (parts.length !== 3) return undefined;
    const [header, payload, mac] = parts as [string, string, string];
    if (!sameText(mac, signature(`${header}.${payload}`))) return undefined;
    try {
      const { alg, kid } = JSON.parse(new TextDecoder().decode(fromBase64url(header))) as Record<
        string,
        unknown
      >;
      if (alg !== 'HS256' || kid !== KIDS[kind]) return undefined;
      const claims: unknown = JSON.parse(new TextDecoder().decode(fromBase64url(payload)));
      return typeof claims === 'object' && claims !== null ? (claims as Record<string, unknown>) : undefined;
    } catch {
      return undefined;
    }
  }
}
