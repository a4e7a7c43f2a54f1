import { knownEndReason } from './calling-codes';
import type { Failure } from '../model/failure';
import type { EndReason } from '../model/snapshots';

/**
 * Why someone brought into a call did not join, by `code/subCode` or bare `code`
 * (docs/acs-codes.md), said of them by name: "Sam Okafor is busy.".
 */
const NOT_JOINED: Record<string, (name: string) => string> = {
  '486/560486': (name) => `${name} is busy.`,
  '486': (name) => `${name} is busy.`,
  '603/0': (name) => `${name} declined the call.`,
  '487/10024': (name) => `${name} declined the call.`,
  '0/5003': (name) => `${name} declined the call.`,
  '487/10004': (name) => `${name} did not answer.`,
  '408/4506': (name) => `${name} did not answer.`,
  '480/10037': (name) => `${name} is not signed in to Teams anywhere.`,
  '480/10076': (name) => `${name} is offline.`,
  '480': (name) => `${name} is offline.`,
  '403/49020': (name) => `An information barrier keeps ${name} out of this call.`,
  '404': (name) => `${name} could not be found by the calling service.`,
  '0/5300': (name) => `${name} was taken out of the call again.`,
  '0/5000': (name) => `${name} was taken out of the call again.`,
};

function withCode(message: string, reason: { code?: number; subCode?: number } | null): Failure {
  return {
    message,
    ...(reason?.code !== undefined && { code: reason.code }),
    ...(reason?.subCode !== undefined && { subCode: reason.subCode }),
  };
}

/** "Sam Okafor is busy." with the end's code; an unknown pair still gets a sentence. */
export function describeNotJoined(name: string, reason: EndReason | null): Failure {
  const known =
    reason && (NOT_JOINED[`${reason.code}/${reason.subCode ?? 0}`] ?? NOT_JOINED[`${reason.code}`]);
  if (known) return withCode(known(name), reason);
  // The code goes beside the sentence, never into it as well.
  const why = knownEndReason(reason);
  return withCode(`${name} did not join.${why ? ` ${why}` : ''}`, reason);
}

/**
 * A Graph refusal to put someone in the call's chat. 403 is what Teams answers across an
 * information barrier, and for an app without `ChatMember.ReadWrite`: the agent is told both.
 */
export function describeChatRefusal(name: string, failure: Failure): Failure {
  const message =
    failure.code === 403
      ? `${name} could not be added to the call’s chat: Microsoft Graph refused (an information barrier between you, or your account is not allowed to add chat members). They were not called.`
      : `${name} could not be added to the call’s chat, so they were not called. ${failure.message}`;
  return withCode(message, failure);
}

/** The call's chat could not be found or made: nobody is added. */
export function describeThreadFailure(name: string, failure: Failure): Failure {
  return withCode(
    `${name} was not added: the call’s chat could not be made ready. ${failure.message}`,
    failure,
  );
}

/** The SDK refused `addParticipant` itself. */
export function describeAddRefused(name: string, failure: Failure): Failure {
  return withCode(`${name} was not added to the call. ${failure.message}`, failure);
}

/** Taking a newcomer out of the chat again failed: the agent is told they are still in it. */
export function withChatLeftover(failure: Failure, name: string, removal: Failure): Failure {
  return {
    ...failure,
    message: `${failure.message} ${name} is still in the call’s chat. ${removal.message}`,
  };
}
