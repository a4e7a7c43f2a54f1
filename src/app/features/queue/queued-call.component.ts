import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { Ticker } from '../../core/ticker';
import type { WaitingCall } from '../../state/floor/floor-session.feature';
import { DurationPipe } from '../../shared/duration.pipe';
import { FailureMessageComponent } from '../../shared/failure-message.component';
import { PartyComponent } from '../../shared/party.component';

/**
 * Each row's height in the queue's virtual scroll, its gap included: the viewport places rows by
 * it, so a row never grows (what does not fit in its notes is clipped).
 */
export const QUEUED_CALL_ROW_PX = 168;

/**
 * One ringing call in the queue: who, which queue, how long they have waited, Accept / Reject. It
 * reads the ticker itself, so the one-second tick re-renders the rows on screen and nothing else.
 */
@Component({
  selector: 'sb-queued-call',
  imports: [MatButton, DurationPipe, FailureMessageComponent, PartyComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <sb-party class="caller" [party]="call().caller" />
    <div class="meta">
      <span class="queue">{{ call().bringingIn ? 'Escalation' : (call().queue ?? 'Direct call') }}</span>
      <span class="waiting"
        >Waiting <span class="time">{{ waited() | duration }}</span></span
      >
    </div>
    <div class="notes">
      @if (call().bringingIn; as bringing) {
        <p class="bringing-in">
          {{ bringing.agent }} is bringing you into a call with {{ bringing.caller
          }}{{ bringing.queue ? ' (' + bringing.queue + ')' : '' }}
        </p>
      }
      @if (call().transferredBy; as by) {
        <p class="transferred-by">Transferred by {{ by }}{{ call().queue ? ' from ' + call().queue : '' }}</p>
      }
      @if (call().status !== 'ringing') {
        <p class="status" role="status">{{ call().status === 'accepting' ? 'Accepting…' : 'Rejecting…' }}</p>
      }
      @if (call().failure; as failure) {
        <sb-failure-message [failure]="failure" />
      }
    </div>
    <div class="actions">
      <button
        mat-flat-button
        type="button"
        [tabIndex]="tabbable() ? 0 : -1"
        [disabled]="busy()"
        (click)="accept.emit()"
      >
        Accept
      </button>
      <button
        mat-stroked-button
        type="button"
        [tabIndex]="tabbable() ? 0 : -1"
        [disabled]="busy()"
        (click)="reject.emit()"
      >
        Reject
      </button>
    </div>
  `,
  styles: `
    :host {
      display: grid;
      grid-template-rows: auto auto minmax(0, 1fr) auto;
      gap: 4px;
      box-sizing: border-box;
      /* QUEUED_CALL_ROW_PX with the margin below. */
      height: 160px;
      margin-bottom: 8px;
      padding: 12px 16px;
      overflow: hidden;
      background: var(--mat-sys-surface-container);
      border-radius: 12px;
    }
    :host(:focus-visible) {
      outline: 3px solid var(--mat-sys-primary);
      outline-offset: -3px;
    }
    .caller {
      font: var(--mat-sys-title-medium);
    }
    .meta {
      display: flex;
      gap: 16px;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-medium);
    }
    .time {
      font-variant-numeric: tabular-nums;
    }
    .notes {
      overflow: hidden;
    }
    .notes p {
      margin: 0;
      font: var(--mat-sys-body-medium);
    }
    .actions {
      display: flex;
      gap: 8px;
    }
  `,
})
export class QueuedCallComponent {
  readonly call = input.required<WaitingCall>();
  /** The row the queue's keyboard focus rests on: only its buttons are in the Tab order. */
  readonly tabbable = input(true);
  readonly accept = output<void>();
  readonly reject = output<void>();

  private readonly ticker = inject(Ticker);
  protected readonly waited = computed(() => this.ticker.now() - this.call().waitingSince);
  protected readonly busy = computed(() => this.call().status !== 'ringing');
}
