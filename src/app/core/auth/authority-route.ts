import {
  BrowserAuthError,
  BrowserAuthErrorCodes,
  type INetworkModule,
  type NetworkRequestOptions,
  type NetworkResponse,
} from '@azure/msal-browser';

/**
 * Whether the authority is a stand-in on this machine: `.localhost` names are loopback by
 * definition (RFC 6761), so no real tenant has one. The emulator's Entra ID is
 * `https://login.emulator.localhost/<tenant>`.
 */
export function isLocalAuthority(authority: string): boolean {
  return new URL(authority).hostname.endsWith('.localhost');
}

/**
 * MSAL's network seam (`system.networkClient`) for a local authority. MSAL accepts only an https
 * authority and nothing listens at the emulator's https name, so what MSAL sends to it (the OpenID
 * discovery document) goes to the emulator over plain http instead: no certificate, no browser
 * warning. The discovery document names endpoints on the origin the emulator was reached at, so
 * MSAL's redirects, popups and hidden iframes reach it without rewriting, and MSAL's own flow
 * (PKCE, state, cache, renewal) runs unchanged. Every other request is sent as MSAL asked.
 */
export class AuthorityRoute implements INetworkModule {
  private readonly from: string;
  private readonly to: string;

  constructor(authority: string, emulatorBaseUrl: string) {
    this.from = new URL(authority).origin;
    this.to = emulatorBaseUrl.replace(/\/+$/, '');
  }

  /** Where a request MSAL makes is sent. */
  route(url: string): string {
    return url === this.from || url.startsWith(`${this.from}/`)
      ? `${this.to}${url.slice(this.from.length)}`
      : url;
  }

  sendGetRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    return this.send<T>(
      url,
      { method: 'GET', headers: options?.headers ?? {} },
      BrowserAuthErrorCodes.getRequestFailed,
    );
  }

  sendPostRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    return this.send<T>(
      url,
      { method: 'POST', headers: options?.headers ?? {}, body: options?.body ?? '' },
      BrowserAuthErrorCodes.postRequestFailed,
    );
  }

  private async send<T>(url: string, init: RequestInit, failure: string): Promise<NetworkResponse<T>> {
    let response: Response;
    try {
      response = await fetch(this.route(url), init);
    } catch {
      throw new BrowserAuthError(failure, '');
    }
    const headers: Record<string, string> = {};
    response.headers.forEach((value, key) => (headers[key] = value));
    return { status: response.status, headers, body: (await response.json()) as T };
  }
}
