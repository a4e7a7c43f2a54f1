import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  linkedSignal,
  viewChild,
} from '@angular/core';
import { CdkFixedSizeVirtualScroll, CdkVirtualForOf, CdkVirtualScrollViewport } from '@angular/cdk/scrolling';
import { MatButton } from '@angular/material/button';
import { Store } from '@ngrx/store';
import { Ringtone } from '../../core/ringtone';
import { QueuePanelActions } from '../../state/queue/queue-panel.actions';
import { selectWaitingCalls, type WaitingCall } from '../../state/floor/floor-session.feature';
import { queueFeature } from '../../state/queue/queue.feature';
import { FailureMessageComponent } from '../../shared/failure-message.component';
import { partyName } from '../../shared/party-name';
import { RovingVirtualRows } from '../../shared/roving-virtual-rows';
import { QUEUED_CALL_ROW_PX, QueuedCallComponent } from './queued-call.component';
import { announceNewCalls } from './ringing-announcement';

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

/**
 * The queue. It stays light at 200 waiting calls: only the rows on screen exist (CDK virtual
 * scroll, rows of one height), each row ticks its own waiting time, and the list is one Tab stop
 * whose rows the arrow keys, Home and End move through (a roving tabindex that survives scrolling).
 */
@Component({
  selector: 'sb-queue-panel',
  imports: [
    FailureMessageComponent,
    QueuedCallComponent,
    MatButton,
    CdkVirtualScrollViewport,
    CdkFixedSizeVirtualScroll,
    CdkVirtualForOf,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="queue-heading">
      <h2 id="queue-heading" class="sb-panel-title" tabindex="-1">
        {{ words().heading }} <span class="count">({{ calls().length }} {{ words().counted }})</span>
      </h2>
      <div class="sb-visually-hidden" aria-live="polite">{{ announcement() }}</div>
      @if (soundBlocked()) {
        <div class="sound-off" role="status">
          <p>Sound is off: your browser blocks it until you use the page.</p>
          <button mat-stroked-button type="button" (click)="turnOnSound()">Turn on sound</button>
        </div>
      }
      @if (notice(); as notice) {
        <sb-failure-message class="notice" [failure]="notice" />
      }
      @if (calls().length === 0) {
        <p class="sb-empty">{{ words().empty }}</p>
      } @else {
        <cdk-virtual-scroll-viewport
          class="viewport"
          [itemSize]="rowPx"
          [style.height]="viewportHeight()"
          (keydown)="rows.move($event)"
        >
          <div role="list" [attr.aria-label]="words().list">
            <sb-queued-call
              *cdkVirtualFor="let call of calls(); let i = index; trackBy: byId"
              role="listitem"
              [attr.aria-label]="'Call from ' + name(call)"
              [attr.aria-posinset]="i + 1"
              [attr.aria-setsize]="calls().length"
              [attr.data-index]="i"
              [attr.tabindex]="i === rows.focusIndex() ? 0 : -1"
              [tabbable]="i === rows.focusIndex()"
              [call]="call"
              (focusin)="rows.focused.set(call.id)"
              (accept)="accept(call.id)"
              (reject)="reject(call.id)"
            />
          </div>
        </cdk-virtual-scroll-viewport>
      }
    </section>
  `,
  styles: `
    .notice {
      margin-bottom: 8px;
    }
    .sound-off {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      margin-bottom: 8px;
      padding: 8px 12px;
      border-radius: 12px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .sound-off p {
      margin: 0;
      font: var(--mat-sys-body-medium);
    }
  `,
})
export class QueuePanelComponent {
  /** Whose console this is: an agent works a queue; a supervisor only takes calls made to them. */
  readonly audience = input<'agent' | 'supervisor'>('agent');
  private readonly store = inject(Store);
  private readonly ringtone = inject(Ringtone);
  private readonly viewport = viewChild(CdkVirtualScrollViewport);
  protected readonly rowPx = QUEUED_CALL_ROW_PX;
  protected readonly words = computed(() => PANEL_WORDS[this.audience()]);
  /** Each waits since the floor first saw it ring anywhere (the same wait on every console). */
  protected readonly calls = this.store.selectSignal(selectWaitingCalls);
  protected readonly notice = this.store.selectSignal(queueFeature.selectNotice);
  protected readonly soundBlocked = this.ringtone.blocked;
  protected readonly name = (call: WaitingCall) => partyName(call.caller);
  protected readonly byId = (_: number, call: WaitingCall) => call.id;
  /** As tall as its rows, up to most of the screen; the rest scrolls. */
  protected readonly viewportHeight = computed(() => `min(${this.calls().length * this.rowPx}px, 70vh)`);

  /** The keyboard's way through the rows, on screen or not. */
  protected readonly rows = new RovingVirtualRows(
    this.calls,
    (call) => call.id,
    this.viewport,
    'sb-queued-call',
  );
  protected readonly announcement = linkedSignal<WaitingCall[], string>({
    source: this.calls,
    computation: (calls, previous) =>
      announceNewCalls(previous?.source ?? [], calls) ?? previous?.value ?? '',
  });

  accept(id: string): void {
    this.store.dispatch(QueuePanelActions.acceptClicked({ id }));
  }

  reject(id: string): void {
    this.store.dispatch(QueuePanelActions.rejectClicked({ id }));
  }

  turnOnSound(): void {
    this.ringtone.unlock();
  }
}
