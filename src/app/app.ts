import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  Injector,
  type OnInit,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatToolbar } from '@angular/material/toolbar';
import { Router, RouterOutlet } from '@angular/router';
import { Store } from '@ngrx/store';
import { SIGN_IN_PATH } from './core/auth/auth-paths';
import { Theme } from './core/theme';
import { Ticker } from './core/ticker';
import { AppActions } from './state/agent/app.actions';
import { callsFeature } from './state/calls/calls.feature';
import { ShellActions } from './state/agent/shell.actions';
import {
  agentFeature,
  selectBackOnline,
  selectConnectionLabel,
  selectRenewalProblem,
} from './state/agent/agent.feature';
import type { LostCall } from './state/agent/connection-notes';
import { FailureMessageComponent } from './shared/failure-message.component';
import { SoftphoneNoticeComponent } from './features/softphone/softphone-notice.component';
import { StatusMenuComponent } from './features/presence/status-menu.component';
import { showShortcutsHelp } from './features/shortcuts/provide-keyboard-shortcuts';
import { PageLinksComponent } from './features/toolbar/page-links.component';
import { partyName } from './shared/party-name';

/** What became of a call that was live when the connection was lost, named as the panels name it. */
export function whatBecameOf(call: LostCall): string {
  const what =
    call.kind === 'meeting'
      ? 'Your Teams meeting'
      : call.kind === 'group'
        ? 'Your group call'
        : call.counterpart
          ? `Your call with ${partyName(call.counterpart)}`
          : 'Your call';
  return call.ended ? `${what} ended: ${call.ended}` : `${what} is still up.`;
}

/**
 * The shell: who is signed in and in which role, the connection (and what the agent can do about
 * it), the theme, sign-out, a renewal problem the agent must know about; and the page for the moment (the router's: the workspace
 * once the calling agent is ready, the sign-in page).
 */
@Component({
  selector: 'sb-root',
  imports: [
    MatToolbar,
    MatButton,
    FailureMessageComponent,
    RouterOutlet,
    SoftphoneNoticeComponent,
    StatusMenuComponent,
    PageLinksComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(window:beforeunload)': 'beforeUnload($event)' },
  template: `
    <mat-toolbar role="banner">
      <span class="product">Switchboard</span>
      @if (user(); as user) {
        <sb-page-links [role]="user.role" />
      }
      <span class="spacer"></span>
      @if (user(); as user) {
        <span class="user"
          >{{ user.displayName }} · {{ user.role === 'supervisor' ? 'Supervisor' : 'Agent' }}</span
        >
        <span class="chip" [class.offline]="connectionLabel() !== 'Online'" role="status">
          {{ connectionLabel() }}
        </span>
        <!-- Its menu brings the CDK's overlay: loaded after start, so the first download stays small. -->
        @defer (on immediate) {
          <sb-status-menu />
        }
      }
      <button mat-button type="button" (click)="theme.toggle()">
        {{ theme.choice() === 'dark' ? 'Light theme' : 'Dark theme' }}
      </button>
      @if (user()) {
        <button mat-button type="button" (click)="showShortcuts()">Keyboard shortcuts</button>
        <button mat-stroked-button type="button" (click)="signOut()">Sign out</button>
      }
    </mat-toolbar>
    @if (retry(); as retry) {
      <section class="notice problem" role="region" aria-label="Connection">
        <p>
          @if (retrySeconds() > 0) {
            Switchboard is reconnecting by itself: next attempt in {{ retrySeconds() }} s.
          } @else {
            Switchboard is reconnecting by itself: trying now.
          }
        </p>
        @if (retry.failure; as failure) {
          <sb-failure-message [failure]="failure" />
        }
        <button mat-stroked-button type="button" (click)="tryNow()">Try now</button>
      </section>
    }
    @if (backOnline(); as calls) {
      <section class="notice" role="status" aria-label="Back online">
        <p>
          Back online.
          @for (call of calls; track call.id) {
            {{ whatBecameOf(call) }}
          }
        </p>
        <button mat-button type="button" (click)="dismissBackOnline()">Dismiss</button>
      </section>
    }
    @if (renewal(); as renewal) {
      <section class="notice problem" role="alert" aria-label="Calling sign-in">
        <p>
          Your calling sign-in could not be renewed: {{ renewal.failure.message }}
          @if (renewal.needsSignIn) {
            Sign in again to keep taking calls; calls under way stay up.
          } @else {
            Switchboard keeps trying (attempt {{ renewal.attempts }}, next in {{ retryInSeconds() }} s); calls
            may stop if it cannot renew in time.
          }
        </p>
        @if (renewal.needsSignIn) {
          <button mat-flat-button type="button" (click)="signInAgain()">Sign in again</button>
        }
      </section>
    }
    <main>
      @switch (status()) {
        @case ('signingIn') {
          <h1 class="sb-visually-hidden">Switchboard</h1>
          <p class="message" role="status">Signing in…</p>
        }
        @case ('connecting') {
          <h1 class="sb-visually-hidden">Switchboard</h1>
          <!-- Another tab of this agent's may take the calls: the notice says so instead. -->
          <sb-softphone-notice>
            <p class="message" role="status">Connecting to the calling service…</p>
          </sb-softphone-notice>
        }
        @case ('failed') {
          <h1 class="sb-visually-hidden">Switchboard</h1>
          <div class="message">
            @if (failure(); as failure) {
              <sb-failure-message [failure]="failure" />
            }
            @if (signInNeeded()) {
              <button mat-flat-button type="button" (click)="signInAgain()">Sign in again</button>
            } @else {
              <button mat-flat-button type="button" (click)="tryAgain()">Try again</button>
            }
            @if (!user()) {
              <button mat-stroked-button type="button" (click)="signOut()">Sign out</button>
            }
          </div>
        }
        @default {
          <router-outlet />
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
    .notice {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 16px;
      padding: 8px 24px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
      font: var(--mat-sys-body-medium);
    }
    .notice.problem {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    main {
      flex: 1;
    }
    .message {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 12px;
      padding: 24px;
    }
  `,
})
export class App implements OnInit {
  private readonly store = inject(Store);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);
  protected readonly theme = inject(Theme);
  protected readonly user = this.store.selectSignal(agentFeature.selectUser);
  protected readonly status = this.store.selectSignal(agentFeature.selectStatus);
  protected readonly failure = this.store.selectSignal(agentFeature.selectFailure);
  protected readonly connectionLabel = this.store.selectSignal(selectConnectionLabel);
  protected readonly renewal = this.store.selectSignal(selectRenewalProblem);
  protected readonly signInNeeded = this.store.selectSignal(agentFeature.selectSignInNeeded);
  /** The calling agent is being created again; null once it is (or once only the agent can help). */
  private readonly scheduledRetry = this.store.selectSignal(agentFeature.selectRetry);
  protected readonly retry = computed(() => (this.status() === 'failed' ? null : this.scheduledRetry()));
  private readonly ticker = inject(Ticker);
  /** Counts down to the next attempt, on the clock the session stamped it with. */
  protected readonly retrySeconds = computed(() => {
    const retry = this.retry();
    return retry ? Math.max(0, Math.ceil((retry.at + retry.retryInMs - this.ticker.now()) / 1000)) : 0;
  });
  protected readonly backOnline = this.store.selectSignal(selectBackOnline);
  protected readonly whatBecameOf = whatBecameOf;
  /** Calls in the store are live ones (an ended call leaves it). */
  private readonly calls = this.store.selectSignal(callsFeature.selectAllCalls);
  protected readonly retryInSeconds = computed(() => Math.ceil((this.renewal()?.retryInMs ?? 0) / 1000));

  constructor() {
    // Signed in while on the sign-in page (the back button, a bookmark): the workspace is the place.
    effect(() => {
      if (this.user() && this.router.url.startsWith(SIGN_IN_PATH)) void this.router.navigateByUrl('/');
    });
  }

  /**
   * A reload or a closed tab ends the browser's calling endpoint, and with it every call: nothing
   * can attach to them afterwards (in ACS as in the emulator). While a call is live, the browser
   * asks first.
   */
  beforeUnload(event: BeforeUnloadEvent): void {
    if (this.calls().length === 0) return;
    event.preventDefault();
    // Chrome before 119 and Safari ask only when returnValue is set.
    event.returnValue = '';
  }

  ngOnInit(): void {
    this.store.dispatch(AppActions.started());
  }

  signOut(): void {
    this.store.dispatch(ShellActions.signOutClicked());
  }

  showShortcuts(): void {
    void showShortcutsHelp(this.injector);
  }

  tryAgain(): void {
    this.store.dispatch(ShellActions.tryAgainClicked());
  }

  tryNow(): void {
    this.store.dispatch(ShellActions.tryNowClicked());
  }

  dismissBackOnline(): void {
    this.store.dispatch(ShellActions.backOnlineDismissed());
  }

  signInAgain(): void {
    this.store.dispatch(ShellActions.signInAgainClicked());
  }
}
