import type { IncomingHttpHeaders } from 'node:http';

/** The headers of every page the emulated Entra ID shows (the account picker, its errors). */
export const PAGE_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'no-store',
  // The picker is a page of its own: no script, no framing by other sites (clickjacking).
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'",
  'X-Content-Type-Options': 'nosniff',
  // `same-origin`, not `no-referrer`: with `no-referrer` a browser sends the picker's form post
  // with `Origin: null`, and the login endpoint could not tell its own page from another site's.
  'Referrer-Policy': 'same-origin',
} as const;

/**
 * The origin the caller used: the console's dev server forwards these paths with
 * `X-Forwarded-Host`, so the endpoints the discovery document names stay on the console's origin.
 */
export function callerOrigin(headers: IncomingHttpHeaders): string {
  const first = (value: string | string[] | undefined) =>
    (Array.isArray(value) ? value[0] : value)?.split(',')[0]?.trim();
  const proto = first(headers['x-forwarded-proto']) === 'https' ? 'https' : 'http';
  const host = first(headers['x-forwarded-host']) || headers.host || '127.0.0.1';
  return `${proto}://${host}`;
}

export const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
