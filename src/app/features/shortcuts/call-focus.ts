import { afterNextRender, DestroyRef, DOCUMENT, inject, Injectable, Injector } from '@angular/core';
import { Actions, ofType } from '@ngrx/effects';
import { filter } from 'rxjs/operators';
import { CallingApiActions } from '../../state/calling-api.actions';

/**
 * Where focus goes after the agent's two busiest actions, so it never falls to the page body when
 * the button they used disappears: after Accept, the active call's heading (its controls follow
 * it); after Hang up, the next ringing call's Accept, else the queue's heading. The headings take
 * focus (`tabindex="-1"`) without joining the tab order.
 */
@Injectable({ providedIn: 'root' })
export class CallFocus {
  private readonly actions$ = inject(Actions);
  private readonly injector = inject(Injector);
  private readonly document = inject(DOCUMENT);
  private readonly destroyRef = inject(DestroyRef);
  private started = false;

  start(): void {
    if (this.started) return;
    this.started = true;
    const accepted = this.actions$
      .pipe(ofType(CallingApiActions.acceptSucceeded))
      .subscribe(() => this.afterRender(() => this.focus('#active-call-heading')));
    const hungUp = this.actions$
      .pipe(
        ofType(CallingApiActions.callOperationSucceeded),
        filter(({ operation }) => operation === 'hangUp'),
      )
      .subscribe(() => this.afterRender(() => this.focusNextRinging()));
    this.destroyRef.onDestroy(() => {
      accepted.unsubscribe();
      hungUp.unsubscribe();
    });
  }

  private afterRender(focus: () => void): void {
    afterNextRender({ read: focus }, { injector: this.injector });
  }

  private focusNextRinging(): void {
    const queue = this.document.querySelector('[aria-labelledby="queue-heading"]');
    const accept = [...(queue?.querySelectorAll('button') ?? [])].find(
      (button) => button.textContent?.trim() === 'Accept' && !button.disabled,
    );
    if (accept) accept.focus();
    else this.focus('#queue-heading');
  }

  private focus(selector: string): void {
    this.document.querySelector<HTMLElement>(selector)?.focus();
  }
}
