import type { OperationName } from '../protocol/messages';
import type { CodePair } from './codes';

/** Faults to inject into the next operation of a kind: fail it with a code, or delay it. */
export class Faults {
  private readonly failures = new Map<string, (CodePair & { message?: string })[]>();
  private readonly delays = new Map<string, number[]>();

  failNext(op: OperationName | 'createTeamsCallAgent', error: CodePair & { message?: string }): void {
    this.failures.set(op, [...(this.failures.get(op) ?? []), error]);
  }

  delayNext(op: OperationName | 'createTeamsCallAgent', ms: number): void {
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
