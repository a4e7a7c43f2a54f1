import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { Store } from '@ngrx/store';
import { Ticker } from '../../core/ticker';
import { HeldCallsPanelActions } from '../../state/calls/call-panels.actions';
import { callsFeature, type CallEntry } from '../../state/calls/calls.feature';
import { DurationPipe } from '../../shared/duration.pipe';
import { FailureMessageComponent } from '../../shared/failure-message.component';
import { partyName } from '../../shared/party-name';

/** Calls the agent put on hold, with Resume (which holds the active call first). */
@Component({
  selector: 'sb-held-calls-panel',
  imports: [MatButton, DurationPipe, FailureMessageComponent],
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
          @for (call of calls(); track call.id) {
            <li class="sb-held-call" [attr.aria-label]="'Held call with ' + name(call)">
              <span class="caller">{{ name(call) }}</span>
              <span class="sb-chip">On hold</span>
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
  protected readonly calls = this.store.selectSignal(callsFeature.selectHeldCalls);
  protected readonly name = (call: CallEntry) => partyName(call.caller);

  resume(callId: string): void {
    this.store.dispatch(HeldCallsPanelActions.resumeClicked({ callId }));
  }
}
