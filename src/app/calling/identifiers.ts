import {
  getIdentifierRawId,
  type CommunicationIdentifierKind,
} from '@azure/communication-common/identifiers';
import type { Identity } from '../model/identity';

export function toIdentity(identifier: CommunicationIdentifierKind | undefined): Identity | null {
  if (!identifier) return null;
  const rawId = getIdentifierRawId(identifier);
  return identifier.kind === 'phoneNumber'
    ? { kind: identifier.kind, rawId, phoneNumber: identifier.phoneNumber }
    : { kind: identifier.kind, rawId };
}
