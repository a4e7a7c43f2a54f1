import type { TeamsCallInfo } from '@azure/communication-calling';
import { Emitter, type ListenerTally } from './emitter';

/**
 * `call.info` / `incomingCall.info`: the call's chat thread (group calls and meetings; a 1:1 call
 * has none until a participant is added with one) and its ids. `getServerCallId()` is the world's
 * id for the call, the same for everyone in it.
 */
export class EmulatedCallInfo implements TeamsCallInfo {
  private readonly events: Emitter;
  private currentThreadId: string | undefined;

  constructor(
    private serverCallId: string,
    readonly participantId: string,
    threadId: string | undefined,
    tally: ListenerTally,
  ) {
    this.currentThreadId = threadId;
    this.events = new Emitter(tally);
  }

  get threadId(): string | undefined {
    return this.currentThreadId;
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

  /** The world said more about the call: its server id, or the thread a 1:1 call got. */
  update(change: { serverCallId?: string; threadId?: string }): void {
    if (change.serverCallId) this.serverCallId = change.serverCallId;
    if (change.threadId === undefined || change.threadId === this.currentThreadId) return;
    this.currentThreadId = change.threadId;
    this.events.emit('callInfoChanged');
  }
}
