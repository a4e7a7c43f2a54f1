import {
  afterEveryRender,
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  ElementRef,
  inject,
  Injector,
  input,
  linkedSignal,
  PendingTasks,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { CdkFixedSizeVirtualScroll, CdkVirtualForOf, CdkVirtualScrollViewport } from '@angular/cdk/scrolling';
import { MatButton } from '@angular/material/button';
import { Store } from '@ngrx/store';
import { first } from 'rxjs/operators';
import { Ringtone } from '../../core/ringtone';
import { QueuePanelActions } from '../../state/queue/queue-panel.actions';
import { selectWaitingCalls, type WaitingCall } from '../../state/floor/floor-session.feature';
import { queueFeature } from '../../state/queue/queue.feature';
import { FailureMessageComponent } from '../../shared/failure-message.component';
import { partyName } from '../../shared/party-name';
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

/** Keys that move the focus through the list, and where each takes it from `index` of `count`. */
const MOVES: Record<string, (index: number, count: number) => number> = {
  ArrowDown: (index, count) => Math.min(index + 1, count - 1),
  ArrowUp: (index) => Math.max(index - 1, 0),
  Home: () => 0,
  End: (_, count) => count - 1,
};

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
          (keydown)="move($event)"
        >
          <div role="list" [attr.aria-label]="words().list">
            <sb-queued-call
              *cdkVirtualFor="let call of calls(); let i = index; trackBy: byId"
              role="listitem"
              [attr.aria-label]="'Call from ' + name(call)"
              [attr.aria-posinset]="i + 1"
              [attr.aria-setsize]="calls().length"
              [attr.data-index]="i"
              [attr.tabindex]="i === focusIndex() ? 0 : -1"
              [tabbable]="i === focusIndex()"
              [call]="call"
              (focusin)="focused.set(call.id)"
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
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
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

  /** The call the list's focus rests on (by id, so it stays put as calls come and go). */
  protected readonly focused = signal<string | null>(null);
  /** Its row, or the nearest one left when it stopped ringing. */
  protected readonly focusIndex = linkedSignal<{ calls: WaitingCall[]; id: string | null }, number>({
    source: () => ({ calls: this.calls(), id: this.focused() }),
    computation: ({ calls, id }, previous) => {
      const index = calls.findIndex((call) => call.id === id);
      if (index >= 0) return index;
      return Math.max(0, Math.min(previous?.value ?? 0, calls.length - 1));
    },
  });
  protected readonly announcement = linkedSignal<WaitingCall[], string>({
    source: this.calls,
    computation: (calls, previous) =>
      announceNewCalls(previous?.source ?? [], calls) ?? previous?.value ?? '',
  });
  /** A row to focus once the viewport has rendered it (a move past the rows on screen). */
  private pendingFocus: number | null = null;
  private measuredFor = 0;

  constructor() {
    this.stableOnceRowsShow();
    afterEveryRender(() => {
      // The viewport measures itself once; its height follows the number of calls.
      const viewport = this.viewport();
      if (viewport && this.measuredFor !== this.calls().length) {
        this.measuredFor = this.calls().length;
        viewport.checkViewportSize();
      }
      if (this.pendingFocus !== null && this.focusRow(this.pendingFocus)) this.pendingFocus = null;
    });
  }

  /**
   * The viewport measures itself and renders its first rows a few microtasks after it appears: the
   * page is not stable (a test's `whenStable`, a harness) until they are on it.
   */
  private stableOnceRowsShow(): void {
    const tasks = inject(PendingTasks);
    const injector = inject(Injector);
    effect((onCleanup) => {
      const viewport = this.viewport();
      if (!viewport) return;
      untracked(() => {
        const done = tasks.add();
        const rendered = viewport.renderedRangeStream
          .pipe(first((range) => range.end > range.start))
          .subscribe(() => afterNextRender(done, { injector }));
        onCleanup(() => {
          rendered.unsubscribe();
          done();
        });
      });
    });
  }

  accept(id: string): void {
    this.store.dispatch(QueuePanelActions.acceptClicked({ id }));
  }

  reject(id: string): void {
    this.store.dispatch(QueuePanelActions.rejectClicked({ id }));
  }

  turnOnSound(): void {
    this.ringtone.unlock();
  }

  protected move(event: KeyboardEvent): void {
    const to = MOVES[event.key];
    const calls = this.calls();
    if (!to || calls.length === 0 || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    const index = to(this.focusIndex(), calls.length);
    this.focused.set(calls[index].id);
    if (this.focusRow(index)) return;
    this.pendingFocus = index;
    this.viewport()?.scrollToIndex(index);
  }

  /** Focuses the row at `index` if the viewport has rendered it. */
  private focusRow(index: number): boolean {
    const row = this.host.nativeElement.querySelector<HTMLElement>(`sb-queued-call[data-index="${index}"]`);
    row?.focus();
    return row !== null;
  }
}
