import { randomUUID } from 'node:crypto';
import { AUTHORITY_HOST, type EntraError } from './app-registration';

const timestamp = (now: number) => new Date(now).toISOString().replace('T', ' ').slice(0, 19) + 'Z';

/** The token endpoint's error body, in Entra ID's shape (MSAL reads `error` and `error_codes`). */
export function tokenErrorBody(error: EntraError, now: number) {
  const traceId = randomUUID();
  const correlationId = randomUUID();
  return {
    error: error.error,
    error_description: `${error.message}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${timestamp(now)}`,
    error_codes: error.code === null ? [] : [error.code],
    timestamp: timestamp(now),
    trace_id: traceId,
    correlation_id: correlationId,
    ...(error.code !== null && { error_uri: `https://${AUTHORITY_HOST}/error?code=${error.code}` }),
  };
}

/** The parameters an error redirect back to the app carries. */
export function redirectErrorParams(error: EntraError): Record<string, string> {
  return {
    error: error.error,
    error_description: error.message,
    ...(error.code !== null && { error_uri: `https://${AUTHORITY_HOST}/error?code=${error.code}` }),
  };
}
