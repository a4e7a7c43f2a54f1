import { ChangeDetectionStrategy, Component, inject, resource } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { Store } from '@ngrx/store';
import { AuthService } from '../../core/auth/auth.service';
import { FailureMessageComponent } from '../../shared/failure-message.component';
import { SignInPageActions } from '../../state/agent/agent.actions';
import { agentFeature } from '../../state/agent/agent.feature';

/** Pick who to be: an agent or the supervisor. The choice is remembered across reloads. */
@Component({
  selector: 'sb-sign-in-page',
  imports: [FailureMessageComponent, MatButton],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="sign-in-heading">
      <h1 id="sign-in-heading">Sign in</h1>
      <p>Choose the Teams user to work as.</p>
      @if (failure(); as failure) {
        <sb-failure-message [failure]="failure" />
      }
      @if (users.error(); as error) {
        <p class="error" role="alert">{{ error.message }}</p>
        <button mat-stroked-button type="button" (click)="users.reload()">Try again</button>
      } @else if (users.isLoading()) {
        <p role="status">Loading users…</p>
      } @else {
        <ul aria-label="Users">
          @for (user of users.value() ?? []; track user.key) {
            <li>
              <button
                mat-stroked-button
                type="button"
                [disabled]="status() === 'signingIn'"
                (click)="pick(user.key)"
              >
                {{ user.displayName }}
              </button>
              <span class="role">{{ user.role === 'supervisor' ? 'Supervisor' : 'Agent' }}</span>
            </li>
          }
        </ul>
      }
      @if (status() === 'signingIn') {
        <p role="status">Signing in…</p>
      }
    </section>
  `,
  styles: `
    :host {
      display: block;
      max-width: 480px;
      margin: 48px auto;
      padding: 24px;
      border-radius: 16px;
      background: var(--mat-sys-surface-container-low);
    }
    h1 {
      font: var(--mat-sys-headline-medium);
      margin: 0 0 8px;
    }
    ul {
      list-style: none;
      padding: 0;
      display: grid;
      gap: 8px;
    }
    li {
      display: flex;
      align-items: center;
      gap: 12px;
    }
    li button {
      min-width: 200px;
      justify-content: flex-start;
    }
    .role {
      color: var(--mat-sys-on-surface-variant);
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
})
export class SignInPageComponent {
  private readonly store = inject(Store);
  private readonly auth = inject(AuthService);
  protected readonly users = resource({ loader: () => this.auth.users() });
  protected readonly status = this.store.selectSignal(agentFeature.selectStatus);
  protected readonly failure = this.store.selectSignal(agentFeature.selectFailure);

  pick(userKey: string): void {
    this.store.dispatch(SignInPageActions.userPicked({ userKey }));
  }
}
