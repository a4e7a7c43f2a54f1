import { ChangeDetectionStrategy, Component } from '@angular/core';
import { ActiveCallPanelComponent } from '../active-call/active-call-panel.component';
import { HeldCallsPanelComponent } from '../held-calls/held-calls-panel.component';
import { QueuePanelComponent } from '../queue/queue-panel.component';

/** The agent's working view: the queue beside the active call, calls on hold below it. */
@Component({
  selector: 'sb-dashboard-page',
  imports: [QueuePanelComponent, ActiveCallPanelComponent, HeldCallsPanelComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <sb-queue-panel class="panel queue" />
    <sb-active-call-panel class="panel active" />
    <sb-held-calls-panel class="panel held" />
  `,
  styles: `
    :host {
      display: grid;
      gap: 16px;
      padding: 16px;
      grid-template-columns: minmax(300px, 1fr) 2fr;
      grid-template-areas: 'queue active' 'queue held';
      /* The active call takes the height it needs; a long queue stretches only the row below it. */
      grid-template-rows: auto 1fr;
      align-items: start;
    }
    .panel {
      display: block;
      padding: 16px;
      border-radius: 16px;
      background: var(--mat-sys-surface-container-low);
    }
    .queue {
      grid-area: queue;
    }
    .active {
      grid-area: active;
    }
    .held {
      grid-area: held;
    }
    @media (max-width: 800px) {
      :host {
        grid-template-columns: 1fr;
        grid-template-areas: 'active' 'queue' 'held';
        grid-template-rows: none;
      }
    }
  `,
})
export class DashboardPageComponent {}
