import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { Store } from '@ngrx/store';
import { afterCallWorkFeature } from '../../state/after-call-work/after-call-work.feature';
import { AfterCallWorkPanelComponent } from '../after-call-work/after-call-work-panel.component';
import { ActiveCallPanelComponent } from '../active-call/active-call-panel.component';
import { DialerPanelComponent } from '../dialer/dialer-panel.component';
import { HeldCallsPanelComponent } from '../held-calls/held-calls-panel.component';
import { MeetingJoinPanelComponent } from '../meeting-join/meeting-join-panel.component';
import { QueuePanelComponent } from '../queue/queue-panel.component';
import { FloorAgentsPanelComponent } from '../supervisor/floor-agents-panel.component';
import { FloorQueuesPanelComponent } from '../supervisor/floor-queues-panel.component';
import { FloorRequestsPanelComponent } from '../supervisor/floor-requests-panel.component';
import { FloorStatusComponent } from '../supervisor/floor-status.component';
import { BeforeReloadRegionComponent } from '../reload/before-reload-region.component';
import { SoftphoneNoticeComponent } from '../softphone/softphone-notice.component';

/**
 * The working view: the calls ringing beside the active call, calls on hold below it; placing a
 * call and joining a meeting on the side. The agent's (`/`) rings with their queue; the
 * supervisor's (`/supervisor`, the route's `audience`) only with calls made to them, says how a
 * supervisor comes into an agent's call, and has the floor above: requests, queues, agents.
 */
type Audience = 'agent' | 'supervisor';

@Component({
  selector: 'sb-dashboard-page',
  imports: [
    QueuePanelComponent,
    ActiveCallPanelComponent,
    AfterCallWorkPanelComponent,
    HeldCallsPanelComponent,
    DialerPanelComponent,
    MeetingJoinPanelComponent,
    FloorStatusComponent,
    FloorRequestsPanelComponent,
    FloorQueuesPanelComponent,
    FloorAgentsPanelComponent,
    BeforeReloadRegionComponent,
    SoftphoneNoticeComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[class.supervisor]': "audience() === 'supervisor'" },
  template: `
    <h1 class="sb-visually-hidden">{{ audience() === 'supervisor' ? 'Supervisor workspace' : 'Calls' }}</h1>
    <!-- What became of the calls before a reload; and this tab having given its calls to another. -->
    <div class="notes">
      <sb-before-reload-region />
      <sb-softphone-notice />
    </div>
    @if (audience() === 'supervisor') {
      <!-- The floor first: requests, then the queues and the agents, live. -->
      <div class="floor">
        <sb-floor-status class="status" />
        <sb-floor-requests-panel class="panel requests" />
        <sb-floor-queues-panel class="panel queues" />
        <sb-floor-agents-panel class="panel agents" />
      </div>
    }
    <div class="ringing">
      @if (audience() === 'supervisor') {
        <section class="panel joining" aria-labelledby="joining-heading">
          <h2 id="joining-heading" class="sb-panel-title">Joining agents’ calls</h2>
          <p>
            Teams calling gives no silent monitoring, whispering or barging. You join a call openly: the
            agent’s console adds you, and everyone in the call sees you. Once you are in, the call is a group
            call, where you can mute a participant or everyone else.
          </p>
        </section>
      }
      <sb-queue-panel class="panel" [audience]="audience()" />
    </div>
    <!-- After a call, its wrap-up comes first, above what became of the call, until Done or the next call. -->
    <div class="active">
      @if (afterCallWorkShown()) {
        <sb-after-call-work-panel class="panel" />
      }
      <sb-active-call-panel class="panel" />
    </div>
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
      grid-template-areas: 'notes notes notes' 'queue active outbound' 'queue held outbound';
      /* The active call takes the height it needs; a long queue stretches only the row below it. */
      grid-template-rows: auto auto 1fr;
      align-items: start;
    }
    /* Grid items may shrink below their content's width (form fields), so the page never scrolls sideways. */
    /* Empty most of the time: its row then takes no height (only the gap below it). */
    .notes {
      grid-area: notes;
      display: grid;
      gap: 16px;
    }
    :host > *,
    .ringing > *,
    .outbound > * {
      min-width: 0;
    }
    .panel {
      display: block;
      padding: 16px;
      border-radius: 16px;
      background: var(--mat-sys-surface-container-low);
    }
    .ringing {
      grid-area: queue;
      display: grid;
      gap: 16px;
      align-content: start;
    }
    .joining p {
      margin: 0;
    }
    .active {
      grid-area: active;
      display: grid;
      gap: 16px;
      align-content: start;
    }
    :host(.supervisor) {
      grid-template-areas: 'notes notes notes' 'floor floor floor' 'queue active outbound' 'queue held outbound';
      grid-template-rows: auto auto auto 1fr;
    }
    .floor {
      grid-area: floor;
      display: grid;
      gap: 16px;
      grid-template-columns: minmax(280px, 1fr) minmax(0, 3.2fr);
      grid-template-areas: 'status status' 'requests queues' 'requests agents';
      align-items: start;
    }
    .floor > * {
      min-width: 0;
    }
    .floor .status {
      grid-area: status;
    }
    .requests {
      grid-area: requests;
    }
    .queues {
      grid-area: queues;
    }
    .agents {
      grid-area: agents;
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
        grid-template-areas: 'notes notes' 'queue active' 'queue held' 'outbound outbound';
        grid-template-rows: auto auto 1fr auto;
      }
      :host(.supervisor) {
        grid-template-areas: 'notes notes' 'floor floor' 'queue active' 'queue held' 'outbound outbound';
        grid-template-rows: auto auto auto 1fr auto;
      }
      .outbound {
        grid-template-columns: 1fr 1fr;
      }
    }
    @media (max-width: 800px) {
      :host {
        grid-template-columns: 1fr;
        grid-template-areas: 'notes' 'active' 'queue' 'held' 'outbound';
        grid-template-rows: none;
      }
      :host(.supervisor) {
        grid-template-areas: 'notes' 'active' 'floor' 'queue' 'held' 'outbound';
      }
      .floor {
        grid-template-columns: 1fr;
        grid-template-areas: 'status' 'requests' 'queues' 'agents';
      }
      .outbound {
        grid-template-columns: 1fr;
      }
    }
  `,
})
export class DashboardPageComponent {
  /** Whose workspace: the route's data says (`app.workspace.routes.ts`); the agent's when it says nothing. */
  readonly audience = input<Audience, Audience | undefined>('agent', {
    transform: (audience) => audience ?? 'agent',
  });
  protected readonly afterCallWorkShown = inject(Store).selectSignal(afterCallWorkFeature.selectPanelShown);
}
