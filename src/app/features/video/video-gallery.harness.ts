import { ComponentHarness } from '@angular/cdk/testing';

/** One video tile: whose video, and what it shows. */
export class VideoTileHarness extends ComponentHarness {
  static hostSelector = 'sb-video-tile';

  private readonly video = this.locatorForOptional('video');
  private readonly failure = this.locatorForOptional('.failure');

  async getLabel(): Promise<string> {
    return (await (await this.host()).getAttribute('aria-label')) ?? '';
  }

  /** Whether the tile shows a playing video element. */
  async hasVideo(): Promise<boolean> {
    return (await this.video()) !== null;
  }

  /** Why the video cannot be shown, or null. */
  async getFailure(): Promise<string | null> {
    const failure = await this.failure();
    return failure ? failure.text() : null;
  }
}

/** The videos of the active call. */
export class VideoGalleryHarness extends ComponentHarness {
  static hostSelector = 'sb-video-gallery';

  private readonly tiles = this.locatorForAll(VideoTileHarness);

  async getTiles(): Promise<VideoTileHarness[]> {
    return this.tiles();
  }

  /** "Your camera", "Drew Lee". */
  async getLabels(): Promise<string[]> {
    return Promise.all((await this.tiles()).map((tile) => tile.getLabel()));
  }
}
