/**
 * The end reasons and operation errors real ACS uses (docs/acs-codes.md), by name,
 * so the console's handling of them is the handling real ACS needs.
 */
export interface CodePair {
  readonly code: number;
  readonly subCode?: number;
}

export const END = {
  hungUp: { code: 0, subCode: 0 },
  callerCancelled: { code: 487, subCode: 0 },
  declined: { code: 603, subCode: 0 },
  acceptedElsewhere: { code: 487, subCode: 10003 },
  noAnswer: { code: 487, subCode: 10004 },
  vanished: { code: 0, subCode: 4521 },
  phoneParticipantHungUp: { code: 0, subCode: 560000 },
  networkLost: { code: 496, subCode: 7 },
  /** Removed by another participant (`removeParticipant`, or refused from a meeting's lobby). */
  removed: { code: 0, subCode: 5300 },
  /** The meeting's organizer (or a presenter) ended it for everyone. */
  endedForEveryone: { code: 0, subCode: 4097 },
  busy: { code: 486, subCode: 560486 },
  /** The Teams user has no registered endpoint (never signed in). */
  noEndpoint: { code: 480, subCode: 10037 },
  /** The Teams user is registered but offline. */
  offline: { code: 480, subCode: 10076 },
  /** No such user, meeting or chat thread. */
  notFound: { code: 404 },
  /** A Teams user outside a chat thread that has an information barrier (the emulator's subCode). */
  informationBarrier: { code: 403, subCode: 49020 },
  /** The transferor's call once its transfer completed ("Call ended by service because transfer completed successfully"). */
  transferred: { code: 0, subCode: 7015 },
} as const satisfies Record<string, CodePair>;

export const ERROR = {
  agentExists: { code: 409, subCode: 40230 },
  unreachable: { code: 408, subCode: 40114 },
  acceptNotRinging: { code: 400, subCode: 41006 },
  rejectNotRinging: { code: 400, subCode: 41007 },
  muteFailed: { code: 500, subCode: 41015 },
  unmuteFailed: { code: 400, subCode: 41016 },
  holdFailed: { code: 500, subCode: 41033 },
  resumeFailed: { code: 500, subCode: 41034 },
  unauthenticated: { code: 401, subCode: 10009 },
  notFound: { code: 404 },
  notModelled: { code: 501 },
  /** More than 15 mute operations in 30 seconds from one console. */
  throttled: { code: 429 },
  noValidVideoStream: { code: 400, subCode: 41025 },
  videoAlreadyStarted: { code: 400, subCode: 41027 },
  videoAlreadyStopped: { code: 400, subCode: 41030 },
  // The emulator's own subCodes (490xx): ACS refuses these cases too, but its exact subCode for
  // each is not published; consumers should rely on the code and the message.
  groupCallNeedsThread: { code: 400, subCode: 49001 },
  invalidPhoneNumber: { code: 400, subCode: 49002 },
  invalidTeamsUserId: { code: 400, subCode: 49003 },
  invalidTarget: { code: 400, subCode: 49004 },
  invalidMeetingLocator: { code: 400, subCode: 49005 },
  addParticipantNeedsThread: { code: 400, subCode: 49006 },
  invalidThreadId: { code: 400, subCode: 49007 },
  alreadyInCall: { code: 400, subCode: 49008 },
  invalidDtmfTone: { code: 400, subCode: 49009 },
  noPhoneParticipant: { code: 400, subCode: 49010 },
  roleRestricted: { code: 403, subCode: 49011 },
  notApplicable: { code: 400, subCode: 49012 },
  callingYourself: { code: 400, subCode: 49013 },
  participantNotConnected: { code: 400, subCode: 49014 },
  invalidCallId: { code: 400, subCode: 49015 },
  /** A resume for an endpoint the service does not know (its window passed, or it restarted). */
  endpointNotKnown: { code: 404, subCode: 49016 },
  /** A transfer to a call (`targetCallId`) that is not this console's live call. */
  replacementCallNotFound: { code: 404, subCode: 10202 },
  transferInProgress: { code: 400, subCode: 49017 },
  /** A spoken language captions do not support (`startCaptions`, `setSpokenLanguage`). */
  unsupportedLanguage: { code: 400, subCode: 49030 },
  /** Captions translated to another language: Teams Premium only, which the emulator's tenant lacks. */
  captionsTranslationNeedsPremium: { code: 403, subCode: 49031 },
} as const satisfies Record<string, CodePair>;

/** An operation the world refused: what the client rejects the SDK call with. */
export class WorldError extends Error {
  readonly code: number;
  readonly subCode?: number;

  constructor(pair: CodePair, message: string) {
    super(message);
    this.name = 'CallingCommunicationError';
    this.code = pair.code;
    if (pair.subCode !== undefined) this.subCode = pair.subCode;
  }
}
