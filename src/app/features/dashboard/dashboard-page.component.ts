import { ChangeDetectionStrategy, Component } from '@angular/core';
import { ActiveCallPanelComponent } from '../active-call/active-call-panel.component';
import { DialerPanelComponent } from '../dialer/dialer-panel.component';
import { HeldCallsPanelComponent } from '../held-calls/held-calls-panel.component';
import { MeetingJoinPanelComponent } from '../meeting-join/meeting-join-panel.component';
import { QueuePanelComponent } from '../queue/queue-panel.component';

/**
 * The agent's working view: the queue beside the active call, calls on hold below it; placing a
 * call and joining a meeting on the side.
 */
@Component({
  selector: 'sb-dashboard-page',
  imports: [
    QueuePanelComponent,
    ActiveCallPanelComponent,
    HeldCallsPanelComponent,
    DialerPanelComponent,
    MeetingJoinPanelComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <sb-queue-panel class="panel queue" />
    <sb-active-call-panel class="panel active" />
    <sb-held-calls-panel class="panel held" />
    <div class="outbound">
      <!-- Placing calls and joining meetings load after the queue is up (numbering plans, forms). -->
      @defer (on idle) {
        <sb-dialer-panel class="panel" />
        <sb-meeting-join-panel class="panel" />
      } @placeholder {
        <p class="panel sb-empty">Loading the dialer…</p>
      }
    </div>
  `,
  styles: `
    :host {
      display: grid;
      gap: 16px;
      padding: 16px;
      grid-template-columns: minmax(280px, 1fr) minmax(0, 2fr) minmax(360px, 1.2fr);
      grid-template-areas: 'queue active outbound' 'queue held outbound';
      /* The active call takes the height it needs; a long queue stretches only the row below it. */
      grid-template-rows: auto 1fr;
      align-items: start;
    }
    /* Grid items may shrink below their content's width (form fields), so the page never scrolls sideways. */
    :host > *,
    .outbound > * {
      min-width: 0;
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
    .outbound {
      grid-area: outbound;
      display: grid;
      gap: 16px;
      align-content: start;
    }
    @media (max-width: 1200px) {
      :host {
        grid-template-columns: minmax(300px, 1fr) 2fr;
        grid-template-areas: 'queue active' 'queue held' 'outbound outbound';
        grid-template-rows: auto 1fr auto;
      }
      .outbound {
        grid-template-columns: 1fr 1fr;
      }
    }
    @media (max-width: 800px) {
      :host {
        grid-template-columns: 1fr;
        grid-template-areas: 'active' 'queue' 'held' 'outbound';
        grid-template-rows: none;
      }
      .outbound {
        grid-template-columns: 1fr;
      }
    }
  `,
})
export class DashboardPageComponent {}
