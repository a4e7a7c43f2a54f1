import type { CommunicationIdentifierKind } from '@azure/communication-common';

/** A serializable identity for the store: the identifier's kind and raw id, nothing live. */
export interface Identity {
  readonly kind: CommunicationIdentifierKind['kind'];
  readonly rawId: string;
  /** Set for phone numbers, in E.164. */
  readonly phoneNumber?: string;
}
