import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { VideoSource } from '../../model/video-source';
import { VideoTileComponent } from './video-tile.component';

/** A video to show, and whose it is. */
export interface VideoTile {
  readonly key: string;
  readonly source: VideoSource;
  readonly label: string;
}

/** The videos of a call: the agent's own preview first, then each participant sending video. */
@Component({
  selector: 'sb-video-gallery',
  imports: [VideoTileComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h3 id="video-heading">Video</h3>
    <div class="tiles" role="group" aria-labelledby="video-heading">
      @for (tile of tiles(); track tile.key) {
        <sb-video-tile [source]="tile.source" [label]="tile.label" />
      }
    </div>
    @if (hidden() > 0) {
      <p class="hidden">
        {{ hidden() === 1 ? '1 more camera is on' : hidden() + ' more cameras are on' }}: the main speakers'
        videos are shown.
      </p>
    }
  `,
  styles: `
    h3 {
      font: var(--mat-sys-title-small);
      margin: 16px 0 8px;
    }
    .hidden {
      margin: 8px 0 0;
      color: var(--mat-sys-on-surface-variant);
    }
    .tiles {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(200px, 1fr));
      gap: 8px;
    }
  `,
})
export class VideoGalleryComponent {
  readonly tiles = input.required<readonly VideoTile[]>();
  /** Participants whose camera is on but whose video is not shown (the gallery shows the first few). */
  readonly hidden = input(0);
}
