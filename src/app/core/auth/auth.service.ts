import type { CommunicationTokenCredential } from '@azure/communication-common';
import type { SignedInUser } from './signed-in-user';

/**
 * Signs the user in and hands out the ACS credential for the calling session. Emulator mode picks
 * an emulated user; ACS mode (MSAL) implements the same contract.
 */
export abstract class AuthService {
  /** The users the sign-in page offers (the emulator's directory; known accounts with MSAL). */
  abstract users(): Promise<SignedInUser[]>;
  /** The user to sign in again after a reload, if one was signed in. Never a token. */
  abstract rememberedUser(): string | null;
  abstract signIn(userKey: string): Promise<SignedInUser>;
  /** A credential that refreshes its ACS token before it expires. */
  abstract credential(): CommunicationTokenCredential;
  /**
   * An access token for Microsoft Graph (the directory, Teams chats) for the signed-in user.
   * A sign-in that cannot reach Graph rejects with a message saying so.
   */
  graphAccessToken(): Promise<string> {
    return Promise.reject(new Error('This sign-in cannot reach Microsoft Graph.'));
  }
  abstract signOut(): void;
}
