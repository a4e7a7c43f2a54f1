import { Faults } from '../../engine/faults';
import { GraphFaults } from '../../graph/graph-faults';

/**
 * What a fault can target in Microsoft's cloud, beside the calling operations: ACS identity's token
 * exchange (what `getTokenForTeamsUser` sends, which `server/` calls), Entra ID's token endpoint
 * (MSAL's code and refresh grants) and Microsoft Graph.
 */
export const CLOUD_FAULT_OPERATIONS = ['getTokenForTeamsUser', 'entraToken', 'graph'] as const;
export type CloudFaultOperation = (typeof CLOUD_FAULT_OPERATIONS)[number];

export function isCloudFaultOperation(name: string): name is CloudFaultOperation {
  return (CLOUD_FAULT_OPERATIONS as readonly string[]).includes(name);
}

/** An HTTP refusal to answer instead of the service's own: its status and, if given, its message. */
export interface CloudFailure {
  readonly status: number;
  readonly message: string;
}

/**
 * Refusals waiting for the cloud's next requests, one request each, in the order given. They carry
 * no `Retry-After`, as a service failing outright would not: Azure's SDKs (`server/`'s identity
 * client) retry a 408 or a 5xx by themselves, up to 3 times, and a 429 without it not at all, so a
 * test that counts its client's attempts injects accordingly.
 */
export class CloudFaults {
  readonly graph = new GraphFaults();
  private readonly http = new Faults<Exclude<CloudFaultOperation, 'graph'>>();

  failNext(op: Exclude<CloudFaultOperation, 'graph'>, status: number, message?: string): void {
    this.http.failNext(op, { code: status, ...(message !== undefined && { message }) });
  }

  /** The refusal for this request, if one was injected (it is then used up). */
  take(op: Exclude<CloudFaultOperation, 'graph'>): CloudFailure | undefined {
    const failure = this.http.takeFailure(op);
    return (
      failure && {
        status: failure.code,
        message: failure.message ?? `${op} failed (injected fault, ${failure.code}).`,
      }
    );
  }

  clear(): void {
    this.http.clear();
    this.graph.clear();
  }
}

/** Entra ID's `error` for a status (OAuth 2.0's names, as its token endpoint answers them). */
export function entraErrorName(status: number): string {
  if (status === 429 || status === 503) return 'temporarily_unavailable';
  if (status >= 500) return 'server_error';
  return { 401: 'invalid_client', 403: 'access_denied' }[status] ?? 'invalid_request';
}

/** ACS's `error.code` for a status. */
export function acsErrorCode(status: number): string {
  const codes: Record<number, string> = {
    400: 'BadRequest',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'NotFound',
    429: 'TooManyRequests',
    503: 'ServiceUnavailable',
  };
  return codes[status] ?? (status >= 500 ? 'InternalError' : 'BadRequest');
}
