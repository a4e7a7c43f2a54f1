import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatMenu, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { Store } from '@ngrx/store';
import { Ticker } from '../../core/ticker';
import type { ChosenPresence } from '../../model/agent-presence';
import { DurationPipe } from '../../shared/duration.pipe';
import { FailureMessageComponent } from '../../shared/failure-message.component';
import { partyName } from '../../shared/party-name';
import { AgentStatusMenuActions } from '../../state/presence/agent-status-menu.actions';
import { selectStatusMenuViewModel } from '../../state/presence/presence.view-model';
import { StatusRegionActions } from '../../state/presence/status-region.actions';

/**
 * The agent's status in the shell's toolbar: the state and the time in it, a menu to choose
 * Available, Away or Offline (for after the call, during one), and the `Status` region saying why
 * the console set it (a missed queue call) or why Teams would not take it.
 */
@Component({
  selector: 'sb-status-menu',
  imports: [MatButton, MatMenu, MatMenuItem, MatMenuTrigger, DurationPipe, FailureMessageComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let view = vm();
    <!-- Its name says what it shows (WCAG 2.5.3); the time in the state is beside it. -->
    <button
      mat-stroked-button
      type="button"
      class="status"
      [attr.data-state]="view.state"
      [attr.aria-label]="view.label"
      [matMenuTriggerFor]="menu"
    >
      <span class="dot" aria-hidden="true"></span
      >{{ view.then ? view.words + ', then ' + view.then : view.words }}
    </button>
    @if (view.since !== null) {
      <span class="since">{{ ticker.now() - view.since | duration }}</span>
    }
    <mat-menu #menu="matMenu" aria-label="Status">
      @for (choice of view.choices; track choice.status) {
        <button
          mat-menu-item
          type="button"
          role="menuitemradio"
          [attr.aria-checked]="choice.checked"
          (click)="choose(choice.status)"
        >
          {{ choice.words }}
        </button>
      }
    </mat-menu>
    @if (view.missedCall || view.failure || view.teamsShows) {
      <section class="notice" role="region" aria-label="Status">
        @if (missedCallSentence(); as sentence) {
          <p>{{ sentence }}</p>
        }
        @if (view.teamsShows; as shows) {
          <p>
            You are Available here, but Teams shows you as {{ shows }}, so call queues that route by presence
            will not ring you.
          </p>
        }
        @if (view.failure; as failure) {
          <sb-failure-message [failure]="failure" />
        }
        <div class="actions">
          @if (view.missedCall) {
            <button mat-flat-button type="button" (click)="setAvailable()">Set Available</button>
          }
          <button mat-button type="button" (click)="dismiss()">Dismiss</button>
        </div>
      </section>
    }
  `,
  styles: `
    :host {
      position: relative;
    }
    .status {
      white-space: nowrap;
    }
    .since {
      margin-left: 8px;
      font-variant-numeric: tabular-nums;
    }
    .dot {
      display: inline-block;
      width: 10px;
      height: 10px;
      margin-right: 8px;
      border-radius: 50%;
      border: 2px solid var(--mat-sys-outline);
    }
    [data-state='available'] .dot {
      background: #13a10e;
      border-color: #13a10e;
    }
    [data-state='onCall'] .dot {
      background: var(--mat-sys-error);
      border-color: var(--mat-sys-error);
    }
    [data-state='afterCallWork'] .dot,
    [data-state='away'] .dot {
      background: #eaa300;
      border-color: #eaa300;
    }
    .notice {
      position: absolute;
      top: calc(100% + 8px);
      right: 0;
      z-index: 10;
      width: min(360px, 90vw);
      padding: 12px 16px;
      border-radius: 12px;
      background: var(--mat-sys-surface-container-high);
      color: var(--mat-sys-on-surface);
      box-shadow: var(--mat-sys-level2);
      font: var(--mat-sys-body-medium);
      white-space: normal;
    }
    .notice p {
      margin: 0 0 8px;
    }
    .actions {
      display: flex;
      gap: 8px;
      justify-content: flex-end;
      margin-top: 8px;
    }
  `,
})
export class StatusMenuComponent {
  private readonly store = inject(Store);
  protected readonly ticker = inject(Ticker);
  protected readonly vm = this.store.selectSignal(selectStatusMenuViewModel);

  protected readonly missedCallSentence = computed(() => {
    const missed = this.vm().missedCall;
    if (!missed) return null;
    const from = missed.queue ? `${partyName(missed.caller)} (${missed.queue})` : partyName(missed.caller);
    return `You missed a call from ${from}, so your status is now Away.`;
  });

  choose(status: ChosenPresence): void {
    this.store.dispatch(AgentStatusMenuActions.statusChosen({ status }));
  }

  setAvailable(): void {
    this.store.dispatch(StatusRegionActions.setAvailableClicked());
  }

  dismiss(): void {
    this.store.dispatch(StatusRegionActions.dismissClicked());
  }
}
