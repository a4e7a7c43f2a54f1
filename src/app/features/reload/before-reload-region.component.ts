import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { Store } from '@ngrx/store';
import { BeforeReloadRegionActions } from '../../state/reload/before-the-reload-region.actions';
import { selectBeforeReload } from '../../state/reload/reload-note.feature';

/** After a reload, what became of each call that was live before it, by name, until dismissed. */
@Component({
  selector: 'sb-before-reload-region',
  imports: [MatButton],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (lines().length > 0) {
      <section class="region" role="region" aria-label="Before the reload">
        <ul>
          @for (line of lines(); track line.id) {
            <li>{{ line.text }}</li>
          }
        </ul>
        <button mat-button type="button" (click)="dismiss()">Dismiss</button>
      </section>
    }
  `,
  styles: `
    .region {
      display: flex;
      align-items: center;
      gap: 12px;
      padding: 8px 16px;
      border-radius: 16px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    ul {
      flex: 1;
      margin: 0;
      padding: 0;
      list-style: none;
    }
  `,
})
export class BeforeReloadRegionComponent {
  private readonly store = inject(Store);
  protected readonly lines = this.store.selectSignal(selectBeforeReload);

  protected dismiss(): void {
    this.store.dispatch(BeforeReloadRegionActions.dismissClicked());
  }
}
