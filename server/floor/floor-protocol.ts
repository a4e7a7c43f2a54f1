/**
 * The supervisor's floor: every message on `GET /api/floor` (a WebSocket), both ways, and the
 * checks a message from a console passes before the server acts on it. server/README.md, "The
 * supervisor's floor", describes the conversation; this file is its one source of types.
 */

/**
 * What an agent is doing, as the agent's console reports it: its effective presence (on a call while
 * any call is live, else after-call work, else what the agent chose). `offline` is also what the
 * floor says of an agent whose console has gone.
 */
export type AgentState = 'available' | 'onCall' | 'afterCallWork' | 'away' | 'offline';
export const AGENT_STATES: readonly AgentState[] = [
  'available',
  'onCall',
  'afterCallWork',
  'away',
  'offline',
];

/** ACS's call states (`CallState` of `@azure/communication-calling`). */
export type FloorCallState =
  | 'None'
  | 'Connecting'
  | 'Ringing'
  | 'EarlyMedia'
  | 'Connected'
  | 'LocalHold'
  | 'RemoteHold'
  | 'InLobby'
  | 'Disconnecting'
  | 'Disconnected';
export const CALL_STATES: readonly FloorCallState[] = [
  'None',
  'Connecting',
  'Ringing',
  'EarlyMedia',
  'Connected',
  'LocalHold',
  'RemoteHold',
  'InLobby',
  'Disconnecting',
  'Disconnected',
];

/** One call on an agent's console. */
export interface FloorCall {
  /**
   * The call's server id (`call.info.getServerCallId()`, `incomingCall.info` for a ringing one):
   * the same on every console that has a leg in the call, so a queued call ringing on five agents
   * is one call on the floor. What `ask`, `join` and `muted` name.
   */
  readonly key: string;
  readonly caller: {
    readonly displayName: string | null;
    /** E.164, for a phone caller. */
    readonly phoneNumber: string | null;
    /** ACS's raw id of the caller (`4:+1...`, `8:orgid:...`, `8:acs:...`). */
    readonly rawId: string;
  };
  /** The call queue the call came through, or `null` for a direct call. */
  readonly queue: string | null;
  readonly state: FloorCallState;
  /** When the call entered `state`: an ISO 8601 timestamp. */
  readonly since: string;
  readonly onHold: boolean;
  /** The display names of the call's other participants. */
  readonly participants: readonly string[];
}

/** A call as the server tells it: what the console reported, and when the floor first saw it. */
export interface FloorCallView extends FloorCall {
  /**
   * When any console first reported the call (ISO 8601), kept by the floor per `key`: the wait
   * every agent and supervisor shows, which a reload does not reset.
   */
  readonly firstSeenAt: string;
}

/** A person on the floor: an Entra object id and a display name. */
export interface FloorPerson {
  readonly id: string;
  readonly displayName: string;
}

/** An agent on the floor, as supervisors see it. */
export interface FloorAgent {
  readonly agent: FloorPerson;
  readonly state: AgentState;
  /** When the agent entered `state` (ISO 8601). */
  readonly since: string;
  readonly calls: readonly FloorCallView[];
  /** When the server last heard of the agent (ISO 8601). */
  readonly updatedAt: string;
}

/** An agent's "Ask supervisor", as supervisors see it until it closes. */
export interface FloorRequest {
  readonly id: string;
  readonly agent: FloorPerson;
  /** The agent's call, as the agent last reported it. */
  readonly call: FloorCallView;
  /** When the agent asked (ISO 8601); the request expires `REQUEST_TIMEOUT_MS` later. */
  readonly createdAt: string;
}

/** How a request closed. */
export type RequestOutcome = 'taken' | 'expired' | 'cancelled';

/**
 * One call queue's day so far (the server's local day), from the consoles' reports. `offered`
 * counts distinct queued calls (by `key`) any console saw; `answered` those an agent connected;
 * `abandoned` those that stopped ringing everywhere with nobody connected. Service level is
 * `answeredWithinThreshold / offered`; average handle time `handleSeconds / handled`, talk and
 * hold from answer to the call's end on the agent's console.
 */
export interface QueueStats {
  readonly queue: string;
  readonly offered: number;
  readonly answered: number;
  readonly abandoned: number;
  /** Answered within `serviceLevelSeconds` of `firstSeenAt`. */
  readonly answeredWithinThreshold: number;
  /** Answered calls that have ended, and their talk and hold time in seconds. */
  readonly handled: number;
  readonly handleSeconds: number;
}

/** Console → server. */
export type ClientMessage =
  | { readonly type: 'hello'; readonly token: string }
  | { readonly type: 'token'; readonly token: string }
  | {
      readonly type: 'report';
      /** Optional; when present it must be the signed-in user's own id. */
      readonly agentId?: string;
      readonly state: AgentState;
      readonly since: string;
      readonly calls: readonly FloorCall[];
    }
  | { readonly type: 'subscribe' }
  /** An agent asks a supervisor into one of its reported calls. */
  | { readonly type: 'ask'; readonly callKey: string }
  /** The agent takes its request back (the call ended, or it no longer wants help). */
  | { readonly type: 'cancel'; readonly requestId: string }
  /** A supervisor asks to join an agent's call: answering a request (`requestId`) or from the floor. */
  | {
      readonly type: 'join';
      readonly agentId: string;
      readonly callKey: string;
      readonly requestId?: string;
    }
  /** A supervisor turns a request down: its card closes on that supervisor's console only. */
  | { readonly type: 'decline'; readonly requestId: string }
  /** Whoever muted a participant says so: the participant's consoles are told by whom. */
  | { readonly type: 'muted'; readonly callKey: string; readonly participantRawId: string }
  | { readonly type: 'ping' };

/** Server → console. */
export type ServerMessage =
  | {
      readonly type: 'welcome';
      readonly user: { readonly id: string; readonly displayName: string; readonly role: FloorRole };
      /** When the token expires (ISO 8601): send `token` before then. */
      readonly expiresAt: string;
    }
  | { readonly type: 'tokenAccepted'; readonly expiresAt: string }
  | {
      readonly type: 'snapshot';
      readonly agents: readonly FloorAgent[];
      readonly queues: readonly QueueStats[];
      /** Open requests; only to a supervisor not on a call. */
      readonly requests: readonly FloorRequest[];
      /** The service level's threshold, in seconds (`FLOOR_SERVICE_LEVEL_SECONDS`, 20 by default). */
      readonly serviceLevelSeconds: number;
    }
  /** What changed since the last message: agents whole, queues whole; at most one per 250 ms. */
  | {
      readonly type: 'update';
      readonly agents: readonly FloorAgent[];
      readonly queues: readonly QueueStats[];
    }
  /** To supervisors not on a call: an agent asks for help. */
  | { readonly type: 'request'; readonly request: FloorRequest }
  /** To supervisors: a request closed; `by` is the supervisor who took it. */
  | {
      readonly type: 'requestClosed';
      readonly requestId: string;
      readonly outcome: RequestOutcome;
      readonly by: FloorPerson | null;
    }
  /** To the agent: `ask` was accepted and is open. */
  | { readonly type: 'requestOpened'; readonly requestId: string; readonly callKey: string }
  /** To the agent: nobody joined within `REQUEST_TIMEOUT_MS`. */
  | { readonly type: 'requestExpired'; readonly requestId: string; readonly callKey: string }
  /** To the agent's consoles: a supervisor is joining (a request taken, or asked from the floor). */
  | {
      readonly type: 'joinRequested';
      readonly supervisor: FloorPerson;
      readonly callKey: string;
      readonly requestId: string | null;
    }
  /** To an agent's consoles: when the floor first saw each of the agent's reported calls. */
  | { readonly type: 'firstSeen'; readonly calls: readonly { readonly key: string; readonly at: string }[] }
  /**
   * To the muted participant's consoles (a Teams user), and to the consoles of every agent whose
   * report has the call, so that each roster can say who muted whom.
   */
  | {
      readonly type: 'mutedBy';
      readonly callKey: string;
      readonly participantRawId: string;
      readonly by: FloorPerson;
    }
  | { readonly type: 'error'; readonly code: FloorErrorCode; readonly message: string }
  | { readonly type: 'pong' };

export type FloorRole = 'agent' | 'supervisor';
/** `forbidden`: not for this role; `not_found`: no such call or request (it may have just closed). */
export type FloorErrorCode = 'forbidden' | 'not_found';

/** The close codes the server uses (with a reason of at most 123 bytes). */
export const CLOSE = {
  /** A frame that is not JSON, not a known message, or not valid; or anything before `hello`. */
  invalidMessage: 4400,
  /** A missing, forged, expired, foreign or lapsed token. */
  unauthorized: 4401,
  /** A user without the Agent or Supervisor role, a token of another user, a report for another agent. */
  forbidden: 4403,
  /** No `hello` within `HELLO_TIMEOUT_MS`. */
  helloTimeout: 4408,
} as const;

/** How long a new socket has to send `hello`. */
export const HELLO_TIMEOUT_MS = 5000;
/** At most one `update` per supervisor in this time. */
export const BATCH_INTERVAL_MS = 250;
/** How long a disconnected agent stays as reported before being marked offline. */
export const OFFLINE_GRACE_MS = 10_000;
/** How long a request waits for a supervisor before the agent is told nobody joined. */
export const REQUEST_TIMEOUT_MS = 60_000;
/** The largest frame a console may send. */
export const MAX_FRAME_BYTES = 64 * 1024;

const MAX_ID = 256;
const MAX_NAME = 256;
const MAX_TOKEN = 16 * 1024;
/** At most this many calls in a report, and participants' names per call. */
export const MAX_CALLS = 16;
export const MAX_PARTICIPANTS = 64;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

/** A message that fails its checks: `message` says which field, never its value. */
export class InvalidMessage extends Error {}

type Json = Record<string, unknown>;

const fail = (what: string): never => {
  throw new InvalidMessage(what);
};
const object = (value: unknown, what: string): Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Json)
    : fail(`${what} must be an object`);
const only = (value: Json, what: string, keys: readonly string[]) => {
  const extra = Object.keys(value).find((key) => !keys.includes(key));
  if (extra !== undefined) fail(`${what} has an unknown field "${extra.slice(0, 40)}"`);
};
const string = (value: unknown, what: string, max: number, min = 1): string =>
  typeof value === 'string' && value.length >= min && value.length <= max
    ? value
    : fail(`${what} must be a string of ${min} to ${max} characters`);
const nullable = (value: unknown, what: string, max: number): string | null =>
  value === null ? null : string(value, what, max);
const oneOf = <T extends string>(value: unknown, what: string, values: readonly T[]): T =>
  values.includes(value as T) ? (value as T) : fail(`${what} must be one of ${values.join(', ')}`);
const timestamp = (value: unknown, what: string): string =>
  typeof value === 'string' && ISO.test(value) && !Number.isNaN(Date.parse(value))
    ? new Date(value).toISOString()
    : fail(`${what} must be an ISO 8601 timestamp`);
const array = (value: unknown, what: string, max: number): unknown[] =>
  Array.isArray(value) && value.length <= max ? value : fail(`${what} must be an array of at most ${max}`);

function call(value: unknown, what: string): FloorCall {
  const c = object(value, what);
  only(c, what, ['key', 'caller', 'queue', 'state', 'since', 'onHold', 'participants']);
  const caller = object(c['caller'], `${what}.caller`);
  only(caller, `${what}.caller`, ['displayName', 'phoneNumber', 'rawId']);
  if (typeof c['onHold'] !== 'boolean') fail(`${what}.onHold must be a boolean`);
  return {
    key: string(c['key'], `${what}.key`, MAX_ID),
    caller: {
      displayName: nullable(caller['displayName'] ?? null, `${what}.caller.displayName`, MAX_NAME),
      phoneNumber: nullable(caller['phoneNumber'] ?? null, `${what}.caller.phoneNumber`, 32),
      rawId: string(caller['rawId'], `${what}.caller.rawId`, MAX_ID),
    },
    queue: nullable(c['queue'] ?? null, `${what}.queue`, MAX_NAME),
    state: oneOf(c['state'], `${what}.state`, CALL_STATES),
    since: timestamp(c['since'], `${what}.since`),
    onHold: c['onHold'] as boolean,
    participants: array(c['participants'], `${what}.participants`, MAX_PARTICIPANTS).map((name, i) =>
      string(name, `${what}.participants[${i}]`, MAX_NAME, 0),
    ),
  };
}

/**
 * Parses and checks one frame from a console: JSON, a known `type`, exactly the fields that type
 * has, each of its type and size. Timestamps come back normalised to UTC. Throws `InvalidMessage`.
 */
export function parseClientMessage(frame: string): ClientMessage {
  let parsed: unknown;
  try {
    parsed = JSON.parse(frame);
  } catch {
    return fail('the frame is not JSON');
  }
  const m = object(parsed, 'the message');
  switch (m['type']) {
    case 'hello':
    case 'token':
      only(m, m['type'], ['type', 'token']);
      return { type: m['type'], token: string(m['token'], 'token', MAX_TOKEN) };
    case 'report': {
      only(m, 'report', ['type', 'agentId', 'state', 'since', 'calls']);
      const calls = array(m['calls'], 'calls', MAX_CALLS).map((c, i) => call(c, `calls[${i}]`));
      if (new Set(calls.map((c) => c.key)).size !== calls.length) fail('calls must have distinct keys');
      return {
        type: 'report',
        ...(m['agentId'] === undefined ? {} : { agentId: string(m['agentId'], 'agentId', MAX_ID) }),
        state: oneOf(m['state'], 'state', AGENT_STATES),
        since: timestamp(m['since'], 'since'),
        calls,
      };
    }
    case 'subscribe':
    case 'ping':
      only(m, m['type'], ['type']);
      return { type: m['type'] };
    case 'ask':
      only(m, 'ask', ['type', 'callKey']);
      return { type: 'ask', callKey: string(m['callKey'], 'callKey', MAX_ID) };
    case 'cancel':
    case 'decline':
      only(m, m['type'], ['type', 'requestId']);
      return { type: m['type'], requestId: string(m['requestId'], 'requestId', MAX_ID) };
    case 'join':
      only(m, 'join', ['type', 'agentId', 'callKey', 'requestId']);
      return {
        type: 'join',
        agentId: string(m['agentId'], 'agentId', MAX_ID),
        callKey: string(m['callKey'], 'callKey', MAX_ID),
        ...(m['requestId'] === undefined ? {} : { requestId: string(m['requestId'], 'requestId', MAX_ID) }),
      };
    case 'muted':
      only(m, 'muted', ['type', 'callKey', 'participantRawId']);
      return {
        type: 'muted',
        callKey: string(m['callKey'], 'callKey', MAX_ID),
        participantRawId: string(m['participantRawId'], 'participantRawId', MAX_ID),
      };
    default:
      return fail('type must be hello, token, report, subscribe, ask, cancel, join, decline, muted or ping');
  }
}
