import type { LocalVideoStream as SdkLocalVideoStream } from '@azure/communication-calling';
import { ERROR } from '../engine/codes';
import { callingError, type CallingError, type Connection } from './connection';
import type { Emitter } from './emitter';
import { LocalVideoStream } from './media';

/** A camera stream the call can send: the module's `LocalVideoStream` of type 'Video'. */
export function isCameraStream(stream: unknown): stream is SdkLocalVideoStream {
  return stream instanceof LocalVideoStream && stream.mediaStreamType === 'Video';
}

export function noValidStream(): CallingError {
  return callingError({
    ...ERROR.noValidVideoStream,
    message: 'startVideo needs a LocalVideoStream made from a camera (new LocalVideoStream(camera)).',
  });
}

/**
 * The video a call sends (`localVideoStreams`, `isLocalVideoStarted`): one camera at a time, as
 * the SDK allows (41027 when one is already started, 41030 to stop one that is not).
 */
export class LocalVideo {
  private streams: SdkLocalVideoStream[] = [];

  constructor(
    private readonly callId: () => string,
    private readonly connection: Connection,
    private readonly events: Emitter,
  ) {}

  get localVideoStreams(): ReadonlyArray<SdkLocalVideoStream> {
    return this.streams;
  }

  get started(): boolean {
    return this.streams.length > 0;
  }

  /** Video given at `startCall`, `join` or `accept`: on from the start, the world told in the same request. */
  startWith(stream: SdkLocalVideoStream): void {
    this.streams = [stream];
  }

  async start(stream: unknown): Promise<void> {
    if (!isCameraStream(stream)) throw noValidStream();
    if (this.started)
      throw callingError({ ...ERROR.videoAlreadyStarted, message: 'Video is already started in this call.' });
    await this.connection.request({ op: 'startVideo', callId: this.callId() });
    this.set([stream]);
  }

  async stop(stream: unknown): Promise<void> {
    if (!this.started || !this.streams.includes(stream as SdkLocalVideoStream))
      throw callingError({
        ...ERROR.videoAlreadyStopped,
        message: 'This video stream is not started in this call.',
      });
    await this.connection.request({ op: 'stopVideo', callId: this.callId() });
    this.set([]);
  }

  /**
   * The call ended: nothing is sent any more, and a stream made with `autoDisposeOnCallEnd` (the
   * SDK's default) is disposed, so its camera is released.
   */
  end(): void {
    const sent = this.streams;
    if (this.started) this.set([]);
    for (const stream of sent)
      if (stream instanceof LocalVideoStream && stream.autoDisposeOnCallEnd) stream.dispose();
  }

  private set(streams: SdkLocalVideoStream[]): void {
    const added = streams.filter((s) => !this.streams.includes(s));
    const removed = this.streams.filter((s) => !streams.includes(s));
    this.streams = streams;
    this.events.emit('localVideoStreamsUpdated', { added, removed });
    this.events.emit('isLocalVideoStartedChanged');
  }
}
