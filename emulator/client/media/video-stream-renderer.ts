import type * as Sdk from '@azure/communication-calling';
import { callingError } from '../connection';
import type { PublicOf } from './media-devices';

/** Anything with video to show: a `LocalVideoStream` or a remote participant's stream. */
interface RenderableStream {
  getMediaStream(): Promise<MediaStream>;
  readonly size?: Sdk.StreamSize;
}

const objectFit: Record<Sdk.ScalingMode, string> = { Crop: 'cover', Fit: 'contain', Stretch: 'fill' };

/** One rendering: a `<div>` holding a `<video>` that plays the stream, muted and inline. */
class EmulatedRendererView implements Sdk.VideoStreamRendererView {
  readonly target: HTMLElement;
  readonly video: HTMLVideoElement;
  private mode: Sdk.ScalingMode;
  private disposed = false;

  constructor(
    stream: MediaStream,
    readonly isMirrored: boolean,
    scalingMode: Sdk.ScalingMode,
    private readonly onDispose: (view: EmulatedRendererView) => void,
  ) {
    this.mode = scalingMode;
    this.target = document.createElement('div');
    this.target.style.width = '100%';
    this.target.style.height = '100%';
    this.video = document.createElement('video');
    this.video.autoplay = true;
    this.video.muted = true;
    this.video.playsInline = true;
    this.video.style.width = '100%';
    this.video.style.height = '100%';
    if (isMirrored) this.video.style.transform = 'scaleX(-1)';
    this.video.srcObject = stream;
    this.applyScaling();
    this.target.appendChild(this.video);
  }

  get scalingMode(): Sdk.ScalingMode {
    return this.mode;
  }

  async updateScalingMode(scalingMode: Sdk.ScalingMode): Promise<void> {
    if (!(scalingMode in objectFit)) {
      throw callingError({
        code: 400,
        message: `Unknown scaling mode '${scalingMode}': use Crop, Fit or Stretch.`,
      });
    }
    this.mode = scalingMode;
    this.applyScaling();
  }

  /** Stops showing the stream; the stream itself belongs to its source and goes on. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.video.pause();
    this.video.srcObject = null;
    this.target.replaceChildren();
    this.onDispose(this);
  }

  private applyScaling(): void {
    this.video.style.objectFit = objectFit[this.mode];
  }
}

/**
 * Renders a local or remote video stream into views. Each `createView()` is a new element playing
 * the stream (a camera's own video, or the initials the emulator draws for a remote participant);
 * `dispose()` ends every view. Without a DOM (Node), `createView()` rejects with a clear error.
 */
export class VideoStreamRenderer implements PublicOf<Sdk.VideoStreamRenderer> {
  private readonly views = new Set<EmulatedRendererView>();
  private disposed = false;
  private lastSize: Sdk.StreamSize = { width: 0, height: 0 };

  constructor(private readonly videoStream: Sdk.LocalVideoStream | Sdk.RemoteVideoStream) {
    if (typeof (videoStream as Partial<RenderableStream> | undefined)?.getMediaStream !== 'function') {
      throw callingError({
        code: 400,
        message: 'A VideoStreamRenderer needs a LocalVideoStream or a RemoteVideoStream.',
      });
    }
  }

  /** The size of the video last rendered (0×0 before the first view). */
  get size(): Sdk.StreamSize {
    return this.lastSize;
  }

  async createView(options?: Sdk.CreateViewOptions): Promise<Sdk.VideoStreamRendererView> {
    if (this.disposed)
      throw callingError({ code: 400, message: 'This VideoStreamRenderer has been disposed.' });
    if (typeof document === 'undefined') {
      throw callingError({ code: 501, message: 'Rendering video needs a browser: this runtime has no DOM.' });
    }
    const stream = await (this.videoStream as unknown as RenderableStream).getMediaStream();
    if (this.disposed)
      throw callingError({ code: 400, message: 'This VideoStreamRenderer has been disposed.' });
    const view = new EmulatedRendererView(
      stream,
      options?.isMirrored ?? false,
      options?.scalingMode ?? 'Crop',
      (disposed) => this.views.delete(disposed),
    );
    this.views.add(view);
    this.lastSize = this.sizeOf(stream);
    return view;
  }

  dispose(): void {
    this.disposed = true;
    [...this.views].forEach((view) => view.dispose());
  }

  private sizeOf(stream: MediaStream): Sdk.StreamSize {
    const known = (this.videoStream as unknown as RenderableStream).size;
    if (known) return { ...known };
    const { width = 0, height = 0 } = stream.getVideoTracks()[0]?.getSettings() ?? {};
    return { width, height };
  }
}
