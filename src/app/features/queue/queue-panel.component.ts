import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { Store } from '@ngrx/store';
import { Ticker } from '../../core/ticker';
import { QueuePanelActions } from '../../state/queue/queue-panel.actions';
import { queueFeature, selectQueuedCalls } from '../../state/queue/queue.feature';
import { FailureMessageComponent } from '../../shared/failure-message.component';
import { partyName } from '../../shared/party-name';
import { QueuedCallComponent } from './queued-call.component';

/** Every call ringing for this agent, the longest-waiting first. */
@Component({
  selector: 'sb-queue-panel',
  imports: [FailureMessageComponent, QueuedCallComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="queue-heading">
      <h2 id="queue-heading" class="sb-panel-title">
        Queue <span class="count">({{ calls().length }} waiting)</span>
      </h2>
      @if (notice(); as notice) {
        <sb-failure-message class="notice" [failure]="notice" />
      }
      @if (calls().length === 0) {
        <p class="sb-empty">No calls waiting.</p>
      } @else {
        <ul class="sb-cards" aria-label="Calls waiting">
          @for (call of calls(); track call.id) {
            <li [attr.aria-label]="'Call from ' + name(call)">
              <sb-queued-call
                [call]="call"
                [now]="ticker.now()"
                (accept)="accept(call.id)"
                (reject)="reject(call.id)"
              />
            </li>
          }
        </ul>
      }
    </section>
  `,
  styles: `
    .notice {
      margin-bottom: 8px;
    }
  `,
})
export class QueuePanelComponent {
  private readonly store = inject(Store);
  protected readonly ticker = inject(Ticker);
  protected readonly calls = this.store.selectSignal(selectQueuedCalls);
  protected readonly notice = this.store.selectSignal(queueFeature.selectNotice);
  protected readonly name = (call: { caller: Parameters<typeof partyName>[0] }) => partyName(call.caller);

  accept(id: string): void {
    this.store.dispatch(QueuePanelActions.acceptClicked({ id }));
  }

  reject(id: string): void {
    this.store.dispatch(QueuePanelActions.rejectClicked({ id }));
  }
}
