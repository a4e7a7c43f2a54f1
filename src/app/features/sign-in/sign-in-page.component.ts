import { ChangeDetectionStrategy, Component, inject, type OnInit } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { ActivatedRoute, Router } from '@angular/router';
import { Store } from '@ngrx/store';
import { Ringtone } from '../../core/ringtone';
import { FailureMessageComponent } from '../../shared/failure-message.component';
import { SignInPageActions } from '../../state/agent/sign-in-page.actions';
import { agentFeature } from '../../state/agent/agent.feature';

/**
 * Where sign-out and a failed sign-in land. Signing in happens on Microsoft's page (in emulator
 * mode, the emulator's account picker, which lists its agents and its supervisor); a first visit
 * goes there straight away.
 */
@Component({
  selector: 'sb-sign-in-page',
  imports: [FailureMessageComponent, MatButton],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="sign-in-heading">
      <h1 id="sign-in-heading" class="sb-page-title">Sign in</h1>
      <p>
        Switchboard signs you in with your Microsoft work account, the one you use in Teams. Whether you work
        as an agent or as the supervisor comes with the account.
      </p>
      @if (failure(); as failure) {
        <sb-failure-message [failure]="failure" />
      }
      <button mat-flat-button type="button" (click)="signIn()">Sign in with Microsoft</button>
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
    p {
      font: var(--mat-sys-body-large);
    }
    sb-failure-message {
      margin: 0 0 16px;
    }
  `,
})
export class SignInPageComponent implements OnInit {
  private readonly store = inject(Store);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  protected readonly failure = this.store.selectSignal(agentFeature.selectFailure);

  private readonly ringtone = inject(Ringtone);

  /**
   * Entra's sign-out comes back here with its `?state=` (the logout request's): it means nothing
   * to the agent, so the address bar drops it (replaced, not a new history entry).
   */
  ngOnInit(): void {
    if (!this.route.snapshot.queryParamMap.has('state')) return;
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { state: null },
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }

  signIn(): void {
    // A click lets the page's audio run (autoplay policy): the first call's ringtone will sound.
    this.ringtone.unlock();
    this.store.dispatch(SignInPageActions.signInClicked());
  }
}
