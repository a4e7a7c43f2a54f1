import type { SignedInUser } from '../../../core/auth/signed-in-user';

/** Who the token exchange says signed in: an agent and a supervisor. */
export const ALEX: SignedInUser = {
  id: 'a',
  displayName: 'Alex Rivera',
  role: 'agent',
  microsoftTeamsUserId: 'a',
  cloud: 'public',
};

export const SAM: SignedInUser = {
  id: 's',
  displayName: 'Sam Okafor',
  role: 'supervisor',
  microsoftTeamsUserId: 's',
  cloud: 'public',
};
