/** A request to the emulator's Graph, whatever carried it (HTTP, or a test's in-process client). */
export interface GraphRequest {
  readonly method: string;
  /** The path and query, e.g. `/v1.0/users?$search="displayName:bl"`. */
  readonly url: string;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: unknown;
  /**
   * The scheme and host the request reached (`http://127.0.0.1:4310`), for the links Graph answers
   * with (`@odata.nextLink`); Graph's own (`https://graph.microsoft.com`) when not given.
   */
  readonly origin?: string;
}

export interface GraphResponse {
  readonly status: number;
  readonly body?: unknown;
}

export const GRAPH_ROOT = 'https://graph.microsoft.com/v1.0';

/** A Graph error response, in Graph's shape: `{ error: { code, message, innerError } }`. */
export class GraphHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function errorResponse(error: GraphHttpError, now: number): GraphResponse {
  return {
    status: error.status,
    body: {
      error: {
        code: error.code,
        message: error.message,
        innerError: { date: new Date(now).toISOString().slice(0, 19), 'request-id': 'emulator' },
      },
    },
  };
}

export const badRequest = (message: string) => new GraphHttpError(400, 'BadRequest', message);
export const notFound = (message: string) => new GraphHttpError(404, 'NotFound', message);
export const forbidden = (message: string) => new GraphHttpError(403, 'Forbidden', message);

/** `$select=id,displayName`: the object with those properties only (Graph keeps `@odata.*`). */
export function selectProperties(
  value: Record<string, unknown>,
  select: string | null,
): Record<string, unknown> {
  if (!select) return value;
  const wanted = new Set(select.split(',').map((p) => p.trim()));
  return Object.fromEntries(Object.entries(value).filter(([key]) => key.startsWith('@') || wanted.has(key)));
}
