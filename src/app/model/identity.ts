import type { CommunicationIdentifierKind, MicrosoftTeamsUserIdentifier } from '@azure/communication-common';

/**
 * The Microsoft cloud of a Teams user's tenant: the public cloud, GCC High or DoD. ACS writes it
 * into their raw id (`8:orgid:`, `8:gcch:`, `8:dod:`); the console carries it as plain data from
 * the signed-in agent's own identity, so the raw ids it builds are the ones the SDK reports.
 */
export type TeamsCloud = NonNullable<MicrosoftTeamsUserIdentifier['cloud']>;

/** A serializable identity for the store: the identifier's kind and raw id, nothing live. */
export interface Identity {
  readonly kind: CommunicationIdentifierKind['kind'];
  readonly rawId: string;
  /** Set for phone numbers, in E.164. */
  readonly phoneNumber?: string;
}
