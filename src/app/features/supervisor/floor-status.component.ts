import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { Store } from '@ngrx/store';
import { Ticker } from '../../core/ticker';
import { floorStatusText } from '../../state/floor/floor-session.feature';
import { selectFloorStatus } from '../../state/floor/supervisor-floor.view-model';

/** Whether the floor is live: "Floor: connected", "Floor: reconnecting in 4 s (…)", or why not. */
@Component({
  selector: 'sb-floor-status',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { role: 'status', '[attr.data-state]': 'status().state', 'data-testid': 'floor-status' },
  template: `{{ text() }}`,
  styles: `
    :host {
      display: block;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    :host([data-state='closed']) {
      color: var(--mat-sys-error);
    }
  `,
})
export class FloorStatusComponent {
  private readonly ticker = inject(Ticker);
  protected readonly status = inject(Store).selectSignal(selectFloorStatus);
  protected readonly text = computed(() => floorStatusText(this.status(), this.ticker.now()));
}
