import type { OperationName } from '../protocol/messages';
import type { CodePair } from './codes';

/** What a fault can target: every operation a client asks of the world, `hello` by its SDK name. */
export type FaultOperation = Exclude<OperationName, 'hello'> | 'createTeamsCallAgent';

// A record, so the compiler flags an operation added to the protocol but missing here.
const OPERATIONS: Record<FaultOperation, true> = {
  createTeamsCallAgent: true,
  accept: true,
  reject: true,
  mute: true,
  unmute: true,
  hold: true,
  resume: true,
  hangUp: true,
  muteParticipant: true,
  muteAllRemoteParticipants: true,
  startCall: true,
  join: true,
  hangUpForEveryone: true,
  startVideo: true,
  stopVideo: true,
  admit: true,
  admitAll: true,
  rejectFromLobby: true,
  removeParticipant: true,
  addParticipant: true,
  sendDtmf: true,
  transfer: true,
  grantTeamsConsent: true,
  startCaptions: true,
  stopCaptions: true,
  setSpokenLanguage: true,
  resumeEndpoint: true,
};

export const FAULT_OPERATIONS = Object.keys(OPERATIONS) as FaultOperation[];

export function isFaultOperation(name: string): name is FaultOperation {
  return Object.hasOwn(OPERATIONS, name);
}

/**
 * Faults to inject into the next operation of a kind: fail it with a code, or delay it. Each is
 * used once, in the order given: three failures of one kind fail its next three operations.
 * `Op` names the kinds (the calling operations by default; the cloud's HTTP services use their own).
 */
export class Faults<Op extends string = FaultOperation> {
  private readonly failures = new Map<string, (CodePair & { message?: string })[]>();
  private readonly delays = new Map<string, number[]>();

  failNext(op: Op, error: CodePair & { message?: string }): void {
    this.failures.set(op, [...(this.failures.get(op) ?? []), error]);
  }

  delayNext(op: Op, ms: number): void {
    this.delays.set(op, [...(this.delays.get(op) ?? []), ms]);
  }

  takeFailure(op: string): (CodePair & { message?: string }) | undefined {
    return this.failures.get(op)?.shift();
  }

  takeDelay(op: string): number {
    return this.delays.get(op)?.shift() ?? 0;
  }

  clear(): void {
    this.failures.clear();
    this.delays.clear();
  }
}
