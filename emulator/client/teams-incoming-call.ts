import type {
  AcceptCallOptions,
  CallEndReason,
  CallerInfo,
  CustomContext,
  TeamsCall,
  TeamsIncomingCall,
} from '@azure/communication-calling';
import type { EndReasonWire, IncomingCallWire } from '../protocol/messages';
import { EmulatedCallInfo } from './call-info';
import type { Connection } from './connection';
import { IncomingCallKind } from './sdk-values';
import { Emitter, type Listener, type ListenerTally } from './emitter';
import { readVideo } from './outgoing-call';
import type { EmulatedTeamsCall } from './teams-call';

/** A call ringing for this Teams user, until it is accepted, declined, taken elsewhere or abandoned. */
export class EmulatedTeamsIncomingCall implements TeamsIncomingCall {
  readonly kind = IncomingCallKind.TeamsIncomingCall;
  readonly id: string;
  readonly callerInfo: CallerInfo;
  readonly transferorInfo?: CallerInfo;
  /** What a transfer carried to this call's target, as the transferor gave it. */
  readonly customContext?: CustomContext;
  readonly info: EmulatedCallInfo;
  private endReason: CallEndReason | undefined;
  private readonly events: Emitter;

  constructor(
    wire: IncomingCallWire,
    private readonly connection: Connection,
    /** Finds the call the world created for an accepted incoming call. */
    private readonly callById: (id: string) => EmulatedTeamsCall | undefined,
    tally: ListenerTally,
  ) {
    this.id = wire.id;
    this.callerInfo = wire.callerInfo;
    if (wire.transferorInfo) this.transferorInfo = wire.transferorInfo;
    if (wire.customContext) this.customContext = structuredClone(wire.customContext) as CustomContext;
    this.info = new EmulatedCallInfo(wire.id, wire.id, wire.threadId, tally);
    this.events = new Emitter(tally);
  }

  get callEndReason(): CallEndReason | undefined {
    return this.endReason;
  }

  /** Answers; with `videoOptions.localVideoStreams`, with the camera on. */
  async accept(options?: AcceptCallOptions): Promise<TeamsCall> {
    const video = readVideo(options);
    const { callId } = (await this.connection.request({
      op: 'accept',
      incomingCallId: this.id,
      video: video !== undefined,
    })) as { callId: string };
    const call = this.callById(callId);
    if (!call) throw new Error(`The emulator accepted call ${callId} but never announced it.`);
    if (video) call.startWithVideo(video);
    return call;
  }

  async reject(): Promise<void> {
    await this.connection.request({ op: 'reject', incomingCallId: this.id });
  }

  on(event: string, listener: Listener): void {
    this.events.on(event, listener);
  }

  off(event: string, listener: Listener): void {
    this.events.off(event, listener);
  }

  /** It stopped ringing (taken elsewhere, declined, abandoned) or its accepted call ended. */
  end(reason: EndReasonWire): void {
    if (this.endReason) return;
    this.endReason = reason;
    this.events.emit('callEnded', { callEndReason: reason });
  }
}
