import type { CommunicationIdentifierKind } from '@azure/communication-common';
import type { TargetWire } from '../protocol/messages';
import { ERROR, WorldError } from './codes';
import {
  E164,
  phoneIdentifier,
  TEAMS_CLOUDS,
  TEAMS_USER_ID,
  teamsUserIdentifier,
  type TeamsCloud,
} from './directory';
import { THREAD_ID } from './threads';

/**
 * Whom a Teams user can call or add: a Teams user (by object id) or a phone number (E.164).
 * Shared by the client, which refuses a malformed one synchronously as the SDK does (no call
 * starts), and the world, which checks again what any client sends.
 */

/** An SDK identifier (`{ microsoftTeamsUserId }`, `{ phoneNumber }`, ...) as a target, or the error to throw. */
export function toTarget(identifier: unknown): TargetWire | WorldError {
  const value = (typeof identifier === 'object' && identifier !== null ? identifier : {}) as Record<
    string,
    unknown
  >;
  if (typeof value['microsoftTeamsUserId'] === 'string') {
    const cloud = value['cloud'];
    if (cloud !== undefined && !TEAMS_CLOUDS.includes(cloud as TeamsCloud))
      return new WorldError(
        ERROR.invalidTarget,
        `"${String(cloud)}" is not a Teams cloud: a MicrosoftTeamsUserIdentifier's cloud is ${TEAMS_CLOUDS.join(', ')}.`,
      );
    const target: TargetWire = {
      kind: 'microsoftTeamsUser',
      microsoftTeamsUserId: value['microsoftTeamsUserId'],
      ...(cloud !== undefined && { cloud: cloud as TeamsCloud }),
    };
    return targetProblem(target) ?? target;
  }
  if (typeof value['phoneNumber'] === 'string') {
    const target: TargetWire = { kind: 'phoneNumber', phoneNumber: value['phoneNumber'] };
    return targetProblem(target) ?? target;
  }
  if (typeof value['communicationUserId'] === 'string' || typeof value['teamsAppId'] === 'string')
    return new WorldError(
      ERROR.invalidTarget,
      'The emulator calls Teams users ({ microsoftTeamsUserId }) and phone numbers ({ phoneNumber }) only.',
    );
  return new WorldError(
    ERROR.invalidTarget,
    'A participant is a MicrosoftTeamsUserIdentifier ({ microsoftTeamsUserId }) or a PhoneNumberIdentifier ({ phoneNumber }).',
  );
}

/** What is wrong with a target, as the error to throw, or `undefined`. */
export function targetProblem(target: TargetWire): WorldError | undefined {
  if (target.kind === 'phoneNumber' && !E164.test(target.phoneNumber))
    return new WorldError(
      ERROR.invalidPhoneNumber,
      `"${target.phoneNumber}" is not an E.164 phone number (a + and up to 15 digits, e.g. +14255550123).`,
    );
  if (target.kind === 'microsoftTeamsUser' && !TEAMS_USER_ID.test(target.microsoftTeamsUserId))
    return new WorldError(
      ERROR.invalidTeamsUserId,
      `"${target.microsoftTeamsUserId}" is not a Teams user id (the user's object id, a GUID).`,
    );
  return undefined;
}

/** The target as ACS reports it: a Teams user in their identifier's cloud, or else in `cloud` (the caller's). */
export function targetIdentifier(target: TargetWire, cloud: TeamsCloud): CommunicationIdentifierKind {
  return target.kind === 'phoneNumber'
    ? phoneIdentifier(target.phoneNumber)
    : teamsUserIdentifier(
        { microsoftTeamsUserId: target.microsoftTeamsUserId.toLowerCase() },
        target.cloud ?? cloud,
      );
}

/** What is wrong with a chat thread id, as the error to throw, or `undefined`. */
export function threadIdProblem(threadId: unknown): WorldError | undefined {
  return typeof threadId === 'string' && THREAD_ID.test(threadId)
    ? undefined
    : new WorldError(
        ERROR.invalidThreadId,
        `"${String(threadId)}" is not a chat thread id (19:...@thread.v2, from Microsoft Graph).`,
      );
}

/** A call id a console chose for a call it starts: short, plain, and not already its own. */
export const CALL_ID = /^[0-9A-Za-z-]{1,64}$/;
