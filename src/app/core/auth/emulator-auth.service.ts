import { inject, Injectable } from '@angular/core';
import {
  AzureCommunicationTokenCredential,
  type CommunicationTokenCredential,
} from '@azure/communication-common';
import { RUNTIME_CONFIG } from '../runtime-config';
import { AuthService } from './auth.service';
import type { SignedInUser } from './signed-in-user';

const REMEMBERED_USER = 'switchboard.user';

interface TokenResponse {
  readonly token: string;
  readonly expiresOn: string;
  readonly user: SignedInUser;
}

/**
 * Emulator sign-in: pick a user from the emulator's directory. It follows the production path's
 * shape: a sign-in gives an access token (MSAL's role), which `/api/token` exchanges for an ACS
 * token. Tokens stay in memory; only the chosen user's key is remembered across reloads.
 */
@Injectable()
export class EmulatorAuthService extends AuthService {
  private readonly baseUrl = inject(RUNTIME_CONFIG).emulatorUrl.replace(/\/$/, '');
  private accessToken: string | null = null;
  private acsToken: TokenResponse | null = null;

  async users(): Promise<SignedInUser[]> {
    return this.request<SignedInUser[]>('/emulator/users', { method: 'GET' }, 'load the list of users');
  }

  rememberedUser(): string | null {
    return localStorage.getItem(REMEMBERED_USER);
  }

  async signIn(userKey: string): Promise<SignedInUser> {
    const { accessToken } = await this.request<{ accessToken: string }>(
      '/emulator/sign-in',
      { method: 'POST', body: JSON.stringify({ userKey }) },
      'sign in',
    );
    this.accessToken = accessToken;
    this.acsToken = await this.exchange(accessToken);
    localStorage.setItem(REMEMBERED_USER, userKey);
    return this.acsToken.user;
  }

  /**
   * A credential for this sign-in: it refreshes with this sign-in's access token only, so once the
   * session disposes it (sign-out) nothing refreshes on behalf of whoever signs in next.
   */
  credential(): CommunicationTokenCredential {
    const { accessToken, acsToken } = this;
    if (!accessToken || !acsToken) throw new Error('Sign in before connecting to the calling service.');
    return new AzureCommunicationTokenCredential({
      token: acsToken.token,
      refreshProactively: true,
      tokenRefresher: async () => (await this.exchange(accessToken)).token,
    });
  }

  /** The emulator's Graph accepts the sign-in's own access token. */
  override async graphAccessToken(): Promise<string> {
    if (!this.accessToken) throw new Error('Sign in before looking people up or creating chats.');
    return this.accessToken;
  }

  signOut(): void {
    this.accessToken = null;
    this.acsToken = null;
    localStorage.removeItem(REMEMBERED_USER);
  }

  private exchange(accessToken: string): Promise<TokenResponse> {
    return this.request<TokenResponse>(
      '/api/token',
      { method: 'POST', headers: { Authorization: `Bearer ${accessToken}` } },
      'get a calling token',
    );
  }

  private async request<T>(path: string, init: RequestInit, purpose: string): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        ...init,
        headers: { 'Content-Type': 'application/json', ...init.headers },
      });
    } catch {
      throw new Error(`Could not ${purpose}: the emulator is not reachable.`);
    }
    if (!response.ok) {
      const body = (await response.json().catch(() => ({}))) as { error?: string };
      throw new Error(`Could not ${purpose}: ${body.error ?? `HTTP ${response.status}`}.`);
    }
    return (await response.json()) as T;
  }
}
