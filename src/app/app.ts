import { ChangeDetectionStrategy, Component, inject, type OnInit } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatToolbar } from '@angular/material/toolbar';
import { Store } from '@ngrx/store';
import { Theme } from './core/theme';
import { AppActions, ShellActions } from './state/agent/agent.actions';
import { agentFeature, selectConnectionLabel } from './state/agent/agent.feature';
import { DashboardPageComponent } from './features/dashboard/dashboard-page.component';
import { SignInPageComponent } from './features/sign-in/sign-in-page.component';
import { FailureMessageComponent } from './shared/failure-message.component';

/** The shell: who is signed in, the connection, the theme, sign-out; and the page for the moment. */
@Component({
  selector: 'sb-root',
  imports: [MatToolbar, MatButton, DashboardPageComponent, FailureMessageComponent, SignInPageComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-toolbar role="banner">
      <span class="product">Switchboard</span>
      <span class="spacer"></span>
      @if (user(); as user) {
        <span class="user"
          >{{ user.displayName }} · {{ user.role === 'supervisor' ? 'Supervisor' : 'Agent' }}</span
        >
        <span class="chip" [class.offline]="connectionLabel() !== 'Online'" role="status">
          {{ connectionLabel() }}
        </span>
      }
      <button mat-button type="button" (click)="theme.toggle()">
        {{ theme.choice() === 'dark' ? 'Light theme' : 'Dark theme' }}
      </button>
      @if (user()) {
        <button mat-stroked-button type="button" (click)="signOut()">Sign out</button>
      }
    </mat-toolbar>
    <main>
      @switch (status()) {
        @case ('ready') {
          <sb-dashboard-page />
        }
        @case ('connecting') {
          <p class="message" role="status">Connecting to the calling service…</p>
        }
        @case ('failed') {
          @if (user(); as user) {
            <div class="message">
              @if (failure(); as failure) {
                <sb-failure-message [failure]="failure" />
              }
              <button mat-flat-button type="button" (click)="retry(user.key)">Try again</button>
            </div>
          } @else {
            <sb-sign-in-page />
          }
        }
        @default {
          <sb-sign-in-page />
        }
      }
    </main>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      min-height: 100vh;
    }
    mat-toolbar {
      gap: 12px;
    }
    .product {
      font: var(--mat-sys-title-large);
    }
    .spacer {
      flex: 1;
    }
    .user {
      font: var(--mat-sys-body-large);
    }
    .chip {
      font: var(--mat-sys-label-large);
      padding: 2px 10px;
      border-radius: 8px;
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    .chip.offline {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    main {
      flex: 1;
    }
    .message {
      padding: 24px;
    }
  `,
})
export class App implements OnInit {
  private readonly store = inject(Store);
  protected readonly theme = inject(Theme);
  protected readonly user = this.store.selectSignal(agentFeature.selectUser);
  protected readonly status = this.store.selectSignal(agentFeature.selectStatus);
  protected readonly connection = this.store.selectSignal(agentFeature.selectConnectionState);
  protected readonly failure = this.store.selectSignal(agentFeature.selectFailure);
  protected readonly connectionLabel = this.store.selectSignal(selectConnectionLabel);

  ngOnInit(): void {
    this.store.dispatch(AppActions.started());
  }

  signOut(): void {
    this.store.dispatch(ShellActions.signOutClicked());
  }

  retry(userKey: string): void {
    this.store.dispatch(ShellActions.tryAgainClicked({ userKey }));
  }
}
