import { CommunicationIdentityClient } from '@azure/communication-identity';
import type { FastifyBaseLogger } from 'fastify';
import { ApiError } from './api-error';
import { isLoopback, isSecureOrLoopback } from './loopback';

export interface AcsToken {
  readonly token: string;
  readonly expiresOn: Date;
}

const EXCHANGE_TIMEOUT_MS = 10_000;

/**
 * The Teams token exchange: `CommunicationIdentityClient.getTokenForTeamsUser`, signed with the
 * connection string's key. ACS's refusals become this API's errors without ACS's text (it may
 * quote what was sent); what went wrong is logged by status and code only.
 */
export class TokenExchange {
  private readonly client: CommunicationIdentityClient;

  constructor(
    connectionString: string,
    private readonly clientId: string,
  ) {
    const endpoint = /^endpoint=([^;]+);/i.exec(connectionString)?.[1] ?? '';
    const url = URL.canParse(endpoint) ? new URL(endpoint) : null;
    if (!url || !isSecureOrLoopback(url)) {
      throw new Error('The ACS endpoint must be https (plain http only to loopback: the emulator).');
    }
    // core-rest-pipeline refuses http unless told: allowed for the emulator on loopback only.
    this.client = new CommunicationIdentityClient(connectionString, {
      allowInsecureConnection: url.protocol === 'http:' && isLoopback(url),
    });
  }

  async exchange(teamsUserAadToken: string, userObjectId: string, log: FastifyBaseLogger): Promise<AcsToken> {
    try {
      return await this.client.getTokenForTeamsUser({
        teamsUserAadToken,
        clientId: this.clientId,
        userObjectId,
        abortSignal: AbortSignal.timeout(EXCHANGE_TIMEOUT_MS),
      });
    } catch (error) {
      const { statusCode, code } = error as { statusCode?: number; code?: string };
      log.warn(
        { acsStatus: statusCode ?? null, acsCode: code ?? null },
        'The Teams token exchange with ACS failed',
      );
      throw refusal(statusCode, code, error);
    }
  }
}

function refusal(status: number | undefined, code: string | undefined, error: unknown): ApiError {
  if (status === 401 && code === 'Denied') {
    // ACS refused the server's own signature: the access key in ACS_CONNECTION_STRING is wrong.
    return new ApiError(502, 'acs_unavailable', "Azure Communication Services refused Switchboard's server.");
  }
  if (status === 429) {
    const retryAfter = (
      error as { response?: { headers?: { get(name: string): string | undefined } } }
    ).response?.headers?.get('retry-after');
    return new ApiError(
      429,
      'acs_throttled',
      'Azure Communication Services is busy: try again shortly.',
      retryAfter ? { 'Retry-After': retryAfter } : {},
    );
  }
  if (status !== undefined && status >= 400 && status < 500) {
    return new ApiError(
      401,
      'teams_token_rejected',
      'Azure Communication Services did not accept the Teams token: sign in again.',
      { 'WWW-Authenticate': 'Bearer error="invalid_token"' },
    );
  }
  return new ApiError(
    502,
    'acs_unavailable',
    'Azure Communication Services could not be reached: try again shortly.',
  );
}
