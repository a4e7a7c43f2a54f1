import type {
  MicrosoftTeamsAppKind,
  MicrosoftTeamsUserKind,
  PhoneNumberKind,
} from '@azure/communication-common';

/** The emulated tenant: Teams users with contact-center roles, call queues, and people who call. */
export interface DirectoryUser {
  readonly key: string;
  readonly displayName: string;
  readonly role: 'agent' | 'supervisor';
  readonly microsoftTeamsUserId: string;
}

export interface CallQueue {
  readonly name: string;
  /** Teams call queues answer through a resource account: an app identity. */
  readonly resourceAccountId: string;
}

export interface PhoneCaller {
  readonly phoneNumber: string;
  readonly displayName: string;
}

const guid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

export const USERS: readonly DirectoryUser[] = [
  { key: 'alex', displayName: 'Alex Rivera', role: 'agent', microsoftTeamsUserId: guid(0xa001) },
  { key: 'blake', displayName: 'Blake Chen', role: 'agent', microsoftTeamsUserId: guid(0xa002) },
  { key: 'casey', displayName: 'Casey Novak', role: 'agent', microsoftTeamsUserId: guid(0xa003) },
  { key: 'sam', displayName: 'Sam Okafor', role: 'supervisor', microsoftTeamsUserId: guid(0x5001) },
];

export const QUEUES: readonly CallQueue[] = [
  { name: 'Billing', resourceAccountId: guid(0xc001) },
  { name: 'Technical support', resourceAccountId: guid(0xc002) },
  { name: 'Sales', resourceAccountId: guid(0xc003) },
];

export const CALLERS: readonly PhoneCaller[] = [
  { phoneNumber: '+14255550101', displayName: 'Dana Smith' },
  { phoneNumber: '+14255550102', displayName: 'Eli Park' },
  { phoneNumber: '+14255550103', displayName: 'Farah Haddad' },
  { phoneNumber: '+14255550104', displayName: 'Gus Olsen' },
  { phoneNumber: '+14255550105', displayName: 'Hana Sato' },
  { phoneNumber: '+14255550106', displayName: 'Ivan Petrov' },
  { phoneNumber: '+442079460107', displayName: 'Jess Moore' },
  { phoneNumber: '+14255550108', displayName: 'Kai Nakamura' },
  { phoneNumber: '+14255550109', displayName: 'Lena Fischer' },
  { phoneNumber: '+4930901820110', displayName: 'Mats Berg' },
  { phoneNumber: '+14255550111', displayName: 'Nia Adeyemi' },
  { phoneNumber: '+14255550112', displayName: 'Omar Aziz' },
];

/** Phone numbers are E.164: a + and up to 15 digits, the first not 0. */
export const E164 = /^\+[1-9]\d{1,14}$/;

/**
 * A user as the emulator's API shows it (the directory, the token exchange): the directory's
 * fields and nothing else, whatever else a user comes to carry.
 */
export function publicUser(user: DirectoryUser): DirectoryUser {
  return {
    key: user.key,
    displayName: user.displayName,
    role: user.role,
    microsoftTeamsUserId: user.microsoftTeamsUserId,
  };
}

export function teamsUserIdentifier(user: DirectoryUser): MicrosoftTeamsUserKind {
  return {
    kind: 'microsoftTeamsUser',
    microsoftTeamsUserId: user.microsoftTeamsUserId,
    rawId: `8:orgid:${user.microsoftTeamsUserId}`,
    isAnonymous: false,
    cloud: 'public',
  };
}

export function queueIdentifier(queue: CallQueue): MicrosoftTeamsAppKind {
  return {
    kind: 'microsoftTeamsApp',
    teamsAppId: queue.resourceAccountId,
    rawId: `28:orgid:${queue.resourceAccountId}`,
    cloud: 'public',
  };
}

export function phoneIdentifier(phoneNumber: string): PhoneNumberKind {
  return { kind: 'phoneNumber', phoneNumber, rawId: `4:${phoneNumber}` };
}

export class Directory {
  readonly users = USERS;
  readonly queues = QUEUES;
  readonly callers = CALLERS;

  user(key: string): DirectoryUser | undefined {
    return this.users.find((user) => user.key === key);
  }

  queue(name: string): CallQueue | undefined {
    return this.queues.find((queue) => queue.name === name);
  }
}
