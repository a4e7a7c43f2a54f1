import type * as Sdk from '@azure/communication-calling';
import { callingError } from '../connection';
import { Emitter, type Listener } from '../emitter';
import { featureName } from '../features/factories';
import { localStreamFeature, type InertVideoEffects } from '../features/stream-features';
import { deviceInfoOf, isMediaStream, OpenedDevice, standaloneTally, type PublicOf } from './media-devices';

/**
 * A camera's video, or a custom `MediaStream` (`mediaStreamType` 'RawMedia' then, as with the
 * SDK). The camera's stream is acquired on first use (`getMediaStream()`, a renderer's view) with
 * the browser's `getUserMedia` and that device id, and released by `switchSource` and `dispose`.
 */
export class LocalVideoStream implements PublicOf<Sdk.LocalVideoStream> {
  readonly autoDisposeOnCallEnd: boolean;
  private currentSource: Sdk.VideoDeviceInfo;
  private rawStream: MediaStream | undefined;
  private readonly device = new OpenedDevice('camera');
  private effects: InertVideoEffects | undefined;
  private disposed = false;
  private readonly events = new Emitter(standaloneTally);

  constructor(source: Sdk.VideoDeviceInfo | MediaStream, options?: Sdk.LocalVideoStreamOptions) {
    if (isMediaStream(source)) {
      this.rawStream = source;
      this.currentSource = { ...deviceInfoOf(source, 'video'), deviceType: 'Unknown' };
    } else if (source && typeof source.id === 'string') {
      this.currentSource = source;
    } else {
      throw callingError({
        code: 400,
        subCode: 41025,
        message: 'A LocalVideoStream needs a camera (a VideoDeviceInfo from getCameras()) or a MediaStream.',
      });
    }
    // The SDK's default: a call that ends releases the camera it was sending.
    this.autoDisposeOnCallEnd = options?.autoDisposeOnCallEnd ?? true;
  }

  get source(): Sdk.VideoDeviceInfo {
    return this.currentSource;
  }

  get mediaStreamType(): Sdk.MediaStreamType {
    return this.rawStream ? 'RawMedia' : 'Video';
  }

  /** The stream's video: the custom stream, or the camera's, acquired once and shared. */
  getMediaStream(): Promise<MediaStream> {
    if (this.rawStream) return Promise.resolve(this.rawStream);
    if (this.disposed) {
      return Promise.reject(callingError({ code: 400, message: 'This LocalVideoStream has been disposed.' }));
    }
    return this.device.open(this.currentSource.id);
  }

  async setMediaStream(source: MediaStream): Promise<void> {
    this.device.release();
    this.rawStream = source;
    this.currentSource = { ...deviceInfoOf(source, 'video'), deviceType: 'Unknown' };
    this.events.emit('videoSourceChanged');
  }

  /** Another camera: the old one is released; views made from now on show the new one. */
  async switchSource(source: Sdk.VideoDeviceInfo): Promise<void> {
    if (!source || typeof source.id !== 'string') {
      throw callingError({
        code: 400,
        subCode: 41025,
        message: 'switchSource needs a camera from getCameras().',
      });
    }
    if (source.id === this.currentSource.id && !this.rawStream) return;
    this.device.release();
    this.rawStream = undefined;
    this.currentSource = source;
    this.events.emit('videoSourceChanged');
  }

  feature<TFeature extends Sdk.VideoStreamFeature>(
    factory: Sdk.VideoStreamFeatureFactory<TFeature>,
  ): TFeature {
    // One effects object per stream, as the SDK hands out; any other feature is refused.
    const effects = featureName(factory) === 'VideoEffects' ? this.effects : undefined;
    this.effects = effects ?? localStreamFeature(factory, 'video', standaloneTally);
    return this.effects as unknown as TFeature;
  }

  on(event: 'videoSourceChanged', listener: Listener): void {
    this.events.on(event, listener);
  }

  off(event: 'videoSourceChanged', listener: Listener): void {
    this.events.off(event, listener);
  }

  /** Releases the camera; a custom `MediaStream` stays its owner's to stop. */
  dispose(): void {
    this.disposed = true;
    this.device.release();
  }
}
