import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  ElementRef,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { VideoViews } from '../../core/video-views';
import { sameVideoSource, type VideoSource } from '../../model/video-source';

/**
 * One video: the agent's camera or a participant's, with the name under it. The view is created
 * when the tile appears and disposed when it goes (or shows another source).
 */
@Component({
  selector: 'sb-video-tile',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { role: 'figure', '[attr.aria-label]': 'label()' },
  template: `
    <div #view class="view"></div>
    @if (failure(); as failure) {
      <p class="failure">{{ failure }}</p>
    }
    <span class="label">{{ label() }}</span>
  `,
  styles: `
    :host {
      position: relative;
      display: block;
      aspect-ratio: 16 / 9;
      border-radius: 12px;
      overflow: hidden;
      background: var(--mat-sys-inverse-surface);
      color: var(--mat-sys-inverse-on-surface);
    }
    .view,
    .view ::ng-deep video {
      width: 100%;
      height: 100%;
      object-fit: cover;
    }
    .failure {
      position: absolute;
      inset: 0;
      display: grid;
      place-items: center;
      margin: 0;
      padding: 8px;
      text-align: center;
    }
    .label {
      position: absolute;
      left: 8px;
      bottom: 8px;
      padding: 2px 8px;
      border-radius: 8px;
      background: color-mix(in srgb, var(--mat-sys-inverse-surface) 70%, transparent);
      font: var(--mat-sys-label-large);
    }
  `,
})
export class VideoTileComponent {
  readonly source = input.required<VideoSource>();
  /** Whose video: "Your camera", "Drew Lee". */
  readonly label = input.required<string>();

  protected readonly failure = signal<string | null>(null);
  private readonly view = viewChild.required<ElementRef<HTMLElement>>('view');
  private readonly renderer = inject(VideoViews);
  // A new but equal source (the store's snapshots are rebuilt often) keeps the view it has.
  private readonly shown = computed(() => this.source(), { equal: sameVideoSource });

  constructor() {
    effect((onCleanup) => {
      this.failure.set(null);
      const shown = this.renderer.show(this.shown(), this.view().nativeElement, (message) =>
        this.failure.set(message),
      );
      onCleanup(() => shown.stop());
    });
  }
}
