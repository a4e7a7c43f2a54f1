import type { ClientMessage, Operation, OperationName } from './messages';

export type ReadResult =
  { readonly ok: true; readonly message: ClientMessage } | { readonly ok: false; readonly reason: string };

/** The string fields each operation needs, so a request the world runs is shaped as the type says. */
const OPERATION_FIELDS: Record<OperationName, readonly string[]> = {
  hello: ['token'],
  accept: ['incomingCallId'],
  reject: ['incomingCallId'],
  mute: ['callId'],
  unmute: ['callId'],
  hold: ['callId'],
  resume: ['callId'],
  hangUp: ['callId'],
  muteParticipant: ['callId', 'participantId'],
  muteAllRemoteParticipants: ['callId'],
};

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
      const missing = OPERATION_FIELDS[op as OperationName].find(
        (field) => typeof operation[field] !== 'string',
      );
      if (missing) return { ok: false, reason: `${op}: "${missing}" must be a string.` };
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

/** Enough of a client's string to recognise it, in ASCII, so the reason stays within 123 bytes. */
function printable(text: string): string {
  const shown = text.slice(0, 32).replace(/[^\x20-\x7e]/g, '?');
  return text.length > 32 ? `${shown}...` : shown;
}
