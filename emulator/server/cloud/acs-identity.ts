import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { JWTPayload } from 'jose';
import type { World } from '../../engine/world';
import { ACS_RESOURCE } from './app-registration';
import type { EntraSigner } from './entra-tokens';
import wellKnown from '../../well-known.json';

/** The emulator's ACS resource key, well known like Azurite's account key: not a secret. */
export const ACS_ACCESS_KEY = wellKnown.acsAccessKey;

/** How far a request's `x-ms-date` may be from the emulator's wall clock. */
const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;
const SIGNED_HEADERS = 'x-ms-date;host;x-ms-content-sha256';
const REQUIRED_PERMISSIONS = ['Teams.ManageCalls', 'Teams.ManageChats'];

/** A refusal in ACS's shape: `{ error: { code, message, target? } }` with the service's status. */
export class AcsError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly target?: string,
  ) {
    super(message);
  }
}

const invalidToken = (reason: string) =>
  new AcsError(401, 'InvalidAccessToken', `Provided access token is not valid: ${reason}`);

/**
 * ACS identity's `POST /teamsUser/:exchangeAccessToken`, the operation behind
 * `CommunicationIdentityClient.getTokenForTeamsUser`. As the service does, it checks the request's
 * HMAC-SHA256 signature (the connection string's access key), then that the Teams user's token
 * is one this tenant's Entra ID issued for ACS with the Teams permissions, that `appId` is its
 * `appid` and `userId` its `oid`; it answers an ACS token the calling world accepts, expiring
 * with the Entra token.
 */
export class AcsIdentity {
  private readonly key: Buffer;
  /**
   * The longest an issued ACS token lives, if shorter than the Entra token it comes from (`null`:
   * as long as that token, as ACS does). A test's setting (`PATCH /emulator/identity`), so that
   * the console's proactive renewal, due 10 minutes before expiry or halfway through a shorter
   * life, comes within a test's time.
   */
  tokenLifetimeMs: number | null = null;

  constructor(
    private readonly world: World,
    private readonly signer: EntraSigner,
    accessKey = ACS_ACCESS_KEY,
    private readonly wallClock: () => number = Date.now,
  ) {
    this.key = Buffer.from(accessKey, 'base64');
  }

  /** `request.body` is the body's bytes, as they were signed. */
  async exchangeTeamsUserAccessToken(request: FastifyRequest, response: FastifyReply): Promise<FastifyReply> {
    const url = new URL(request.url, 'http://emulator');
    try {
      if (!url.searchParams.get('api-version')) {
        throw new AcsError(
          400,
          'MissingApiVersionParameter',
          'The api-version query parameter (?api-version=) is required for all requests.',
        );
      }
      const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      this.checkSignature(request, url, body);
      const { token, appId, userId } = parseRequest(body.toString('utf8'));
      let claims: JWTPayload;
      try {
        claims = await this.signer.verify(token, ACS_RESOURCE, this.world.clock.now());
      } catch (error) {
        throw invalidToken(
          (error as { code?: string }).code === 'ERR_JWT_EXPIRED'
            ? 'it has expired.'
            : 'it is not an access token for Azure Communication Services from this tenant.',
        );
      }
      const granted = String(claims['scp'] ?? '').split(' ');
      const lacking = REQUIRED_PERMISSIONS.filter((permission) => !granted.includes(permission));
      if (lacking.length) throw invalidToken(`it lacks the delegated permission ${lacking.join(' and ')}.`);
      if (appId !== claims['appid']) {
        throw new AcsError(
          400,
          'ValidationError',
          'The appId does not match the appid claim of the token.',
          'appId',
        );
      }
      if (userId !== claims['oid']) {
        throw new AcsError(
          400,
          'ValidationError',
          'The userId does not match the oid claim of the token.',
          'userId',
        );
      }
      const found = this.world.directory.teamsUser(userId);
      if (found.kind !== 'user')
        throw new AcsError(403, 'Forbidden', 'The user is not a Teams user of this tenant.');
      const untilEntraExpiry = Number(claims.exp) * 1000 - this.world.clock.now();
      const lifetimeMs = Math.min(untilEntraExpiry, this.tokenLifetimeMs ?? untilEntraExpiry);
      const issued = this.world.issueToken(found.user.key, lifetimeMs);
      return response.send({ token: issued.token, expiresOn: new Date(issued.expiresOn).toISOString() });
    } catch (error) {
      if (!(error instanceof AcsError)) throw error;
      return response.code(error.status).send(acsErrorBody(error));
    }
  }

  /** The HMAC scheme of `@azure/communication-common`'s access key policy, checked field by field. */
  private checkSignature(request: FastifyRequest, url: URL, body: Buffer): void {
    const denied = (why: string) => new AcsError(401, 'Denied', `Denied by the resource provider: ${why}`);
    const match = /^HMAC-SHA256 SignedHeaders=([^&]+)&Signature=(\S+)$/.exec(
      request.headers.authorization ?? '',
    );
    if (!match)
      throw denied('the request is not signed (Authorization: HMAC-SHA256 SignedHeaders=...&Signature=...).');
    if (match[1] !== SIGNED_HEADERS) throw denied(`the signed headers must be ${SIGNED_HEADERS}.`);
    const date = String(request.headers['x-ms-date'] ?? '');
    const sent = Date.parse(date);
    if (!Number.isFinite(sent) || Math.abs(this.wallClock() - sent) > MAX_CLOCK_SKEW_MS) {
      throw denied('x-ms-date is missing or more than 15 minutes from the service’s clock.');
    }
    const contentHash = createHash('sha256').update(body).digest('base64');
    if (request.headers['x-ms-content-sha256'] !== contentHash) {
      throw denied('x-ms-content-sha256 is not the SHA-256 of the body.');
    }
    const query = url.searchParams.toString();
    const pathAndQuery = query ? `${url.pathname}?${query}` : url.pathname;
    const stringToSign = `${request.method}\n${pathAndQuery}\n${date};${request.headers.host ?? ''};${contentHash}`;
    const expected = createHmac('sha256', this.key).update(stringToSign).digest();
    const signature = Buffer.from(match[2], 'base64');
    if (signature.length !== expected.length || !timingSafeEqual(signature, expected)) {
      throw denied('the signature does not match: check the access key in the connection string.');
    }
  }
}

export function acsErrorBody(error: AcsError) {
  return {
    error: { code: error.code, message: error.message, ...(error.target && { target: error.target }) },
  };
}

function parseRequest(body: string): { token: string; appId: string; userId: string } {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    throw new AcsError(400, 'ValidationError', 'The request body must be JSON: { token, appId, userId }.');
  }
  const record = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  for (const field of ['token', 'appId', 'userId']) {
    if (typeof record[field] !== 'string' || !record[field]) {
      throw new AcsError(400, 'ValidationError', `The ${field} field is required.`, field);
    }
  }
  return record as { token: string; appId: string; userId: string };
}
