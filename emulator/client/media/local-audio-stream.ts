import type * as Sdk from '@azure/communication-calling';
import { callingError } from '../connection';
import { Emitter, type Listener } from '../emitter';
import { featureName } from '../features/factories';
import { localStreamFeature, type InertAudioEffects } from '../features/stream-features';
import { deviceInfoOf, isMediaStream, OpenedDevice, standaloneTally, type PublicOf } from './media-devices';

/** The input level: the emulator measures no sound, so it reads silence and never changes. */
class SilentVolume implements Sdk.Volume {
  readonly level = 0;
  private readonly events = new Emitter(standaloneTally);

  on(event: 'levelChanged', listener: Listener): void {
    this.events.on(event, listener);
  }

  off(event: 'levelChanged', listener: Listener): void {
    this.events.off(event, listener);
  }
}

/**
 * A microphone's audio, or a custom `MediaStream` ('RawMedia'). As with `LocalVideoStream`, the
 * microphone is acquired with `getUserMedia` on first `getMediaStream()` and released by
 * `switchSource` and `dispose`.
 */
export class LocalAudioStream implements PublicOf<Sdk.LocalAudioStream> {
  readonly autoDisposeOnCallEnd: boolean;
  private currentSource: Sdk.AudioDeviceInfo;
  private rawStream: MediaStream | undefined;
  private readonly device = new OpenedDevice('microphone');
  private effects: InertAudioEffects | undefined;
  private volume: SilentVolume | undefined;
  private disposed = false;
  private readonly events = new Emitter(standaloneTally);

  constructor(source: Sdk.AudioDeviceInfo | MediaStream, options?: Sdk.LocalAudioStreamOptions) {
    if (isMediaStream(source)) {
      this.rawStream = source;
      this.currentSource = this.describe(source);
    } else if (source && typeof source.id === 'string') {
      this.currentSource = source;
    } else {
      throw callingError({
        code: 400,
        message:
          'A LocalAudioStream needs a microphone (an AudioDeviceInfo from getMicrophones()) or a MediaStream.',
      });
    }
    // The SDK's default: a call that ends releases the microphone it was sending.
    this.autoDisposeOnCallEnd = options?.autoDisposeOnCallEnd ?? true;
  }

  get source(): Sdk.AudioDeviceInfo {
    return this.currentSource;
  }

  get mediaStreamType(): Sdk.MediaStreamType {
    return this.rawStream ? 'RawMedia' : 'Audio';
  }

  getMediaStream(): Promise<MediaStream> {
    if (this.rawStream) return Promise.resolve(this.rawStream);
    if (this.disposed) {
      return Promise.reject(callingError({ code: 400, message: 'This LocalAudioStream has been disposed.' }));
    }
    return this.device.open(this.currentSource.id);
  }

  async setMediaStream(source: MediaStream): Promise<void> {
    this.device.release();
    this.rawStream = source;
    this.currentSource = this.describe(source);
    this.events.emit('audioSourceChanged');
  }

  async switchSource(source: Sdk.AudioDeviceInfo): Promise<void> {
    if (!source || typeof source.id !== 'string') {
      throw callingError({ code: 400, message: 'switchSource needs a microphone from getMicrophones().' });
    }
    if (source.id === this.currentSource.id && !this.rawStream) return;
    this.device.release();
    this.rawStream = undefined;
    this.currentSource = source;
    this.events.emit('audioSourceChanged');
  }

  async getVolume(): Promise<Sdk.Volume> {
    this.volume ??= new SilentVolume();
    return this.volume;
  }

  feature<TFeature extends Sdk.AudioStreamFeature>(
    factory: Sdk.AudioStreamFeatureFactory<TFeature>,
  ): TFeature {
    const effects = featureName(factory) === 'AudioEffects' ? this.effects : undefined;
    this.effects = effects ?? localStreamFeature(factory, 'audio', standaloneTally);
    return this.effects as unknown as TFeature;
  }

  on(event: 'audioSourceChanged', listener: Listener): void {
    this.events.on(event, listener);
  }

  off(event: 'audioSourceChanged', listener: Listener): void {
    this.events.off(event, listener);
  }

  dispose(): void {
    this.disposed = true;
    this.device.release();
  }

  private describe(stream: MediaStream): Sdk.AudioDeviceInfo {
    return { ...deviceInfoOf(stream, 'audio'), isSystemDefault: false, deviceType: 'Virtual' };
  }
}
