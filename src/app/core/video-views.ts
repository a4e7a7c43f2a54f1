import type { ShownVideo, VideoSource } from '../model/video-source';

/**
 * What a screen may ask of video: show a source in an element it owns, and stop when its tile
 * goes. Screens never reach the SDK's live streams; `calling/`'s `VideoRenderer` provides this
 * (`app.config.ts`).
 */
export abstract class VideoViews {
  /** Renders the source into `host`; `onFailure` gets a sentence if it cannot be shown. */
  abstract show(source: VideoSource, host: HTMLElement, onFailure: (message: string) => void): ShownVideo;
}
