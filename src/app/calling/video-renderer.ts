import { inject, Injectable } from '@angular/core';
import { VideoViews } from '../core/video-views';
import type {
  LocalVideoStream,
  RemoteVideoStream,
  VideoStreamRenderer,
  VideoStreamRendererView,
} from '@azure/communication-calling';
import type { ShownVideo, VideoSource } from '../model/video-source';
import { cameraStream } from './call-video';
import { CallRegistry } from './call-registry';
import { CallingFailure } from './calling-codes';

/**
 * Renders video into the element a component gives it, with the SDK's `VideoStreamRenderer`, and
 * disposes the view and the renderer when the component says so (its tile went away). The store
 * never holds a view or a stream: a tile names its source, and the stream is found here, live.
 */
@Injectable({ providedIn: 'root' })
export class VideoRenderer implements VideoViews {
  private readonly registry = inject(CallRegistry);
  private views = 0;

  /** How many views are showing now (a leak check for tests). */
  get liveViews(): number {
    return this.views;
  }

  /**
   * Starts showing `source` in `host` until `stop()`. Creating the view takes a moment: `ready`
   * says whether it was shown (false once it failed or was stopped first), and a view stopped
   * before it is ready is disposed as soon as it exists. `onFailure` is told, in words, when the
   * video cannot be shown.
   */
  show(source: VideoSource, host: HTMLElement, onFailure: (message: string) => void): ShownVideo {
    let stopped = false;
    let renderer: VideoStreamRenderer | null = null;
    let view: VideoStreamRendererView | null = null;
    const release = () => {
      if (view) this.views--;
      view?.dispose();
      renderer?.dispose();
      view = null;
      renderer = null;
      host.replaceChildren();
    };

    const ready = (async () => {
      renderer = new this.registry.values.VideoStreamRenderer(this.streamOf(source));
      const created = await renderer.createView({
        // The agent sees their own camera as in a mirror, as every video app shows it.
        isMirrored: source.kind === 'local',
        scalingMode: 'Crop',
      });
      if (stopped) {
        created.dispose();
        return false;
      }
      view = created;
      this.views++;
      host.replaceChildren(created.target);
      return true;
    })().catch((error: unknown) => {
      if (stopped) return false;
      release();
      onFailure(error instanceof CallingFailure ? error.message : 'This video cannot be shown right now.');
      return false;
    });

    return {
      ready,
      stop: () => {
        if (stopped) return;
        stopped = true;
        release();
      },
    };
  }

  private streamOf(source: VideoSource): LocalVideoStream | RemoteVideoStream {
    const call = this.registry.call(source.callId);
    if (source.kind === 'local') {
      const stream = cameraStream(call.localVideoStreams);
      if (!stream) throw new CallingFailure('Your camera is off.');
      return stream;
    }
    const participant = this.registry.participant(source.callId, source.participantId);
    const stream = participant.videoStreams.find((s) => s.id === source.streamId);
    if (!stream?.isAvailable) throw new CallingFailure('This video has stopped.');
    return stream;
  }
}
