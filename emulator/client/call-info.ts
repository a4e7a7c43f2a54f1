import type { TeamsCallInfo } from '@azure/communication-calling';
import { Emitter, type ListenerTally } from './emitter';

/** `call.info` / `incomingCall.info`: the chat thread id (set for group calls) and the ids. */
export class EmulatedCallInfo implements TeamsCallInfo {
  private readonly events: Emitter;

  constructor(
    private readonly serverCallId: string,
    readonly participantId: string,
    readonly threadId: string | undefined,
    tally: ListenerTally,
  ) {
    this.events = new Emitter(tally);
  }

  async getServerCallId(): Promise<string> {
    return this.serverCallId;
  }

  onCallInfoChanged(event: 'callInfoChanged', listener: () => void): void {
    this.events.on(event, listener);
  }

  offCallInfoChanged(event: 'callInfoChanged', listener: () => void): void {
    this.events.off(event, listener);
  }
}
