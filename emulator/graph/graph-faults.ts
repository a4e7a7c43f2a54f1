import { GraphHttpError } from './graph-response';

const STATUS_CODES: Record<number, string> = {
  400: 'BadRequest',
  403: 'Forbidden',
  404: 'NotFound',
  409: 'Conflict',
  429: 'TooManyRequests',
  500: 'InternalServerError',
  503: 'ServiceNotAvailable',
};

interface GraphFault {
  readonly method: string;
  readonly path: RegExp;
  readonly error: GraphHttpError;
}

/**
 * Refusals to inject into the emulator's Graph, as the calling faults do for operations: the next
 * request of a method whose path (after `/v1.0`, without the query) matches fails with a status,
 * in Graph's error shape. A 403 on `POST /chats/{id}/members` is what Teams answers across an
 * information barrier, or to an app without the permission. The method `*` matches any.
 */
export class GraphFaults {
  private readonly pending: GraphFault[] = [];

  failNext(method: string, path: RegExp, status: number, message = `Injected failure (${status}).`): void {
    const code = STATUS_CODES[status] ?? 'UnknownError';
    this.pending.push({
      method: method.toUpperCase(),
      path,
      error: new GraphHttpError(status, code, message),
    });
  }

  /** The failure for this request, if one was injected for it (it is then used up). */
  take(method: string, path: string): GraphHttpError | undefined {
    const index = this.pending.findIndex(
      (f) => (f.method === '*' || f.method === method.toUpperCase()) && f.path.test(path),
    );
    return index < 0 ? undefined : this.pending.splice(index, 1)[0]!.error;
  }

  clear(): void {
    this.pending.length = 0;
  }
}
