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
