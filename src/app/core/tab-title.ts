import { Injectable, inject } from '@angular/core';
import { Title } from '@angular/platform-browser';

/** The tab's title for a while ("Ringing: Robin Park · Switchboard"), then back to what it was. */
@Injectable({ providedIn: 'root' })
export class TabTitle {
  private readonly title = inject(Title);
  private saved: string | null = null;

  show(text: string): void {
    this.saved ??= this.title.getTitle();
    this.title.setTitle(text);
  }

  restore(): void {
    if (this.saved === null) return;
    this.title.setTitle(this.saved);
    this.saved = null;
  }
}
