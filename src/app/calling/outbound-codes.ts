import { describeEndReason, knownEndReason } from './calling-codes';
import { type Failure } from '../model/failure';
import type { EndReason } from '../model/snapshots';

/** Who a call was placed to, when the console has no name for them. */
const UNNAMED_CALLEE = 'The person called';

type Sentence = (who: string) => string;

/**
 * How a call the agent placed ended, from the caller's side, by `code/subCode` or bare `code`
 * (docs/acs-codes.md): the callee declined, not the agent; `487/0` is the caller (the agent)
 * giving up before an answer. Pairs not here read the same from either side.
 */
const PLACED_ENDS: Record<string, Sentence> = {
  '603/0': (who) => `${who} declined the call.`,
  '487/0': () => 'You hung up before they answered.',
  '487/10024': () => 'Everyone called declined.',
  '0/5003': () => 'Everyone called declined.',
  '408/4506': (who) => `${who} never answered.`,
  '480/10037': (who) => `${who} is not signed in to Teams anywhere.`,
  '480/10076': (who) => `${who} is offline.`,
  '0/560000': (who) => `${who} hung up.`,
  '486': (who) => `${who} is busy.`,
};

/**
 * Why a call the agent placed, or a meeting they joined, ended before it connected, said of the
 * callee by name ("Jordan Diaz declined the call.").
 */
const UNANSWERED: Record<string, Sentence> = {
  ...PLACED_ENDS,
  '487/10024': (who) => `Everyone in the call to ${who} declined.`,
  '0/5003': (who) => `Everyone in the call to ${who} declined.`,
  '487/10004': (who) => `${who} did not answer.`,
  '408/4506': (who) => `${who} did not answer.`,
  '480': (who) => `${who} is offline.`,
  '404': (who) => `The call to ${who} did not connect: no one has this Teams user id.`,
  '403/49020': (who) =>
    `The call to ${who} did not connect: an information barrier keeps them out of this chat’s calls.`,
  '408/40114': (who) => `The call to ${who} did not connect: the connection to the calling service was lost.`,
};

const UNJOINED: Record<string, string> = {
  '404': 'No meeting matches these details: check them and try again.',
  '0/5300': 'You were not let in from the lobby.',
  '0/5000': 'You were not let in from the lobby.',
  '0/4097': 'The organizer ended the meeting.',
  '408/40114': 'The connection to the calling service was lost.',
};

/**
 * What placing a call or joining a meeting says while the agent's connection is down: what they
 * can do about it, rather than the error the SDK would raise.
 */
export const OFFLINE_MESSAGE = 'You are offline: calls can be placed once Switchboard is back online.';

function lookUp<T>(table: Record<string, T>, reason: EndReason | null): T | undefined {
  if (!reason) return undefined;
  return table[`${reason.code}/${reason.subCode ?? 0}`] ?? table[`${reason.code}`];
}

function withCode(message: string, reason: EndReason | null): Failure {
  return {
    message,
    ...(reason && { code: reason.code }),
    ...(reason?.subCode !== undefined && { subCode: reason.subCode }),
  };
}

/**
 * On a call the agent placed, they ended it themselves: hung up (`0/0`), or gave up before an
 * answer (`487/0`, the caller's cancel). The panel where they clicked Hang up says so, and nothing
 * else reports it as a failure.
 */
export function isOwnEnd(reason: EndReason | null): boolean {
  if (!reason || (reason.subCode ?? 0) !== 0) return false;
  return reason.code === 0 || reason.code === 487;
}

/**
 * How a call ended, from this leg's side: on a call the agent placed, a decline is the callee's
 * ("Casey Morgan declined the call.", or "The person called …" with no name), where on a call they
 * were offered it is their own ("You declined the call.").
 */
export function describeCallEnd(
  direction: 'Incoming' | 'Outgoing',
  reason: EndReason | null,
  callee: string | null = null,
): string {
  const placed = direction === 'Outgoing' ? lookUp(PLACED_ENDS, reason) : undefined;
  return placed ? placed(callee || UNNAMED_CALLEE) : describeEndReason(reason);
}

/**
 * "Jordan Diaz declined the call." with the end's code; null when the agent ended it themselves
 * (the active call panel, where they hung up, says so).
 */
export function describeUnansweredCall(description: string, reason: EndReason | null): Failure | null {
  if (isOwnEnd(reason)) return null;
  const known = lookUp(UNANSWERED, reason);
  if (known) return withCode(known(description || UNNAMED_CALLEE), reason);
  const why = knownEndReason(reason);
  return withCode(`The call to ${description} did not connect.${why ? ` ${why}` : ''}`, reason);
}

/**
 * "Could not join the Teams meeting. No meeting matches these details: ..." with the end's code;
 * null when the agent left themselves (the active call panel says so).
 */
export function describeUnjoinedMeeting(reason: EndReason | null): Failure | null {
  if (isOwnEnd(reason)) return null;
  const why = lookUp(UNJOINED, reason) ?? knownEndReason(reason);
  return withCode(`Could not join the Teams meeting.${why ? ` ${why}` : ''}`, reason);
}
