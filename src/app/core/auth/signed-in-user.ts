/** Who is signed in: a Teams user with a contact-center role. */
export interface SignedInUser {
  readonly key: string;
  readonly displayName: string;
  readonly role: 'agent' | 'supervisor';
  readonly microsoftTeamsUserId: string;
}
