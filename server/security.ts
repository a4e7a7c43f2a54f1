import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import fastifyHelmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError, errorBody } from './api-error';

/** Node's own default, stated: an Entra access token is a few kilobytes; a cookie-laden proxy adds some. */
export const MAX_HEADER_SIZE = 16 * 1024;

/** No page of the console's, nor its API calls, tells another site where the user was. */
export const REFERRER_POLICY = 'no-referrer';

/**
 * The console's Content-Security-Policy: scripts only from the server's own origin (Angular's
 * production build loads `main-*.js` and its chunks with `<script type="module" src>`; no inline
 * script, no eval). The ACS Calling SDK compiles WebAssembly (`'wasm-unsafe-eval'`, which allows
 * no JavaScript eval) and starts its timer worker and audio worklet from `blob:` URLs, which only
 * a script already running can create. Connections (ACS, the emulator, Entra ID, Graph), frames
 * (MSAL's hidden frames) and styles (Angular's component styles) are left to the browser's
 * defaults: the policy is about scripts. MSAL's silent renewal frames the console in itself, so
 * `frame-ancestors 'self'`; nobody else may.
 */
const CONTENT_SECURITY_POLICY = {
  'script-src': ["'self'", "'wasm-unsafe-eval'", 'blob:'],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'frame-ancestors': ["'self'"],
};

/**
 * `@fastify/helmet` on every answer, errors included (its `onRequest` hook writes the headers on
 * the response before anything can fail): `X-Content-Type-Options: nosniff`, `Referrer-Policy`,
 * the CSP above, `X-Frame-Options: SAMEORIGIN` (the CSP's `frame-ancestors` for old browsers) and
 * helmet's other harmless defaults. Not HSTS (the TLS front end's to send, for the whole host),
 * nor `Cross-Origin-Opener-Policy` (MSAL's sign-in popups report back to their opener).
 */
export const HELMET_OPTIONS: FastifyHelmetOptions = {
  global: true,
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      // No default-src: what is not a script keeps the browser's defaults (see above).
      'default-src': fastifyHelmet.contentSecurityPolicy.dangerouslyDisableDefaultSrc,
      ...CONTENT_SECURITY_POLICY,
    },
  },
  referrerPolicy: { policy: REFERRER_POLICY },
  strictTransportSecurity: false,
  crossOriginOpenerPolicy: false,
};

const CHARSET = /;\s*charset\s*=\s*"?([^";\s]*)"?/i;

/**
 * A `preParsing` hook: the server reads bodies as UTF-8 (JSON's only encoding, RFC 8259), so a
 * body declared in any other charset is refused with 415 before it is parsed.
 */
export async function refuseOtherCharsets(request: FastifyRequest): Promise<void> {
  const charset = CHARSET.exec(request.headers['content-type'] ?? '')?.[1];
  if (charset !== undefined && charset.toLowerCase() !== 'utf-8') {
    throw new ApiError(
      415,
      'unsupported_media_type',
      `Send the body as application/json in UTF-8, not ${charset || 'an empty charset'}.`,
    );
  }
}

/**
 * What Node's HTTP parser found wrong ("Invalid method encountered", "Invalid header token"): its
 * own words, which name the part of the request and never echo the request's bytes.
 */
const malformedHttp = (reason: string | undefined) =>
  `The request is not well-formed HTTP/1.1${reason ? `: ${reason.replace(/\.$/, '')}` : ''}.`;

/**
 * Fastify's `clientErrorHandler`: what Node refuses before Fastify sees a request (headers over
 * `MAX_HEADER_SIZE`, a malformed request, a request too slow to arrive) gets the one error shape
 * and the headers every answer carries, then the connection closes.
 */
export function answerClientError(
  this: FastifyInstance,
  error: Error & { code?: string; reason?: string },
  socket: Socket,
) {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, message] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'headers_too_large', `The request's headers are larger than ${MAX_HEADER_SIZE / 1024} KiB.`]
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'request_timeout', 'The request took too long to arrive.']
        : [400, 'bad_request', malformedHttp(error.reason)];
  this.log.debug({ code: error.code, status }, 'client error');
  if (socket.writable) {
    const body = JSON.stringify(errorBody(code, message));
    socket.write(
      [
        `HTTP/1.1 ${status} ${STATUS_CODES[status]}`,
        'Content-Type: application/json; charset=utf-8',
        `Content-Length: ${Buffer.byteLength(body)}`,
        'Cache-Control: no-store',
        'X-Content-Type-Options: nosniff',
        `Referrer-Policy: ${REFERRER_POLICY}`,
        'Connection: close',
        '',
        body,
      ].join('\r\n'),
    );
  }
  socket.destroy();
}
