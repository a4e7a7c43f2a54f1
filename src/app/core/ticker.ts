import { Injectable, signal, type OnDestroy } from '@angular/core';

/**
 * The wall clock as a signal, ticking once a second: waiting times and call durations read it,
 * and only the views that show a time re-render.
 */
@Injectable({ providedIn: 'root' })
export class Ticker implements OnDestroy {
  readonly now = signal(Date.now());
  private readonly interval = setInterval(() => this.now.set(Date.now()), 1000);

  ngOnDestroy(): void {
    clearInterval(this.interval);
  }
}
