import type * as Sdk from '@azure/communication-calling';
import { callingError } from '../connection';
import { Emitter, type Listener } from '../emitter';
import { isMediaStream, OpenedDevice, standaloneTally, type PublicOf } from './media-devices';

/**
 * The SDK's camera track for its WebRTC-bundle sessions: a video track from a camera or a custom
 * `MediaStream`, switched and released like a `LocalVideoStream`'s.
 */
export class WbLocalVideoStream implements PublicOf<Sdk.WbLocalVideoStream> {
  private source: Sdk.VideoDeviceInfo | MediaStream;
  private readonly device = new OpenedDevice('camera');
  private readonly events = new Emitter(standaloneTally);

  constructor(source: Sdk.VideoDeviceInfo | MediaStream) {
    this.source = WbLocalVideoStream.checked(source);
  }

  async getVideoTrack(): Promise<MediaStreamTrack> {
    const stream = await this.stream();
    const track = stream.getVideoTracks()[0];
    if (!track) throw callingError({ code: 400, message: 'The source has no video track.' });
    return track;
  }

  async switchSource(source: Sdk.VideoDeviceInfo | MediaStream): Promise<void> {
    this.source = WbLocalVideoStream.checked(source);
    this.device.release();
    this.events.emit('sourceChanged', await this.getVideoTrack());
  }

  on(event: 'sourceChanged', listener: Listener): void {
    this.events.on(event, listener);
  }

  off(event: 'sourceChanged', listener: Listener): void {
    this.events.off(event, listener);
  }

  dispose(): void {
    this.device.release();
  }

  private stream(): Promise<MediaStream> {
    const source = this.source;
    if (isMediaStream(source)) return Promise.resolve(source);
    return this.device.open(source.id);
  }

  private static checked(source: Sdk.VideoDeviceInfo | MediaStream): Sdk.VideoDeviceInfo | MediaStream {
    if (isMediaStream(source) || (source && typeof source.id === 'string')) return source;
    throw callingError({ code: 400, message: 'A WbLocalVideoStream needs a camera or a MediaStream.' });
  }
}
