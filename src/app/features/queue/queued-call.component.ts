import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import type { WaitingCall } from '../../state/floor/floor-session.feature';
import { DurationPipe } from '../../shared/duration.pipe';
import { FailureMessageComponent } from '../../shared/failure-message.component';
import { PartyComponent } from '../../shared/party.component';

/** One ringing call in the queue: who, which queue, how long they have waited, Accept / Reject. */
@Component({
  selector: 'sb-queued-call',
  imports: [MatButton, DurationPipe, FailureMessageComponent, PartyComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <sb-party class="caller" [party]="call().caller" />
    @if (call().bringingIn; as bringing) {
      <p class="bringing-in">
        {{ bringing.agent }} is bringing you into a call with {{ bringing.caller
        }}{{ bringing.queue ? ' (' + bringing.queue + ')' : '' }}
      </p>
    }
    @if (call().transferredBy; as by) {
      <p class="transferred-by">Transferred by {{ by }}{{ call().queue ? ' from ' + call().queue : '' }}</p>
    }
    <div class="meta">
      <span class="queue">{{ call().bringingIn ? 'Escalation' : (call().queue ?? 'Direct call') }}</span>
      <span class="waiting"
        >Waiting <span class="time">{{ now() - call().waitingSince | duration }}</span></span
      >
    </div>
    @if (call().status !== 'ringing') {
      <p class="status" role="status">{{ call().status === 'accepting' ? 'Accepting…' : 'Rejecting…' }}</p>
    }
    @if (call().failure; as failure) {
      <sb-failure-message [failure]="failure" />
    }
    <div class="actions">
      <button mat-flat-button type="button" [disabled]="busy()" (click)="accept.emit()">Accept</button>
      <button mat-stroked-button type="button" [disabled]="busy()" (click)="reject.emit()">Reject</button>
    </div>
  `,
  styles: `
    :host {
      display: grid;
      gap: 4px;
      padding: 12px 16px;
    }
    .caller {
      font: var(--mat-sys-title-medium);
    }
    .meta {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-medium);
    }
    .meta {
      display: flex;
      gap: 16px;
    }
    .time {
      font-variant-numeric: tabular-nums;
    }
    .bringing-in,
    .transferred-by {
      margin: 0;
      font: var(--mat-sys-body-medium);
    }
    .actions {
      display: flex;
      gap: 8px;
      margin-top: 4px;
    }
    .status {
      margin: 0;
      font: var(--mat-sys-body-medium);
    }
  `,
})
export class QueuedCallComponent {
  readonly call = input.required<WaitingCall>();
  /** The current time, from the page's ticker. */
  readonly now = input.required<number>();
  readonly accept = output<void>();
  readonly reject = output<void>();

  protected readonly busy = computed(() => this.call().status !== 'ringing');
}
