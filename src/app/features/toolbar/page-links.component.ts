import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatAnchor } from '@angular/material/button';
import { RouterLink, RouterLinkActive } from '@angular/router';

/** The toolbar's pages: the workspace of the agent's role, their call history, their settings. */
@Component({
  selector: 'sb-page-links',
  imports: [MatAnchor, RouterLink, RouterLinkActive],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nav aria-label="Pages">
      <a
        mat-button
        [routerLink]="role() === 'supervisor' ? '/supervisor' : '/'"
        routerLinkActive="active"
        [routerLinkActiveOptions]="{ exact: true }"
        ariaCurrentWhenActive="page"
        >Calls</a
      >
      <a mat-button routerLink="/history" routerLinkActive="active" ariaCurrentWhenActive="page">History</a>
      <a mat-button routerLink="/settings" routerLinkActive="active" ariaCurrentWhenActive="page">Settings</a>
    </nav>
  `,
  styles: `
    nav {
      display: flex;
      gap: 4px;
    }
    .active {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
  `,
})
export class PageLinksComponent {
  readonly role = input.required<'agent' | 'supervisor'>();
}
