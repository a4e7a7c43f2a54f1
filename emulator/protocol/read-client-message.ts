import type { ClientMessage, Operation, OperationName } from './messages';

export type ReadResult =
  { readonly ok: true; readonly message: ClientMessage } | { readonly ok: false; readonly reason: string };

/** The kinds of field an operation carries; `?` marks an optional one. */
type FieldKind =
  | 'string'
  | 'string?'
  | 'count'
  | 'boolean?'
  | 'target'
  | 'targets'
  | 'locator'
  | 'transferTarget'
  | 'customContext?';

/** The fields each operation needs, so a request the world runs is shaped as the type says. */
const OPERATION_FIELDS: Record<OperationName, Readonly<Record<string, FieldKind>>> = {
  hello: { token: 'string' },
  resumeEndpoint: { endpointId: 'string', secret: 'string', lastSeq: 'count' },
  accept: { incomingCallId: 'string', video: 'boolean?' },
  reject: { incomingCallId: 'string' },
  startCall: {
    callId: 'string',
    targets: 'targets',
    threadId: 'string?',
    video: 'boolean?',
    customContext: 'customContext?',
  },
  join: { callId: 'string', locator: 'locator', video: 'boolean?' },
  mute: { callId: 'string' },
  unmute: { callId: 'string' },
  hold: { callId: 'string' },
  resume: { callId: 'string' },
  hangUp: { callId: 'string' },
  hangUpForEveryone: { callId: 'string' },
  muteAllRemoteParticipants: { callId: 'string' },
  startVideo: { callId: 'string' },
  stopVideo: { callId: 'string' },
  admitAll: { callId: 'string' },
  muteParticipant: { callId: 'string', participantId: 'string' },
  removeParticipant: { callId: 'string', participantId: 'string' },
  admit: { callId: 'string', participantId: 'string' },
  rejectFromLobby: { callId: 'string', participantId: 'string' },
  addParticipant: { callId: 'string', target: 'target', threadId: 'string?' },
  sendDtmf: { callId: 'string', tone: 'string' },
  grantTeamsConsent: { callId: 'string' },
  startCaptions: { callId: 'string', spokenLanguage: 'string?' },
  stopCaptions: { callId: 'string' },
  setSpokenLanguage: { callId: 'string', language: 'string' },
  transfer: {
    callId: 'string',
    transferId: 'string',
    target: 'transferTarget',
    customContext: 'customContext?',
  },
};

/** At most this many targets in one `startCall` (a Teams group call's ringing limit). */
const MAX_TARGETS = 250;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/**
 * Checks a parsed WebSocket message against the protocol before the world sees it: a console is
 * code we did not necessarily write (any SDK consumer), and a malformed message must not reach
 * the world, let alone throw in it. Reasons are short: a close frame's reason holds 123 bytes.
 */
export function readClientMessage(value: unknown): ReadResult {
  if (!isObject(value)) return { ok: false, reason: 'A message must be a JSON object.' };
  switch (value['type']) {
    case 'listeners':
      if (!isCount(value['count']))
        return { ok: false, reason: 'listeners: "count" must be a non-negative integer.' };
      return { ok: true, message: { type: 'listeners', count: value['count'] } };
    case 'request': {
      if (!isCount(value['requestId']))
        return { ok: false, reason: 'request: "requestId" must be a non-negative integer.' };
      const operation = value['operation'];
      if (!isObject(operation) || typeof operation['op'] !== 'string')
        return { ok: false, reason: 'request: "operation.op" must name an operation.' };
      const op = operation['op'];
      if (!Object.hasOwn(OPERATION_FIELDS, op))
        return { ok: false, reason: `request: unknown operation "${printable(op)}".` };
      for (const [field, kind] of Object.entries(OPERATION_FIELDS[op as OperationName])) {
        const problem = fieldProblem(operation[field], kind);
        if (problem) return { ok: false, reason: `${op}: "${field}" ${problem}` };
      }
      return {
        ok: true,
        message: {
          type: 'request',
          requestId: value['requestId'],
          operation: operation as unknown as Operation,
        },
      };
    }
    default:
      return { ok: false, reason: 'A message\'s "type" must be "request" or "listeners".' };
  }
}

const isTarget = (value: unknown): boolean =>
  isObject(value) &&
  ((value['kind'] === 'microsoftTeamsUser' && typeof value['microsoftTeamsUserId'] === 'string') ||
    (value['kind'] === 'phoneNumber' && typeof value['phoneNumber'] === 'string'));

/** A locator's shape (which of its three forms, with string fields); the world reads its content. */
const isLocator = (value: unknown): boolean => {
  if (!isObject(value)) return false;
  const strings = (...keys: string[]) => keys.every((key) => typeof value[key] === 'string');
  return (
    strings('meetingLink') ||
    strings('meetingId', 'passcode') ||
    strings('threadId', 'organizerId', 'tenantId', 'messageId')
  );
};

const isTransferTarget = (value: unknown): boolean => {
  if (!isObject(value)) return false;
  switch (value['kind']) {
    case 'participant':
      return isTarget(value['participant']);
    case 'queue':
      return typeof value['teamsAppId'] === 'string';
    case 'call':
      return typeof value['targetCallId'] === 'string';
    case 'voicemail':
      return typeof value['microsoftTeamsUserId'] === 'string';
    default:
      return false;
  }
};

const isHeaders = (value: unknown): boolean =>
  value === undefined ||
  (Array.isArray(value) &&
    value.length <= 50 &&
    value.every((h) => isObject(h) && typeof h['key'] === 'string' && typeof h['value'] === 'string'));

const isCustomContext = (value: unknown): boolean =>
  isObject(value) &&
  (value['userToUser'] === undefined || typeof value['userToUser'] === 'string') &&
  ['xHeaders', 'sipHeaders', 'voipHeaders'].every((key) => isHeaders(value[key]));

/** What is wrong with one field, said after its name (short: it may end up in a close frame). */
function fieldProblem(value: unknown, kind: FieldKind): string | undefined {
  if (value === undefined && kind.endsWith('?')) return undefined;
  switch (kind) {
    case 'string':
    case 'string?':
      return typeof value === 'string' ? undefined : 'must be a string.';
    case 'count':
      return isCount(value) ? undefined : 'must be a non-negative integer.';
    case 'boolean?':
      return typeof value === 'boolean' ? undefined : 'must be true or false.';
    case 'target':
      return isTarget(value) ? undefined : 'must be a Teams user or phone number target.';
    case 'targets':
      return Array.isArray(value) && value.length >= 1 && value.length <= MAX_TARGETS && value.every(isTarget)
        ? undefined
        : `must be 1 to ${MAX_TARGETS} targets.`;
    case 'locator':
      return isLocator(value) ? undefined : 'must be a link, coordinates, or ID and passcode.';
    case 'transferTarget':
      return isTransferTarget(value) ? undefined : 'must be a participant, queue, call or voicemail target.';
    case 'customContext?':
      return isCustomContext(value) ? undefined : 'must be a custom context (userToUser, headers).';
  }
}

/** Enough of a client's string to recognise it, in ASCII, so the reason stays within 123 bytes. */
function printable(text: string): string {
  const shown = text.slice(0, 32).replace(/[^\x20-\x7e]/g, '?');
  return text.length > 32 ? `${shown}...` : shown;
}
