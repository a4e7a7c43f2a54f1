import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { Store } from '@ngrx/store';
import { Ticker } from '../../core/ticker';
import { HeldCallsPanelActions } from '../../state/calls/held-calls-panel.actions';
import { selectHeldCallSummaries, type CallSummary } from '../../state/participants/call-summaries';
import { callStateLabel, callStateTone } from '../../shared/call-state-label';
import { callDetail, callTitle } from '../../shared/call-title';
import { DurationPipe } from '../../shared/duration.pipe';
import { FailureMessageComponent } from '../../shared/failure-message.component';
import { StateChipComponent } from '../../shared/state-chip.component';

/** Calls the agent put on hold, with Resume (which holds the active call first). */
@Component({
  selector: 'sb-held-calls-panel',
  imports: [MatButton, DurationPipe, FailureMessageComponent, StateChipComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="held-heading">
      <h2 id="held-heading" class="sb-panel-title">
        Calls on hold <span class="count">({{ calls().length }})</span>
      </h2>
      @if (calls().length === 0) {
        <p class="sb-empty">No calls on hold.</p>
      } @else {
        <ul class="sb-cards" aria-label="Calls on hold">
          @for (held of calls(); track held.call.id) {
            @let call = held.call;
            <li class="sb-held-call" [attr.aria-label]="label(held)">
              <span class="caller"
                >{{ title(held) }} <span class="detail">{{ detail(held) }}</span></span
              >
              <sb-state-chip [label]="stateLabel(call.state)" [tone]="stateTone(call.state)" />
              <span class="time"
                ><span class="sb-visually-hidden">Time on hold: </span
                >{{ ticker.now() - call.changedAt | duration }}</span
              >
              <button
                mat-flat-button
                type="button"
                [disabled]="call.pending !== null"
                (click)="resume(call.id)"
              >
                Resume
              </button>
              @if (call.failure; as failure) {
                <sb-failure-message class="failure" [failure]="failure" />
              }
            </li>
          }
        </ul>
      }
    </section>
  `,
  styles: `
    li {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      align-items: center;
      padding: 8px 16px;
    }
    .caller {
      font: var(--mat-sys-title-medium);
      margin-right: auto;
    }
    .detail {
      display: block;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-medium);
    }
    .time {
      font-variant-numeric: tabular-nums;
    }
    .failure {
      flex-basis: 100%;
    }
  `,
})
export class HeldCallsPanelComponent {
  private readonly store = inject(Store);
  protected readonly ticker = inject(Ticker);
  protected readonly calls = this.store.selectSignal(selectHeldCallSummaries);
  protected readonly stateLabel = callStateLabel;
  protected readonly stateTone = callStateTone;
  protected readonly title = ({ call, peopleCount }: CallSummary) => callTitle(call, peopleCount);
  protected readonly detail = ({ call, others, peopleCount }: CallSummary) =>
    callDetail(call, others, peopleCount);
  /** "Held call with Dana Smith", "Held group call of 3", "Held Teams meeting". */
  protected readonly label = (held: CallSummary): string => {
    switch (held.call.kind) {
      case 'oneToOne':
        return `Held call with ${this.title(held)}`;
      case 'group':
        return `Held group call of ${held.peopleCount}`;
      case 'meeting':
        return 'Held Teams meeting';
    }
  };

  resume(callId: string): void {
    this.store.dispatch(HeldCallsPanelActions.resumeClicked({ callId }));
  }
}
