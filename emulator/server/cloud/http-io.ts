import type { IncomingMessage, ServerResponse } from 'node:http';

/** A body larger than the endpoint takes. */
export class BodyTooLarge extends Error {}

export async function readBody(request: IncomingMessage, limit = 64 * 1024): Promise<string> {
  let body = '';
  for await (const chunk of request) {
    body += chunk;
    if (body.length > limit) throw new BodyTooLarge(`The request body is larger than ${limit / 1024} KiB.`);
  }
  return body;
}

/** Cloud endpoints are called from the console's origin (MSAL's fetch) and from `server/`. */
const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers': '*',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
};

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    ...CORS,
    ...headers,
  });
  response.end(JSON.stringify(body));
}

export function sendPreflight(response: ServerResponse): void {
  response.writeHead(204, { ...CORS, 'Access-Control-Max-Age': '600' });
  response.end();
}

export function sendHtml(
  response: ServerResponse,
  status: number,
  html: string,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    // The picker is a page of its own: no script, no framing by other sites (clickjacking).
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'",
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    ...headers,
  });
  response.end(html);
}

export function redirect(
  response: ServerResponse,
  location: string,
  headers: Record<string, string> = {},
): void {
  response.writeHead(302, { Location: location, 'Cache-Control': 'no-store', ...headers });
  response.end();
}

export function cookie(request: IncomingMessage, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

/**
 * The origin the caller used: the console's dev server forwards these paths with
 * `X-Forwarded-Host`, so the endpoints the discovery document names stay on the console's origin.
 */
export function callerOrigin(request: IncomingMessage): string {
  const first = (value: string | string[] | undefined) =>
    (Array.isArray(value) ? value[0] : value)?.split(',')[0]?.trim();
  const proto = first(request.headers['x-forwarded-proto']) === 'https' ? 'https' : 'http';
  const host = first(request.headers['x-forwarded-host']) || request.headers.host || '127.0.0.1';
  return `${proto}://${host}`;
}

export const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
