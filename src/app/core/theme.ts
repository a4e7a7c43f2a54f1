import { DOCUMENT, Injectable, effect, inject, signal } from '@angular/core';

export type ThemeChoice = 'light' | 'dark';

const THEME_KEY = 'switchboard.theme';

/** Light or dark (Material 3 follows `color-scheme`); the first run follows the system setting. */
@Injectable({ providedIn: 'root' })
export class Theme {
  private readonly document = inject(DOCUMENT);
  readonly choice = signal<ThemeChoice>(this.initial());

  constructor() {
    effect(() => {
      this.document.documentElement.style.colorScheme = this.choice();
      localStorage.setItem(THEME_KEY, this.choice());
    });
  }

  toggle(): void {
    this.choice.update((choice) => (choice === 'dark' ? 'light' : 'dark'));
  }

  private initial(): ThemeChoice {
    const saved = localStorage.getItem(THEME_KEY);
    if (saved === 'light' || saved === 'dark') return saved;
    return this.document.defaultView?.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  }
}
