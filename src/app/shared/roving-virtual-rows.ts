import {
  afterEveryRender,
  afterNextRender,
  effect,
  ElementRef,
  inject,
  Injector,
  linkedSignal,
  PendingTasks,
  signal,
  untracked,
  type Signal,
} from '@angular/core';
import type { CdkVirtualScrollViewport } from '@angular/cdk/scrolling';
import { first } from 'rxjs/operators';

/** Keys that move the focus through the list, and where each takes it from `index` of `count`. */
const MOVES: Record<string, (index: number, count: number) => number> = {
  ArrowDown: (index, count) => Math.min(index + 1, count - 1),
  ArrowUp: (index) => Math.max(index - 1, 0),
  Home: () => 0,
  End: (_, count) => count - 1,
};

/**
 * The keyboard and the page's stability for a list in a CDK virtual scroll (rows of one height):
 * the list is one Tab stop, a roving tabindex on the row the focus last rested on (by id, so it
 * stays on its item as others come and go); the arrow keys, Home and End move it, scrolling a row
 * that is not rendered into view and focusing it once it is. Rows carry `data-index`. The page is
 * not stable (a test's `whenStable`, a harness) until the viewport's first rows are on it.
 * Construct it in the component's injection context.
 */
export class RovingVirtualRows<T> {
  /** The item the list's focus rests on. */
  readonly focused = signal<string | null>(null);
  /** Its row, or the nearest one left when it went. */
  readonly focusIndex = linkedSignal<{ items: readonly T[]; id: string | null }, number>({
    source: () => ({ items: this.items(), id: this.focused() }),
    computation: ({ items, id }, previous) => {
      const index = items.findIndex((item) => this.idOf(item) === id);
      if (index >= 0) return index;
      return Math.max(0, Math.min(previous?.value ?? 0, items.length - 1));
    },
  });
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  /** A row to focus once the viewport has rendered it (a move past the rows on screen). */
  private pendingFocus: number | null = null;
  private measuredFor = 0;

  constructor(
    private readonly items: Signal<readonly T[]>,
    private readonly idOf: (item: T) => string,
    private readonly viewport: Signal<CdkVirtualScrollViewport | undefined>,
    /** What a row is, to find the one at an index: `sb-queued-call`. */
    private readonly rowSelector: string,
  ) {
    this.stableOnceRowsShow();
    afterEveryRender(() => {
      // The viewport measures itself once; its height follows the number of rows.
      const viewport = this.viewport();
      if (viewport && this.measuredFor !== this.items().length) {
        this.measuredFor = this.items().length;
        viewport.checkViewportSize();
      }
      if (this.pendingFocus !== null && this.focusRow(this.pendingFocus)) this.pendingFocus = null;
    });
  }

  /** A key pressed in the list: the arrows, Home and End move the focus. */
  move(event: KeyboardEvent): void {
    const to = MOVES[event.key];
    const items = this.items();
    if (!to || items.length === 0 || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    const index = to(this.focusIndex(), items.length);
    this.focused.set(this.idOf(items[index]));
    if (this.focusRow(index)) return;
    this.pendingFocus = index;
    this.viewport()?.scrollToIndex(index);
  }

  /** Focuses the row at `index` if the viewport has rendered it. */
  private focusRow(index: number): boolean {
    const row = this.host.nativeElement.querySelector<HTMLElement>(
      `${this.rowSelector}[data-index="${index}"]`,
    );
    row?.focus();
    return row !== null;
  }

  /**
   * The viewport measures itself and renders its first rows a few microtasks after it appears: the
   * page is not stable until they are on it.
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
}
