import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { Store } from '@ngrx/store';
import { Ticker } from '../../core/ticker';
import { QueuePanelActions } from '../../state/queue/queue-panel.actions';
import { selectWaitingCalls } from '../../state/floor/floor-session.feature';
import { queueFeature } from '../../state/queue/queue.feature';
import { FailureMessageComponent } from '../../shared/failure-message.component';
import { partyName } from '../../shared/party-name';
import { QueuedCallComponent } from './queued-call.component';

/**
 * Every call ringing for this console, the longest-waiting first. An agent's is their queue; a
 * supervisor is never rung by a queue, only called (an agent asking for them, a colleague), so
 * theirs says so.
 */
const PANEL_WORDS = {
  agent: { heading: 'Queue', counted: 'waiting', empty: 'No calls waiting.', list: 'Calls waiting' },
  supervisor: {
    heading: 'Calls for you',
    counted: 'ringing',
    empty: 'Nobody is calling you.',
    list: 'Calls ringing for you',
  },
} as const;

@Component({
  selector: 'sb-queue-panel',
  imports: [FailureMessageComponent, QueuedCallComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="queue-heading">
      <h2 id="queue-heading" class="sb-panel-title" tabindex="-1">
        {{ words().heading }} <span class="count">({{ calls().length }} {{ words().counted }})</span>
      </h2>
      @if (notice(); as notice) {
        <sb-failure-message class="notice" [failure]="notice" />
      }
      @if (calls().length === 0) {
        <p class="sb-empty">{{ words().empty }}</p>
      } @else {
        <ul class="sb-cards" [attr.aria-label]="words().list">
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
  /** Whose console this is: an agent works a queue; a supervisor only takes calls made to them. */
  readonly audience = input<'agent' | 'supervisor'>('agent');
  private readonly store = inject(Store);
  protected readonly ticker = inject(Ticker);
  protected readonly words = computed(() => PANEL_WORDS[this.audience()]);
  /** Each waits since the floor first saw it ring anywhere (the same wait on every console). */
  protected readonly calls = this.store.selectSignal(selectWaitingCalls);
  protected readonly notice = this.store.selectSignal(queueFeature.selectNotice);
  protected readonly name = (call: { caller: Parameters<typeof partyName>[0] }) => partyName(call.caller);

  accept(id: string): void {
    this.store.dispatch(QueuePanelActions.acceptClicked({ id }));
  }

  reject(id: string): void {
    this.store.dispatch(QueuePanelActions.rejectClicked({ id }));
  }
}
