/** A person in the organization's directory, as the dialer suggests them. */
export interface DirectoryPerson {
  /** The Entra object id: a Teams user's `microsoftTeamsUserId`. */
  readonly id: string;
  readonly displayName: string;
  /** Their sign-in name or mail, to tell two people of the same name apart. */
  readonly userPrincipalName: string | null;
}
