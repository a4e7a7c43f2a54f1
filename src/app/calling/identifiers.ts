import { getIdentifierRawId, type CommunicationIdentifierKind } from '@azure/communication-common';

/** A serializable identity for the store: the identifier's kind and raw id, nothing live. */
export interface Identity {
  readonly kind: CommunicationIdentifierKind['kind'];
  readonly rawId: string;
  /** Set for phone numbers, in E.164. */
  readonly phoneNumber?: string;
}

export function toIdentity(identifier: CommunicationIdentifierKind | undefined): Identity | null {
  if (!identifier) return null;
  const rawId = getIdentifierRawId(identifier);
  return identifier.kind === 'phoneNumber'
    ? { kind: identifier.kind, rawId, phoneNumber: identifier.phoneNumber }
    : { kind: identifier.kind, rawId };
}
