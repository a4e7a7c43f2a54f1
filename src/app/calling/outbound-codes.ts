import { describeEndReason } from './calling-codes';
import { type Failure } from '../model/failure';
import type { EndReason } from '../model/snapshots';

/**
 * Why a call the agent placed, or a meeting they joined, ended before it connected, by
 * `code/subCode` or bare `code` (docs/acs-codes.md). The caller's side of these codes reads
 * differently from the callee's ("They declined", not "You declined").
 */
const UNANSWERED: Record<string, string> = {
  '486/560486': 'The number is busy.',
  '486': 'They are busy.',
  '603/0': 'They declined the call.',
  '487/10024': 'Everyone declined the call.',
  '0/5003': 'Everyone declined the call.',
  '487/10004': 'Nobody answered.',
  '408/4506': 'Nobody answered.',
  '480/10037': 'They are not signed in to Teams anywhere.',
  '480/10076': 'They are offline.',
  '480': 'They are offline.',
  '0/0': 'You hung up before it connected.',
  '404': 'No one has this Teams user id.',
  '403/49020': 'An information barrier keeps them out of this chat’s calls.',
};

/** The callee's refusals, as the caller reads them: theirs, not the agent's. */
const DECLINED: Record<string, string> = {
  '603/0': UNANSWERED['603/0']!,
  '487/10024': UNANSWERED['487/10024']!,
  '0/5003': UNANSWERED['0/5003']!,
};

const UNJOINED: Record<string, string> = {
  '404': 'No meeting matches these details: check them and try again.',
  '0/5300': 'You were not let in from the lobby.',
  '0/5000': 'You were not let in from the lobby.',
  '0/4097': 'The organizer ended the meeting.',
  '0/0': 'You left before you were let in.',
};

function lookUp(table: Record<string, string>, reason: EndReason | null): string | undefined {
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
 * How a call ended, from this leg's side: on a call the agent placed, a decline is the callee's
 * ("They declined the call."), where on a call they were offered it is their own ("You declined").
 */
export function describeCallEnd(direction: 'Incoming' | 'Outgoing', reason: EndReason | null): string {
  return (direction === 'Outgoing' ? lookUp(DECLINED, reason) : undefined) ?? describeEndReason(reason);
}

/** "The call to Jordan Diaz did not connect. They declined the call." with the end's code. */
export function describeUnansweredCall(description: string, reason: EndReason | null): Failure {
  const why = lookUp(UNANSWERED, reason) ?? describeEndReason(reason);
  return withCode(`The call to ${description} did not connect. ${why}`, reason);
}

/** "Could not join the Teams meeting. No meeting matches these details: ..." with the end's code. */
export function describeUnjoinedMeeting(reason: EndReason | null): Failure {
  const why = lookUp(UNJOINED, reason) ?? describeEndReason(reason);
  return withCode(`Could not join the Teams meeting. ${why}`, reason);
}

/** "Could not add Casey Novak to the call. Nobody answered." with the end's code. */
export function describeUnansweredParticipant(name: string, reason: EndReason | null): Failure {
  const why = lookUp(UNANSWERED, reason) ?? describeEndReason(reason);
  return withCode(`${name} was not added to the call. ${why}`, reason);
}
