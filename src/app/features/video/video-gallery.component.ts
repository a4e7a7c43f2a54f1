import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { VideoSource } from '../../calling/video-renderer';
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
  `,
  styles: `
    h3 {
      font: var(--mat-sys-title-small);
      margin: 16px 0 8px;
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
}
