import {
  getIdentifierRawId,
  type MicrosoftTeamsAppKind,
  type MicrosoftTeamsUserKind,
  type PhoneNumberKind,
} from '@azure/communication-common';
import { RANGES, rangeProblem } from './ranges';

/**
 * The Microsoft cloud the tenant lives in: the public cloud, or a US government one (GCC High,
 * DoD). It shows in every Teams identifier ACS reports: raw ids `8:orgid:`, `8:gcch:`, `8:dod:`
 * for users, `28:orgid:`, `28:gcch:`, `28:dod:` for resource accounts.
 */
export type TeamsCloud = NonNullable<MicrosoftTeamsUserKind['cloud']>;

export const TEAMS_CLOUDS: readonly TeamsCloud[] = ['public', 'gcch', 'dod'];

/** The emulated tenant: Teams users with contact-center roles, call queues, and people who call. */
export interface DirectoryUser {
  readonly key: string;
  readonly displayName: string;
  readonly role: 'agent' | 'supervisor';
  readonly microsoftTeamsUserId: string;
}

/**
 * A Teams user of the tenant who is not at a console: the world plays them by a fixed rule when
 * called (README.md, "Scripted parties"). They cannot sign in.
 */
export interface Colleague {
  readonly key: string;
  readonly displayName: string;
  readonly microsoftTeamsUserId: string;
  /** What they do when called: answer after a moment, decline, let it ring, or be offline. */
  readonly whenCalled: 'answer' | 'decline' | 'noAnswer' | 'offline';
}

export interface CallQueue {
  readonly name: string;
  /** Teams call queues answer through a resource account: an app identity. */
  readonly resourceAccountId: string;
}

/**
 * How a call queue routes, as Teams sets it per queue. `presenceBasedRouting`: ring only agents
 * whose presence is Available and who are not on a call (off: every signed-in agent rings, call
 * waiting included). `agentAlertSeconds`: with presence-based routing, how long a call rings an
 * agent before it stops ringing there (`487/10004`) and waits for the others.
 */
export interface QueueSettings {
  readonly presenceBasedRouting: boolean;
  readonly agentAlertSeconds: number;
}

export const DEFAULT_QUEUE_SETTINGS: QueueSettings = { presenceBasedRouting: false, agentAlertSeconds: 30 };

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

export const COLLEAGUES: readonly Colleague[] = [
  { key: 'riley', displayName: 'Riley Brooks', microsoftTeamsUserId: guid(0xb001), whenCalled: 'answer' },
  { key: 'jordan', displayName: 'Jordan Diaz', microsoftTeamsUserId: guid(0xb002), whenCalled: 'decline' },
  { key: 'taylor', displayName: 'Taylor Kim', microsoftTeamsUserId: guid(0xb003), whenCalled: 'noAnswer' },
  { key: 'avery', displayName: 'Avery Stone', microsoftTeamsUserId: guid(0xb004), whenCalled: 'offline' },
];

/** The emulated tenant (the same id the emulated Entra ID issues tokens for). */
export const TENANT_ID = '00000000-0000-4000-8000-0000000e0000';

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

/** A Microsoft Entra object id, as Teams user ids are: a GUID. */
export const TEAMS_USER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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

/** A Teams user of the tenant as ACS reports them, in the tenant's cloud. */
export function teamsUserIdentifier(
  user: { microsoftTeamsUserId: string },
  cloud: TeamsCloud,
): MicrosoftTeamsUserKind {
  const { microsoftTeamsUserId } = user;
  return {
    kind: 'microsoftTeamsUser',
    microsoftTeamsUserId,
    rawId: getIdentifierRawId({ microsoftTeamsUserId, cloud }),
    isAnonymous: false,
    cloud,
  };
}

/** A call queue's resource account (an app identity) as ACS reports it, in the tenant's cloud. */
export function queueIdentifier(queue: CallQueue, cloud: TeamsCloud): MicrosoftTeamsAppKind {
  const teamsAppId = queue.resourceAccountId;
  return {
    kind: 'microsoftTeamsApp',
    teamsAppId,
    rawId: getIdentifierRawId({ teamsAppId, cloud }),
    cloud,
  };
}

export function phoneIdentifier(phoneNumber: string): PhoneNumberKind {
  return { kind: 'phoneNumber', phoneNumber, rawId: `4:${phoneNumber}` };
}

/** Who a Teams user id is in the tenant: a console user, a scripted colleague, or nobody. */
export type TeamsUserLookup =
  | { readonly kind: 'user'; readonly user: DirectoryUser }
  | { readonly kind: 'colleague'; readonly colleague: Colleague }
  | { readonly kind: 'unknown' };

/**
 * How many agents and supervisors the directory generates beside its built-in users, for load
 * work (a floor of a thousand agents): `agent0001` "Agent 0001", `supervisor0001` "Supervisor
 * 0001", ... Their ids follow from their index, so they are the same at every start.
 */
export interface GeneratedUsers {
  /** 0 to 5000 (`RANGES.generatedAgents`). */
  readonly agents?: number;
  /** 0 to 500 (`RANGES.generatedSupervisors`). */
  readonly supervisors?: number;
}

const GENERATED = {
  agent: { key: 'agent', name: 'Agent', idPrefix: 'a' },
  supervisor: { key: 'supervisor', name: 'Supervisor', idPrefix: '5' },
} as const;

/**
 * The `index`th (from 1) generated user of a role. The id's last group is the role's digit, zeros
 * and the index in decimal: Agent 0042 is `00000000-0000-4000-8000-a00000000042`, Supervisor 0007
 * `00000000-0000-4000-8000-500000000007`, apart from every built-in id.
 */
export function generatedUser(role: DirectoryUser['role'], index: number): DirectoryUser {
  const { key, name, idPrefix } = GENERATED[role];
  const number = String(index).padStart(4, '0');
  return {
    key: `${key}${number}`,
    displayName: `${name} ${number}`,
    role,
    microsoftTeamsUserId: `00000000-0000-4000-8000-${idPrefix}${number.padStart(11, '0')}`,
  };
}

function generatedUsers(generated: GeneratedUsers): DirectoryUser[] {
  const counts = { agent: generated.agents ?? 0, supervisor: generated.supervisors ?? 0 };
  const ranges = { agent: RANGES.generatedAgents, supervisor: RANGES.generatedSupervisors };
  const names = { agent: 'generatedAgents', supervisor: 'generatedSupervisors' };
  return (['agent', 'supervisor'] as const).flatMap((role) => {
    const problem = rangeProblem(names[role], counts[role], ranges[role]);
    if (problem) throw new RangeError(problem);
    return Array.from({ length: counts[role] }, (_, i) => generatedUser(role, i + 1));
  });
}

export class Directory {
  /** The users who can sign in at a console: the built-in agents and supervisor, then the generated ones. */
  readonly users: readonly DirectoryUser[];
  /** The built-in users (`alex`, `blake`, `casey`, `sam`), whatever else is generated. */
  readonly builtInUsers = USERS;
  /** The generated users (`GeneratedUsers`), agents then supervisors. */
  readonly generatedUsers: readonly DirectoryUser[];
  readonly colleagues = COLLEAGUES;
  readonly queues = QUEUES;
  readonly callers = CALLERS;
  private readonly byKey: ReadonlyMap<string, DirectoryUser>;
  /** Each queue's settings: the queues are the tenant's, their settings this world's. */
  private readonly settings = new Map<string, QueueSettings>(
    QUEUES.map((queue) => [queue.name, DEFAULT_QUEUE_SETTINGS]),
  );
  private readonly byTeamsUserId: ReadonlyMap<string, TeamsUserLookup>;

  constructor(
    /** The cloud the tenant lives in: its Teams identifiers carry it. */
    readonly cloud: TeamsCloud = 'public',
    generated: GeneratedUsers = {},
  ) {
    if (!TEAMS_CLOUDS.includes(cloud))
      throw new RangeError(`"teamsCloud" must be one of ${TEAMS_CLOUDS.join(', ')}, not "${String(cloud)}".`);
    this.generatedUsers = generatedUsers(generated);
    this.users = [...USERS, ...this.generatedUsers];
    // A thousand users are looked up on every sign-in, call and Graph request: by map, not by scan.
    this.byKey = new Map(this.users.map((user) => [user.key, user]));
    this.byTeamsUserId = new Map<string, TeamsUserLookup>([
      ...this.users.map((user) => [user.microsoftTeamsUserId, { kind: 'user', user }] as const),
      ...this.colleagues.map(
        (colleague) => [colleague.microsoftTeamsUserId, { kind: 'colleague', colleague }] as const,
      ),
    ]);
  }

  user(key: string): DirectoryUser | undefined {
    return this.byKey.get(key);
  }

  colleague(key: string): Colleague | undefined {
    return this.colleagues.find((colleague) => colleague.key === key);
  }

  /** A Teams user by their object id (case-insensitive, as GUIDs are). */
  teamsUser(microsoftTeamsUserId: string): TeamsUserLookup {
    return this.byTeamsUserId.get(microsoftTeamsUserId.toLowerCase()) ?? { kind: 'unknown' };
  }

  queue(name: string): CallQueue | undefined {
    return this.queues.find((queue) => queue.name === name);
  }

  queueSettings(name: string): QueueSettings {
    return this.settings.get(name) ?? DEFAULT_QUEUE_SETTINGS;
  }

  /**
   * Changes a queue's settings; an unknown queue or a value out of range is refused (an `Error`
   * naming the queues, a `RangeError` naming the range) and nothing changes.
   */
  configureQueue(name: string, changes: Partial<QueueSettings>): QueueSettings {
    if (!this.queue(name))
      throw new Error(`No call queue named "${name}" (${this.queues.map((q) => q.name).join(', ')}).`);
    const { presenceBasedRouting, agentAlertSeconds } = changes;
    if (presenceBasedRouting !== undefined && typeof presenceBasedRouting !== 'boolean')
      throw new RangeError('"presenceBasedRouting" must be true or false.');
    const problem =
      agentAlertSeconds === undefined
        ? undefined
        : rangeProblem('agentAlertSeconds', agentAlertSeconds, RANGES.agentAlertSeconds);
    if (problem) throw new RangeError(problem);
    const settings: QueueSettings = {
      ...this.queueSettings(name),
      ...(presenceBasedRouting !== undefined && { presenceBasedRouting }),
      ...(agentAlertSeconds !== undefined && { agentAlertSeconds }),
    };
    this.settings.set(name, settings);
    return settings;
  }
}
