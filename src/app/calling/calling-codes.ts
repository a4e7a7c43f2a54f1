import type { EndReason } from '../model/snapshots';

import type { Failure } from '../model/failure';

/** An error the console raises itself (no live object to act on, bad input). */
export class CallingFailure extends Error implements Failure {
  constructor(
    message: string,
    readonly code?: number,
    readonly subCode?: number,
  ) {
    super(message);
    this.name = 'CallingFailure';
  }
}

export type CallOperation =
  | 'accept'
  | 'reject'
  | 'mute'
  | 'unmute'
  | 'hold'
  | 'resume'
  | 'hangUp'
  | 'connect'
  | 'startCall'
  | 'join'
  | 'addParticipant'
  | 'muteParticipant'
  | 'removeParticipant'
  | 'muteAllRemoteParticipants'
  | 'sendDtmf'
  | 'startVideo'
  | 'stopVideo'
  | 'startCaptions'
  | 'stopCaptions'
  | 'grantTeamsConsent';

const OPERATION_WORDS: Record<CallOperation, string> = {
  accept: 'Accepting the call',
  reject: 'Rejecting the call',
  mute: 'Muting',
  unmute: 'Unmuting',
  hold: 'Putting the call on hold',
  resume: 'Resuming the call',
  hangUp: 'Hanging up',
  connect: 'Connecting to the calling service',
  startCall: 'Placing the call',
  join: 'Joining the meeting',
  addParticipant: 'Adding the participant',
  muteParticipant: 'Muting the participant',
  removeParticipant: 'Removing the participant',
  muteAllRemoteParticipants: 'Muting everyone else',
  sendDtmf: 'Sending the tone',
  startVideo: 'Turning your camera on',
  stopVideo: 'Turning your camera off',
  startCaptions: 'Starting captions',
  stopCaptions: 'Stopping captions',
  grantTeamsConsent: 'Giving your consent to be recorded',
};

/** Operation errors, by `code/subCode` or by bare `code` (docs/acs-codes.md, operations that fail). */
const ERROR_MESSAGES: Record<string, string> = {
  '409/40230': 'This account is already signed in to calling in this console. Sign out and in again.',
  '408/40114': 'Could not reach the calling service. Check the network and try again.',
  '400/41006': 'This call is no longer ringing: another agent answered it or the caller hung up.',
  '400/41007': 'This call is no longer ringing: another agent answered it or the caller hung up.',
  '500/41015': 'Muting the microphone failed. Try again.',
  '400/41016': 'Unmuting the microphone failed. Try again.',
  '500/41033': 'Putting the call on hold failed. The call is still live.',
  '500/41034': 'Resuming the call failed. The call is still on hold.',
  '400/41025': 'Your camera could not be started. Try again.',
  '400/41027': 'Your camera is already on in this call.',
  '400/41030': 'Your camera is already off in this call.',
  '412/43013': 'No camera was found.',
  '403/43001': 'The browser has not been allowed to use the camera.',
  '400/40613': 'The browser has not been allowed to use the microphone or camera.',
  '412/41056': 'Your Teams account has no Enterprise Voice policy, so it cannot call phone numbers.',
  '401/10009': 'Your session expired: sign in again.',
  '495/4507': 'Your session expired: sign in again.',
  '429': 'The calling service is throttling requests. Wait a few seconds and try again.',
  '401': 'Your session expired: sign in again.',
  '404': 'The call was not found. It may already have ended.',
  '500': 'The calling service had a problem. Try again.',
  '503': 'The calling service is unavailable. Try again shortly.',
  '504': 'The calling service did not answer in time. Try again.',
};

/**
 * ACS throttles mutes (own and others') at 15 in 30 seconds (the guide); a 429 on anything else is
 * the service's throttling in general, and must not blame mutes the agent never made.
 */
const MUTE_OPERATIONS: ReadonlySet<CallOperation> = new Set([
  'mute',
  'unmute',
  'muteParticipant',
  'muteAllRemoteParticipants',
]);
const MUTE_THROTTLED = 'Too many mute requests in a short time. Wait a few seconds and try again.';

function numberOrUndefined(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** An error in words; without its operation, it is named as the console's own request. */
export function toFailure(error: unknown, operation?: CallOperation): Failure {
  const { code, subCode, message } = (error ?? {}) as {
    code?: unknown;
    subCode?: unknown;
    message?: unknown;
  };
  const numericCode = numberOrUndefined(code);
  const numericSubCode = numberOrUndefined(subCode);
  const known =
    (numericCode !== undefined && ERROR_MESSAGES[`${numericCode}/${numericSubCode}`]) ||
    (numericCode === 429 && operation && MUTE_OPERATIONS.has(operation) && MUTE_THROTTLED) ||
    (numericCode !== undefined && ERROR_MESSAGES[`${numericCode}`]);
  const detail = typeof message === 'string' && message ? message : 'no reason given';
  const text =
    known ||
    (error instanceof CallingFailure
      ? error.message
      : `${operation ? OPERATION_WORDS[operation] : 'Your request'} failed: ${detail}`);
  return {
    message: text,
    ...(numericCode !== undefined && { code: numericCode }),
    ...(numericSubCode !== undefined && { subCode: numericSubCode }),
  };
}

/** How a call ended, in words (docs/acs-codes.md, how a call ended). */
const END_REASONS: Record<string, string> = {
  '0/0': 'You hung up.',
  '0/7015': 'You transferred the call.',
  '487/0': 'The caller hung up before anyone answered.',
  '603/0': 'You declined the call.',
  '487/10003': 'Another agent answered this call.',
  '487/10004': 'Nobody answered in time.',
  '487/10024': 'Every callee declined.',
  '0/5003': 'Every callee declined.',
  '0/5000': 'You were removed from the call.',
  '0/5300': 'You were removed from the call.',
  '0/4097': 'The organizer ended the meeting.',
  '0/4521': 'The other side left without hanging up.',
  '0/560000': 'The caller hung up.',
  '486/560486': 'The number was busy.',
  '496/7': 'The network was lost and reconnecting gave up.',
  '408/40114': 'The connection to the calling service was lost.',
  '410/3100': 'The call could not be set up because of a network problem.',
  '410/3101': 'The call dropped because of a network problem.',
  '408/4506': 'The callee never answered.',
  '495/4507': 'Your session expired: sign in again.',
  '401/10009': 'Your session expired: sign in again.',
  '480/10037': 'Nobody is signed in at that address.',
  '480/10076': 'The person called is offline.',
  '404': 'The call or meeting was not found.',
  '500': 'The calling service had a problem.',
  '503': 'The calling service is unavailable.',
  '504': 'The calling service did not answer in time.',
};

/**
 * The sentence for a pair the console knows, or undefined. A failure uses it, and shows its code
 * beside the sentence (`sb-failure-message`): the code is never written into the sentence too.
 */
export function knownEndReason(reason: EndReason | null): string | undefined {
  if (!reason) return undefined;
  return END_REASONS[`${reason.code}/${reason.subCode ?? 0}`] ?? END_REASONS[`${reason.code}`];
}

/** How a call ended, in words; a pair the console does not know carries its code in the sentence. */
export function describeEndReason(reason: EndReason | null): string {
  if (!reason) return 'The call ended.';
  return (
    knownEndReason(reason) ??
    `The call ended (code ${reason.code}${reason.subCode === undefined ? '' : `/${reason.subCode}`}).`
  );
}
