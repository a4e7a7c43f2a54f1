import type { TeamsCloud } from '../../model/identity';

/**
 * Who is signed in, as `server/`'s token exchange says: a Teams user with a contact-center role,
 * which comes from the app roles (`Agent`, `Supervisor`) in their Entra token.
 */
export interface SignedInUser {
  /** The Entra object id. */
  readonly id: string;
  readonly displayName: string;
  readonly role: 'agent' | 'supervisor';
  readonly microsoftTeamsUserId: string;
  /** Their tenant's cloud, from their ACS token (`skypeid`): the raw ids the console builds follow it. */
  readonly cloud: TeamsCloud;
}
