/** An API refusal: its status, a stable `code` and a message a person can act on. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

/** The one error shape of `server/`: `{ error: { code, message } }`, never internals. */
export const errorBody = (code: string, message: string) => ({ error: { code, message } });

/** RFC 6750: a refused bearer token says so in `WWW-Authenticate`. */
export const invalidToken = (code: string, message: string) =>
  new ApiError(401, code, message, { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
